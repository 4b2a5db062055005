import type { CauseId } from '../core/causes.js';
import type { Evidence } from '../core/finding.js';
import type { PermissionCell, PermissionRow } from '../core/permission-matrix.js';
import type { Severity } from '../core/severity.js';
import type { Exchange } from '../http/types.js';
import type { Operation, SpecModel } from '../spec/model.js';

export type CheckKind = 'lint' | 'audit';

/** What a check yields. The engine adds check id, cause, severity, remedy and the location's line. */
export interface FindingDraft {
  /** 'METHOD /path' of the operation, or null/undefined for the whole API. */
  readonly operation?: string | null;
  /** JSON pointer into the spec that shows the problem. */
  readonly pointer?: string;
  /** Overrides the check's summary as the finding's title. */
  readonly title?: string;
  /** One or two sentences naming exactly what is wrong here. */
  readonly detail: string;
  readonly status?: number | null;
  readonly evidence?: readonly Evidence[];
  /** Overrides the check's default severity for this one finding. */
  readonly severity?: Severity;
}

export interface LintContext {
  readonly spec: SpecModel;
}

/**
 * Live checks get the spec plus the audit's view of the running API. The concrete shape is defined by
 * the engine (see engine/audit-context.ts); checks only see this interface.
 */
export interface AuditContext extends LintContext {
  readonly audit: AuditServices;
}

/** A role the audit may act as: the headers that authenticate it and the scopes it holds. */
export interface Role {
  readonly name: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly scopes: readonly string[];
}

/** Why a request was sent; checks filter the traffic on it. */
export type InputKind = 'valid' | 'invalid' | 'probe';

/** An exchange as the audit recorded it, tied to the operation and the role it was sent for. */
export interface AuditExchange extends Exchange {
  readonly operation: string | null;
  readonly phase: string;
  /** The role whose credentials were sent, or null for an anonymous request. */
  readonly role: string | null;
  readonly inputKind: InputKind;
  /** For invalid inputs: what was broken on purpose ('body.quantity: wrong type (string)'). */
  readonly mutation?: string;
  /** The configured dependencies whose proxies carried traffic while this request was in flight. */
  readonly dependencies?: readonly string[];
}

/** What a check asks the audit to send. Paths are relative to the target (`/users/1?x=y`). */
export interface ProbeRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly operation?: string | null;
  readonly role?: string | null;
  readonly inputKind?: InputKind;
  readonly mutation?: string;
  readonly timeoutMs?: number;
}

export interface RequestOptions {
  /** Role whose credentials to send; null for none. Default: the first role that satisfies the operation. */
  readonly role?: Role | null;
  /** Extra headers, applied last (e.g. a tampered Authorization). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Path parameter values to use instead of examples (e.g. an id another role created). */
  readonly pathParams?: Readonly<Record<string, string | number>>;
}

/** One violation of the spec by a response. */
export interface ConformanceProblem {
  readonly kind: 'status' | 'content-type' | 'schema' | 'header' | 'undocumented-field';
  readonly message: string;
  /** Where in the body (JSON pointer) or which header. */
  readonly path?: string;
}

/** What a short open-model run of the load generator measured (latency from each request's scheduled start). */
export interface BurstLoad {
  /** Requests scheduled per second: the rate at which `concurrency` would be in flight at the solo latency. */
  readonly ratePerSecond: number;
  readonly sent: number;
  readonly responses: number;
  /** Iterations dropped because `count` were already in flight. */
  readonly dropped: number;
  readonly statuses: Readonly<Record<string, number>>;
  /** Transport errors by code (timeout, reset, ...). */
  readonly errors: Readonly<Record<string, number>>;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

/** A short burst's result: latencies one at a time (recorded exchanges), then under load. */
export interface BurstResult {
  readonly sequentialMs: readonly number[];
  readonly concurrency: number;
  /** The sequential requests, recorded in the audit's traffic like every probe. */
  readonly exchanges: readonly AuditExchange[];
  /** The concurrent half; null when no sequential request was answered, so there was no rate to aim at. */
  readonly load: BurstLoad | null;
}

/** A resource id the audit saw the API hand out, and who it was handed to. */
export interface LearnedValue {
  /** The collection path template the id belongs under ('/orders' for '/orders/{id}'). */
  readonly collection: string;
  readonly value: string | number;
  /** The role that created or listed it, null when anonymous. */
  readonly role: string | null;
  /** The operation whose response carried it. */
  readonly operation: string;
  /** True when it came from a create (POST) response rather than a listing. */
  readonly isCreated: boolean;
  /** The record's scalar fields as the response had them (`{ id: 11, slug: 'hello-x1', title: ... }`). */
  readonly fields?: Readonly<Record<string, string | number>>;
  /** The values the request used for the collection's own path parameters (`{ slug: 'hello-x1' }` for a comment). */
  readonly parents?: Readonly<Record<string, string>>;
}

/** A fault to inject into a dependency, in the proxy's terms (docs/proxy.md): 'timeout', 'latency', 'reset_peer', 'http_status'… */
export interface DependencyFault {
  readonly type: string;
  readonly stream?: 'upstream' | 'downstream';
  /** Share of connections or requests it applies to, 0..1. Default 1. */
  readonly toxicity?: number;
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/** What a dependency's proxy carried: connections, HTTP requests and bytes either way. */
export interface DependencyTraffic {
  readonly connections: number;
  readonly requests: number;
  readonly bytes: number;
}

/**
 * A dependency of the API under audit, reached through a fault-injecting proxy. Its traffic shows which
 * operations use it (observed, never configured); faults are injected and lifted around a probe.
 */
export interface DependencyHandle {
  readonly name: string;
  /** The traffic so far; pass it to `trafficSince` to see what one probe made the API send. */
  mark(): DependencyTraffic;
  trafficSince(mark: DependencyTraffic): DependencyTraffic;
  /** Start a fault on every new connection or request to the dependency; throws on an invalid fault. */
  inject(fault: DependencyFault): Promise<void>;
  /** Lift every fault; requests the faults held are let go (their connections closed). */
  clear(): Promise<void>;
}

/** A permission-matrix cell as the audit keeps it: the report's cell plus the exchange behind it. */
export interface LiveCell extends PermissionCell {
  readonly exchange?: AuditExchange;
}

/** Every role and anonymous against every operation, with the exchanges (see core/permission-matrix.ts). */
export interface LiveMatrix {
  readonly roles: readonly string[];
  readonly rows: readonly (Omit<PermissionRow, 'cells'> & { readonly cells: Readonly<Record<string, LiveCell>> })[];
}

/** The audit engine's services, as live checks see them. Every request counts against the budget. */
export interface AuditServices {
  /** Base URL of the API under audit. */
  readonly target: string;
  readonly roles: readonly Role[];
  /** The traffic the engine's own phases sent (spec examples, generated valid and invalid inputs). */
  exchanges(): readonly AuditExchange[];
  /**
   * Send one request and record it. null when the budget is spent (`remainingRequests()` is 0: stop),
   * when the request is refused as unsafe, or when the audit gave up on the operation after repeated
   * transport errors (move on to the next operation).
   */
  probe(request: ProbeRequest): Promise<AuditExchange | null>;
  /** A valid request for the operation (examples first, ids learnt from earlier responses), or null if none can be built. */
  requestFor(operation: Operation, options?: RequestOptions): ProbeRequest | null;
  /** The roles whose scopes satisfy the operation's security, and those whose scopes do not. */
  rolesFor(operation: Operation): { readonly allowed: readonly Role[]; readonly denied: readonly Role[] };
  /**
   * Like requestFor, but for an operation that deletes or changes one resource, first creates a fresh
   * resource (when the API has a create operation for the collection) and aims the request at it.
   */
  freshRequestFor(operation: Operation, options?: RequestOptions): Promise<ProbeRequest | null>;
  /** How a response departs from the spec for that operation. */
  conformance(operation: Operation, exchange: AuditExchange): readonly ConformanceProblem[];
  /**
   * The audit's short load phase: send `request` `count` times one at a time, then `count` times
   * through the load generator (open model) at the rate that would keep `concurrency` in flight if
   * the latency stayed as it was alone. Null when the budget cannot cover both halves.
   */
  burst(request: ProbeRequest, options: { readonly count: number; readonly concurrency: number }): Promise<BurstResult | null>;
  /** True when destructive methods may go to this target (loopback, or --unsafe). */
  readonly isDestructiveAllowed: boolean;
  /** False when the user turned the exposure probes off (--no-exposure-probes). */
  readonly isExposureProbing: boolean;
  /** Resource ids learnt from responses (create-then-read), with the role that received them. */
  learned(): readonly LearnedValue[];
  /** Requests left in the budget. */
  remainingRequests(): number;
  /**
   * The permission matrix: every role and anonymous tried once against every operation, built on first
   * use (its requests count against the budget) and shared by every check that asks.
   */
  permissionMatrix(): Promise<LiveMatrix>;
  /** The API's dependencies behind faultline proxies (config `dependencies`); absent or empty when none. */
  readonly dependencies?: readonly DependencyHandle[];
}

export type CheckContext<Kind extends CheckKind> = Kind extends 'lint' ? LintContext : AuditContext;

export interface Check<Kind extends CheckKind = CheckKind> {
  /** Stable forever: '<area>.<name>', e.g. 'lint.operation-description', 'auth.unauthenticated-access'. */
  readonly id: `${string}.${string}`;
  readonly cause: CauseId;
  readonly kind: Kind;
  readonly severity: Severity;
  /** One line, shown by `faultline checks` and used as the default finding title. */
  readonly summary: string;
  /** One paragraph: why this makes APIs fail. */
  readonly explanation: string;
  /** What to do about it. */
  readonly remedy: string;
  run(ctx: CheckContext<Kind>): Iterable<FindingDraft> | AsyncIterable<FindingDraft>;
}

export type AnyCheck = Check<'lint'> | Check<'audit'>;

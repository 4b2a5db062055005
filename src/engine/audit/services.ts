import type { AuditExchange, AuditServices, BurstLoad, BurstResult, DependencyHandle, LiveMatrix, ProbeRequest, RequestOptions, Role } from '../../checks/types.js';
import { buildPermissionMatrix } from './permission-matrix.js';
import type { HttpClient } from '../../http/types.js';
import { destructiveMethods, type Operation, type SpecModel } from '../../spec/model.js';
import { deadlineCutLabel } from '../../checks/audit/resilience/transport-failure.js';
import type { EngineEvent } from '../events.js';
import type { RequestBudget } from './budget.js';
import { FailingOperations } from './failing-operations.js';
import { checkConformance } from './conformance.js';
import { createSchemaValidator } from '../../spec/schema-validator.js';
import { assemble, isRoleAllowed, requestFor, validParts, type RequestParts } from './request-builder.js';
import { CoverageTracker } from './coverage-tracker.js';
import { pathValues } from '../../spec/path-template.js';
import { collectionOf, ValuePool } from './value-pool.js';
import { decodeHistogram, summarize } from '../../load/histogram.js';
import { runShare } from '../../load/run-share.js';
import type { LoadPlan } from '../../load/types.js';

// A burst of 20 at a sub-millisecond solo latency would otherwise be scheduled inside a few microseconds.
const maxLoadRate = 5000;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export interface AuditSetup {
  readonly spec: SpecModel;
  readonly client: HttpClient;
  /** Base URL the operation paths are appended to. */
  readonly target: string;
  readonly roles: readonly Role[];
  readonly budget: RequestBudget;
  readonly isDestructiveAllowed: boolean;
  readonly isExposureProbing: boolean;
  readonly timeoutMs: number;
  /** False under --insecure; the load phase's sockets follow the client. */
  readonly isTlsVerified?: boolean;
  /** The API's dependencies behind faultline proxies, for the dependency-failures checks. */
  readonly dependencies?: readonly DependencyHandle[];
}

/**
 * The audit's shared state and the services live checks use: one place sends (budget, recording,
 * learning ids), so phases and checks cannot bypass the budget or the evidence trail.
 */
export class AuditSession implements AuditServices {
  readonly target: string;
  readonly roles: readonly Role[];
  readonly isDestructiveAllowed: boolean;
  readonly isExposureProbing: boolean;
  readonly dependencies: readonly DependencyHandle[];
  readonly pool = new ValuePool();
  readonly recorded: AuditExchange[] = [];
  readonly events: EngineEvent[] = [];
  /** Operations given up on after repeated transport errors (see FailingOperations). */
  readonly failing = new FailingOperations();
  phase = 'setup';
  private readonly validator;
  private readonly operationsByKey: Map<string, Operation>;
  sentCount = 0;
  /** Operations that answered 429 to generated traffic: the phases send them nothing more. */
  readonly rateLimited = new Set<string>();
  /** What each operation was sent and answered; operations that only ever answer the same 404/405 stop here. */
  readonly coverage: CoverageTracker;
  /** Notes on operations the audit stopped sending to, in the order it happened. */
  readonly stopNotes: string[] = [];
  /** The parts of the first valid request that reached each operation: the base for invalid and fuzzed variants. */
  private readonly reachedParts = new Map<string, RequestParts>();

  constructor(readonly setup: AuditSetup) {
    this.target = setup.target.replace(/\/+$/, '');
    this.roles = setup.roles;
    this.isDestructiveAllowed = setup.isDestructiveAllowed;
    this.isExposureProbing = setup.isExposureProbing;
    this.dependencies = setup.dependencies ?? [];
    this.validator = createSchemaValidator(setup.spec);
    this.operationsByKey = new Map(setup.spec.operations.map((op) => [op.key, op]));
    this.coverage = new CoverageTracker(setup.spec.operations);
  }

  exchanges(): readonly AuditExchange[] {
    return this.recorded;
  }

  learned() {
    // Each collection's identifier is the field named like its item path's parameter ({slug} → slug).
    return this.pool.all((collection) => {
      for (const operation of this.operationsByKey.values()) {
        const match = operation.path.startsWith(`${collection}/{`) ? /^\{([^}]+)\}$/.exec(operation.path.slice(collection.length + 1)) : null;
        if (match) return match[1];
      }
      return undefined;
    });
  }

  remainingRequests(): number {
    return this.setup.budget.remaining();
  }

  /** True once the request or time budget is spent: a null from send() then means stop, not skip. */
  isBudgetSpent(): boolean {
    return this.setup.budget.isExhausted();
  }

  /** Send without recording into the shared traffic (fuzzing keeps only what it chooses). */
  async send(request: ProbeRequest): Promise<AuditExchange | null> {
    // An operation that failed several times in a row gets no more requests: each would cost a whole
    // timeout. Callers see null, as for a spent budget, and phases move on to the next operation.
    if (this.failing.isGivenUp(request.operation)) return null;
    // A dead operation (only ever the same 404/405) gets no more generated traffic; the checks' own few
    // probes still go, since each check decides from its answer (a 410 is what removed-operation reads).
    if (request.inputKind !== 'probe' && this.coverage.isStopped(request.operation)) return null;
    if (!this.setup.budget.take()) return null;
    // In-flight requests end at the audit's deadline; the label tells checks such a timeout is ours.
    const requestedTimeoutMs = request.timeoutMs ?? this.setup.timeoutMs;
    const timeoutMs = Math.min(requestedTimeoutMs, Math.max(1, this.setup.budget.msLeft()));
    const isCutByDeadline = timeoutMs < requestedTimeoutMs;
    // Requests go one at a time, so the traffic a dependency's proxy carried meanwhile is this request's doing.
    const marks = this.dependencies.map((dependency) => dependency.mark());
    const exchange = await this.setup.client.send({
      method: request.method,
      url: this.target + (request.path.startsWith('/') ? request.path : `/${request.path}`),
      headers: request.headers ?? {},
      ...(request.body !== undefined ? { body: request.body } : {}),
      timeoutMs,
      ...(isCutByDeadline ? { label: deadlineCutLabel } : {}),
    });
    if (exchange.error?.code === 'UNSAFE_TARGET') return null;
    this.sentCount++;
    const givenUp = this.failing.record(request.operation, { errorCode: exchange.error?.code, isCutByDeadline });
    if (givenUp) this.events.push({ type: 'note', message: givenUp });
    const audited: AuditExchange = {
      ...exchange,
      operation: request.operation ?? null,
      phase: this.phase,
      role: request.role ?? null,
      inputKind: request.inputKind ?? 'probe',
      ...(request.mutation ? { mutation: request.mutation } : {}),
      ...dependenciesUsed(this.dependencies, marks),
    };
    this.events.push({
      type: 'request',
      phase: this.phase,
      operation: audited.operation,
      status: exchange.response?.status ?? null,
      durationMs: exchange.timings.durationMs,
      ...(exchange.error ? { error: exchange.error.code } : {}),
    });
    if (exchange.response?.status === 429 && audited.operation && audited.inputKind !== 'probe') this.rateLimited.add(audited.operation);
    const stopped = this.coverage.record(audited);
    if (stopped) {
      this.stopNotes.push(stopped);
      this.events.push({ type: 'note', message: stopped });
    }
    this.learnFrom(audited);
    return audited;
  }

  async probe(request: ProbeRequest): Promise<AuditExchange | null> {
    const exchange = await this.send(request);
    if (exchange) this.recorded.push(exchange);
    return exchange;
  }

  record(exchange: AuditExchange): void {
    this.recorded.push(exchange);
  }

  private matrix: Promise<LiveMatrix> | undefined;

  permissionMatrix(): Promise<LiveMatrix> {
    this.matrix ??= buildPermissionMatrix(this, this.setup.spec);
    return this.matrix;
  }

  /** The matrix if a check or the runner built it, without building it. */
  builtMatrix(): Promise<LiveMatrix> | undefined {
    return this.matrix;
  }

  requestFor(operation: Operation, options: RequestOptions = {}): ProbeRequest | null {
    return requestFor(this.setup.spec, operation, this.pool, this.roles, options);
  }

  rolesFor(operation: Operation) {
    return {
      allowed: this.roles.filter((role) => isRoleAllowed(operation, role)),
      denied: this.roles.filter((role) => !isRoleAllowed(operation, role)),
    };
  }

  conformance(operation: Operation, exchange: AuditExchange) {
    return checkConformance(this.setup.spec, this.validator, operation, exchange);
  }

  async burst(request: ProbeRequest, options: { count: number; concurrency: number }): Promise<BurstResult | null> {
    if (this.setup.budget.remaining() < options.count * 2) return null;
    if (destructiveMethods.has(request.method.toUpperCase()) && !this.isDestructiveAllowed) return null;
    const exchanges: AuditExchange[] = [];
    const sequentialMs: number[] = [];
    for (let i = 0; i < options.count; i++) {
      const exchange = await this.send({ ...request, inputKind: 'probe' });
      if (!exchange) break;
      exchanges.push(exchange);
      if (exchange.response) sequentialMs.push(exchange.timings.durationMs);
    }
    const aloneMs = median(sequentialMs);
    const load = aloneMs === null ? null : await this.loadPhase(request, options, aloneMs);
    return { sequentialMs, concurrency: options.concurrency, exchanges, load };
  }

  /**
   * The concurrent half of a burst, run by the load generator in the open model: requests start on
   * schedule whatever the API does and latency counts from the scheduled start, so a route that queues
   * shows its queue instead of slowing the sender down (coordinated omission, see docs/load.md).
   */
  private async loadPhase(request: ProbeRequest, options: { count: number; concurrency: number }, aloneMs: number): Promise<BurstLoad | null> {
    let granted = 0;
    while (granted < options.count && this.setup.budget.take()) granted++;
    const timeoutMs = Math.min(request.timeoutMs ?? this.setup.timeoutMs, this.setup.budget.msLeft());
    if (granted === 0 || timeoutMs <= 0) return null;
    // Little's law: `concurrency` in flight at the solo latency.
    const ratePerSecond = Math.min(maxLoadRate, Math.max(1, Math.round((options.concurrency * 1000) / Math.max(aloneMs, 0.5))));
    const plan: LoadPlan = {
      target: this.target,
      requests: [{ name: request.operation ?? `${request.method} ${request.path}`, method: request.method, path: request.path, headers: request.headers ?? {}, ...(request.body !== undefined ? { body: request.body } : {}), weight: 1 }],
      executor: { kind: 'constant-arrival-rate', ratePerSecond, durationMs: Math.max(1, Math.ceil((granted * 1000) / ratePerSecond)) },
      connections: options.concurrency,
      maxInFlight: granted,
      timeoutMs,
      connectTimeoutMs: Math.min(timeoutMs, 5000),
      maxIterations: granted,
      isTlsVerified: this.setup.isTlsVerified ?? true,
    };
    let result;
    try {
      result = await runShare({ plan, share: { index: 0, count: 1 }, startAt: Date.now() });
    } catch {
      // A request the generator cannot put on the wire (a header it refuses): the burst has no load half.
      return null;
    }
    const counts = result.operations[0]!;
    const latency = summarize(decodeHistogram(counts.histogram));
    this.sentCount += counts.sent;
    this.coverage.recordLoad(request.operation, counts.statuses, Object.values(counts.errors).reduce((a, b) => a + b, 0));
    this.events.push({ type: 'request', phase: this.phase, operation: request.operation ?? null, status: null, durationMs: latency.p95 });
    return {
      ratePerSecond,
      sent: counts.sent,
      responses: counts.responses,
      dropped: counts.dropped,
      statuses: counts.statuses,
      errors: counts.errors,
      p50Ms: latency.p50,
      p95Ms: latency.p95,
      maxMs: latency.max,
    };
  }

  /**
   * A valid request for an operation that destroys or changes one resource, aimed at a resource
   * created just for it when the API has a create operation, so the audit does not delete the
   * examples the rest of the run relies on.
   */
  async freshRequestFor(operation: Operation, options: RequestOptions = {}): Promise<ProbeRequest | null> {
    const fresh = operation.method === 'get' ? null : await this.createFor(operation, options.pathParams ?? {});
    return this.requestFor(operation, fresh ? { ...options, pathParams: { ...options.pathParams, ...fresh } } : options);
  }

  /**
   * Create a resource in the collection the operation's last path parameter addresses (POST on the
   * path before it, parents chosen from learnt values), and return the path values that aim the
   * operation at it: the parents the create used and the created record's identifier (the field named
   * like the parameter, wherever it sits in the response). Null when there is no create, it failed, or
   * its response names nothing.
   */
  async createFor(operation: Operation, pathOverrides: Readonly<Record<string, string | number>> = {}, as?: Role | null): Promise<Record<string, string | number> | null> {
    const lastParam = /\{([^}]+)\}$/.exec(operation.path)?.[1];
    if (!lastParam) return null;
    const create = this.operationsByKey.get(`POST ${collectionOf(operation.path, lastParam)}`);
    if (!create || (!this.isDestructiveAllowed)) return null;
    const parents = Object.fromEntries(Object.entries(pathOverrides).filter(([name]) => create.path.includes(`{${name}}`)));
    const parts = validParts(this.setup.spec, create, this.pool, parents);
    const created = await this.sendValid(create, parts, as === undefined ? this.defaultRole(create) : as);
    if (!created?.response || created.response.status >= 300) return null;
    const createdValues = pathValues(create.path, new URL(created.request.url).pathname) ?? {};
    const newest = this.pool.all((collection) => (collection === create.path ? lastParam : undefined)).filter((v) => v.operation === create.key && v.collection === create.path && v.role === created.role).pop();
    if (!newest) return null;
    return { ...createdValues, [lastParam]: newest.value };
  }

  /** The first role whose scopes satisfy a secured operation; null for an open one. */
  defaultRole(operation: Operation): Role | null {
    const secured = operation.security.length > 0 && operation.security.every((alternative) => alternative.schemes.length > 0);
    return secured ? (this.roles.find((r) => isRoleAllowed(operation, r)) ?? null) : null;
  }

  /** Send a request meant to be valid, recorded; when it reaches a 2xx its parts become the operation's base. */
  async sendValid(operation: Operation, parts: RequestParts, role: Role | null): Promise<AuditExchange | null> {
    const exchange = await this.probe({ ...assemble(operation, parts, role), inputKind: 'valid' });
    const status = exchange?.response?.status;
    if (status !== undefined && status >= 200 && status < 300 && !this.reachedParts.has(operation.key)) this.reachedParts.set(operation.key, parts);
    return exchange;
  }

  /** The parts that reached the operation (with fresh generated values left alone), or new valid parts. */
  baseParts(operation: Operation): RequestParts {
    return this.reachedParts.get(operation.key) ?? validParts(this.setup.spec, operation, this.pool);
  }

  operation(key: string | null): Operation | undefined {
    return key ? this.operationsByKey.get(key) : undefined;
  }

  private learnFrom(exchange: AuditExchange): void {
    const operation = this.operation(exchange.operation);
    const response = exchange.response;
    if (!operation || !response || response.status >= 300 || exchange.inputKind === 'invalid') return;
    if (operation.method === 'delete') {
      const lastParam = /\{([^}]+)\}$/.exec(operation.path)?.[1];
      const value = lastParam ? decodeURIComponent(exchange.request.url.split('?')[0]!.split('/').pop() ?? '') : undefined;
      if (lastParam && value) this.pool.forget(operation.path, lastParam, value);
      return;
    }
    // What a successful write sent is what the API now holds: a registration's email and password sign in.
    if (operation.method === 'post' && exchange.inputKind === 'valid' && exchange.request.body) this.pool.learnSent(operation, exchange.request.body);
    const location = response.headers['location'];
    if (response.json === undefined && !location) return;
    const values = pathValues(operation.path, new URL(exchange.request.url).pathname) ?? {};
    this.pool.learn(operation, exchange.role, response.json, values, location);
    const documented = operation.responses.find((r) => r.status === String(response.status));
    for (const link of documented?.links ?? []) {
      for (const [parameter, expression] of Object.entries(link.parameters)) {
        const match = typeof expression === 'string' ? /^\$response\.body#(\/.*)?$/.exec(expression) : null;
        if (match && link.operationId) this.pool.learnLink(link.operationId, parameter, pointerValue(response.json, match[1] ?? ''));
      }
    }
  }
}

function pointerValue(value: unknown, pointer: string): unknown {
  let node = value;
  for (const segment of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function dependenciesUsed(dependencies: readonly DependencyHandle[], marks: readonly ReturnType<DependencyHandle['mark']>[]): { dependencies?: string[] } {
  const used = dependencies.filter((dependency, i) => {
    const traffic = dependency.trafficSince(marks[i]!);
    return traffic.requests + traffic.connections + traffic.bytes > 0;
  });
  return used.length > 0 ? { dependencies: used.map((dependency) => dependency.name) } : {};
}

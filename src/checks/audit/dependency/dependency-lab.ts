import type { Operation, SpecModel } from '../../../spec/model.js';
import type { AuditExchange, AuditServices, DependencyFault, DependencyHandle, DependencyTraffic, ProbeRequest } from '../../types.js';
import { isSuccess } from '../evidence.js';
import { deadlineCutLabel } from '../resilience/transport-failure.js';

/** An operation seen to call a dependency: replaying its request made the dependency's proxy carry traffic. */
export interface DependencyLink {
  readonly operation: Operation;
  readonly request: ProbeRequest;
  readonly dependency: DependencyHandle;
  /** The healthy answer, with nothing injected. */
  readonly baseline: AuditExchange;
}

export type ExperimentKind = 'hang' | 'error-status' | 'reset' | 'slow';

/** One fault injected around one request, then lifted, and how the operation came back. */
export interface Experiment {
  readonly kind: ExperimentKind;
  readonly fault: DependencyFault;
  /** The answer (or transport error) while the fault was on. */
  readonly exchange: AuditExchange;
  /** 'unknown' when the budget ran out before recovery could be seen. */
  readonly recovery: 'recovered' | 'not-recovered' | 'unknown';
  /** The last request sent while waiting for recovery. */
  readonly lastAttempt: AuditExchange | null;
  readonly recoveryMs: number;
}

/** The faults, in the proxy's terms. Black hole and reset act before the dependency sees the request. */
export const experimentFaults: Readonly<Record<ExperimentKind, DependencyFault>> = {
  hang: { type: 'timeout', stream: 'upstream' },
  'error-status': { type: 'http_status', attributes: { status: 500 } },
  reset: { type: 'reset_peer', stream: 'upstream' },
  slow: { type: 'latency', attributes: { latency: 2000 } },
};

export const experimentLabels: Readonly<Record<ExperimentKind, string>> = {
  hang: 'not answering (black hole)',
  'error-status': 'answering 500',
  reset: 'resetting the connection',
  slow: 'answering 2 s late',
};

// Bounds: every request here costs budget, and an injected hang costs a whole request timeout.
const maxLinkProbes = 60;
const maxLinks = 10;
const labTimeMs = 120_000;
const recoveryPausesMs = [0, 250, 500, 1000, 1500, 2000];
const recoveryWindowMs = 5_000;

function sawTraffic(traffic: DependencyTraffic): boolean {
  return traffic.requests + traffic.connections + traffic.bytes > 0;
}

/** True when the exchange timed out on the API's account (not cut short by the audit's own deadline). */
export function isHang(exchange: AuditExchange): boolean {
  return Boolean(exchange.error?.code.startsWith('TIMEOUT')) && exchange.label !== deadlineCutLabel;
}

/** A status that says "my dependency failed" (or a fallback answer) rather than "I broke". */
export function isGracefulStatus(status: number): boolean {
  return (status >= 200 && status < 500) || status === 502 || status === 503 || status === 504;
}

function isReplayable(operation: Operation, audit: AuditServices): boolean {
  if (operation.method === 'get' || operation.method === 'head') return true;
  // Replays repeat the request several times: a delete cannot be repeated, writes only where allowed.
  return operation.method !== 'delete' && audit.isDestructiveAllowed;
}

/** The recorded request again, as a probe: same method, path and query, headers and body. */
function replayOf(exchange: AuditExchange, target: string): ProbeRequest {
  const url = exchange.request.url;
  const path = url.startsWith(target) ? url.slice(target.length) : new URL(url).pathname + new URL(url).search;
  const headers = Object.fromEntries(Object.entries(exchange.request.headers).filter(([name]) => !['content-length', 'host', 'connection', 'user-agent', 'accept-encoding'].includes(name.toLowerCase())));
  return { method: exchange.request.method, path: path || '/', headers, ...(exchange.request.body !== undefined ? { body: exchange.request.body } : {}), operation: exchange.operation, role: exchange.role };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The dependency experiments of one audit, shared by the dependency checks so that each operation is
 * linked once and each fault injected once, whichever checks are selected.
 */
class DependencyLab {
  private links: Promise<DependencyLink[]> | undefined;
  private readonly experiments = new Map<string, Promise<Experiment | null>>();
  private readonly deadline = Date.now() + labTimeMs;

  constructor(private readonly audit: AuditServices) {}

  linksFor(spec: SpecModel): Promise<DependencyLink[]> {
    this.links ??= this.findLinks(spec);
    return this.links;
  }

  experiment(link: DependencyLink, kind: ExperimentKind): Promise<Experiment | null> {
    const key = `${link.operation.key}\u0000${link.dependency.name}\u0000${kind}`;
    let result = this.experiments.get(key);
    if (!result) {
      result = this.run(link, kind);
      this.experiments.set(key, result);
    }
    return result;
  }

  /** Replay each operation that answered 2xx in the examples phase and watch which proxies carry traffic. */
  private async findLinks(spec: SpecModel): Promise<DependencyLink[]> {
    const dependencies = this.audit.dependencies ?? [];
    if (dependencies.length === 0) return [];
    const succeeded = new Set(this.audit.exchanges().filter((e) => e.inputKind === 'valid' && e.operation && isSuccess(e)).map((e) => e.operation));
    const links: DependencyLink[] = [];
    let probes = 0;
    for (const operation of spec.operations) {
      if (links.length >= maxLinks || probes >= maxLinkProbes || Date.now() > this.deadline) break;
      if (!succeeded.has(operation.key) || !isReplayable(operation, this.audit)) continue;
      // A request that already made the API call a dependency comes first: the dependency may be used only
      // for some inputs (an optional field, a query flag) that the spec's example does not carry.
      // (A replayed write creates or changes again, which isReplayable allowed above.)
      const seen = this.audit.exchanges().find((e) => e.operation === operation.key && e.inputKind === 'valid' && isSuccess(e) && (e.dependencies?.length ?? 0) > 0);
      const request = seen ? replayOf(seen, this.audit.target) : operation.method === 'get' || operation.method === 'head' ? this.audit.requestFor(operation) : await this.audit.freshRequestFor(operation);
      if (!request) continue;
      probes++;
      const first = await this.replay(operation, request, dependencies);
      if (first === null) break;
      if (!first || first.used.length === 0) continue;
      // A second replay must show the same traffic, so a dependency's background chatter links nothing.
      const second = await this.replay(operation, request, dependencies);
      if (second === null) break;
      if (!second) continue;
      for (const dependency of first.used.filter((d) => second.used.includes(d))) links.push({ operation, request, dependency, baseline: second.exchange });
    }
    return links;
  }

  /** null: stop (budget spent); undefined: the replay did not succeed. */
  private async replay(operation: Operation, request: ProbeRequest, dependencies: readonly DependencyHandle[]) {
    const marks = dependencies.map((dependency) => dependency.mark());
    const exchange = await this.audit.probe({ ...request, operation: operation.key, inputKind: 'probe' });
    if (!exchange) return this.audit.remainingRequests() === 0 ? null : undefined;
    if (!isSuccess(exchange)) return undefined;
    return { exchange, used: dependencies.filter((dependency, i) => sawTraffic(dependency.trafficSince(marks[i]!))) };
  }

  private async run(link: DependencyLink, kind: ExperimentKind): Promise<Experiment | null> {
    if (Date.now() > this.deadline || this.audit.remainingRequests() < 2) return null;
    const fault = experimentFaults[kind];
    try {
      await link.dependency.inject(fault);
    } catch {
      // The proxy cannot do this one (an HTTP fault on a TCP proxy): nothing to learn from it.
      return null;
    }
    let exchange: AuditExchange | null;
    try {
      exchange = await this.audit.probe({ ...link.request, operation: link.operation.key, inputKind: 'probe' });
    } finally {
      await link.dependency.clear();
    }
    if (!exchange) return null;
    return { kind, fault, exchange, ...(await this.awaitRecovery(link)) };
  }

  private async awaitRecovery(link: DependencyLink): Promise<Pick<Experiment, 'recovery' | 'lastAttempt' | 'recoveryMs'>> {
    const startedAt = Date.now();
    let lastAttempt: AuditExchange | null = null;
    for (const pauseMs of recoveryPausesMs) {
      await sleep(pauseMs);
      if (Date.now() - startedAt > recoveryWindowMs) break;
      const exchange = await this.audit.probe({ ...link.request, operation: link.operation.key, inputKind: 'probe' });
      if (!exchange) return { recovery: 'unknown', lastAttempt, recoveryMs: Date.now() - startedAt };
      lastAttempt = exchange;
      if (isSuccess(exchange)) return { recovery: 'recovered', lastAttempt, recoveryMs: Date.now() - startedAt };
      if (exchange.label === deadlineCutLabel) return { recovery: 'unknown', lastAttempt, recoveryMs: Date.now() - startedAt };
    }
    return { recovery: 'not-recovered', lastAttempt, recoveryMs: Date.now() - startedAt };
  }
}

const labs = new WeakMap<AuditServices, DependencyLab>();

/** The lab of this audit (one per audit session). */
export function dependencyLab(audit: AuditServices): DependencyLab {
  let lab = labs.get(audit);
  if (!lab) {
    lab = new DependencyLab(audit);
    labs.set(audit, lab);
  }
  return lab;
}

export function durationText(exchange: AuditExchange): string {
  return `${Math.round(exchange.timings.durationMs)} ms`;
}

/** "503 after 1004 ms" or "TIMEOUT_TOTAL after 5001 ms". */
export function outcomeText(exchange: AuditExchange): string {
  return `${exchange.response?.status ?? exchange.error?.code ?? 'nothing'} after ${durationText(exchange)}`;
}

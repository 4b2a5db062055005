import type { FaultProxy } from './proxy.js';
import type { FaultInput } from './types.js';

/** Counters the audit compares before and after a probe (the shape of the checks' DependencyTraffic). */
export interface TrafficMark {
  readonly connections: number;
  readonly requests: number;
  readonly bytes: number;
}

/** A proxy as the audit's dependency checks use it (the shape of the checks' DependencyHandle). */
export interface ProxyDependencyHandle {
  readonly name: string;
  mark(): TrafficMark;
  trafficSince(mark: TrafficMark): TrafficMark;
  inject(fault: Omit<FaultInput, 'name'>): Promise<void>;
  clear(): Promise<void>;
}

function markOf(proxy: FaultProxy): TrafficMark {
  const traffic = proxy.traffic();
  return { connections: traffic.connections, requests: traffic.requests, bytes: traffic.bytesFromClients + traffic.bytesFromUpstream };
}

/**
 * Wrap a running proxy for the audit: inject adds a fault under a name of its own, clear removes every
 * fault, and traffic marks show whether a probe made the API call this dependency.
 */
export function dependencyHandleFor(proxy: FaultProxy): ProxyDependencyHandle {
  let injected = 0;
  return {
    name: proxy.name,
    mark: () => markOf(proxy),
    trafficSince(mark) {
      const now = markOf(proxy);
      return { connections: now.connections - mark.connections, requests: now.requests - mark.requests, bytes: now.bytes - mark.bytes };
    },
    async inject(fault) {
      proxy.addFault({ ...fault, name: `audit-${++injected}` });
    },
    async clear() {
      proxy.clearFaults();
    },
  };
}

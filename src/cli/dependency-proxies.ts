import { connect } from 'node:net';
import type { DependencyHandle } from '../checks/types.js';
import { FaultlineError, isFaultlineError } from '../core/errors.js';
import { parseUpstream } from '../proxy/address.js';
import { dependencyHandleFor } from '../proxy/dependency-handle.js';
import { startProxy, type FaultProxy, type ProxyOptions } from '../proxy/proxy.js';

export interface ProxyRequest extends ProxyOptions {
  /** Where a bad listen address came from, for the error line ('--listen', 'dependencies[0].listen'). */
  readonly listenField: string;
  readonly upstreamField: string;
}

export interface RunningProxies {
  readonly proxies: readonly FaultProxy[];
  /** The proxies as the audit's dependency checks use them. */
  readonly handles: readonly DependencyHandle[];
  close(): Promise<void>;
}

/** Start one proxy per request, all or none: when one cannot listen, the others are closed again. */
export async function startProxies(requests: readonly ProxyRequest[]): Promise<RunningProxies> {
  const proxies: FaultProxy[] = [];
  const close = async () => {
    await Promise.all(proxies.map((proxy) => proxy.close()));
  };
  for (const { listenField, upstreamField, ...options } of requests) {
    try {
      proxies.push(await startProxy(options));
    } catch (error) {
      await close();
      const field = isFaultlineError(error) ? { listen: listenField, upstream: upstreamField }[error.location?.field ?? ''] : undefined;
      if (isFaultlineError(error) && field) throw new FaultlineError(error.code, error.message, { location: { field }, cause: error });
      throw error;
    }
  }
  return { proxies, handles: proxies.map(dependencyHandleFor), close };
}

/** Why the upstream cannot be reached right now, or null when a TCP connection succeeds within 1 s. */
export function upstreamProblem(upstream: string): Promise<string | null> {
  const { address } = parseUpstream(upstream, undefined);
  return new Promise((resolve) => {
    const socket = connect({ host: address.host, port: address.port });
    const done = (problem: string | null) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(1000, () => done('no answer within 1 s'));
    socket.once('connect', () => done(null));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

/** One stderr line per proxy: name, where it listens, where it forwards, in which mode. */
export function describeProxy(proxy: FaultProxy): string {
  return `proxy '${proxy.name}' on ${proxy.listen} → ${proxy.upstream} (${proxy.mode})`;
}

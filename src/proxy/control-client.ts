import { FaultlineError } from '../core/errors.js';
import type { Fault, FaultInput, FaultPatch, ProxyState } from './types.js';

/** A control API call the server refused: `status` is its HTTP status, the message its `error`. */
export class ProxyControlError extends FaultlineError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(status >= 500 ? 'E_INTERNAL' : 'E_USAGE', message);
    this.name = 'ProxyControlError';
  }
}

/** Typed calls to a faultline proxy's control API (docs/proxy.md). */
export interface ProxyControlClient {
  version(): Promise<string>;
  /** Every proxy, by name. */
  proxies(): Promise<Record<string, ProxyState>>;
  proxy(name: string): Promise<ProxyState>;
  /** Disabled, a proxy refuses connections, as a dependency that is down. */
  setEnabled(name: string, enabled: boolean): Promise<ProxyState>;
  faults(proxy: string): Promise<Fault[]>;
  addFault(proxy: string, fault: FaultInput): Promise<Fault>;
  updateFault(proxy: string, fault: string, patch: FaultPatch): Promise<Fault>;
  removeFault(proxy: string, fault: string): Promise<void>;
  /** Remove every fault and enable every proxy. */
  reset(): Promise<void>;
  /** Add a fault, run `during`, and remove the fault again whatever happens. */
  withFault<T>(proxy: string, fault: FaultInput, during: () => Promise<T>): Promise<T>;
}

/**
 * A client for the control API of `faultline proxy`, for tests in other projects.
 *
 * @example
 * import { createProxyControlClient } from 'faultline';
 * const control = createProxyControlClient('http://127.0.0.1:8474');
 * await control.withFault('inventory', { type: 'timeout' }, async () => {
 *   const response = await fetch('http://127.0.0.1:3000/products/1/availability');
 *   expect(response.status).toBe(503);
 * });
 */
export function createProxyControlClient(url: string): ProxyControlClient {
  const base = url.replace(/\/+$/, '');
  const segment = encodeURIComponent;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(base + path, {
        method,
        headers: body === undefined && method !== 'POST' ? {} : { 'content-type': 'application/json' },
        ...(body !== undefined || method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new FaultlineError('E_TARGET_UNREACHABLE', `cannot reach the proxy control API at ${base}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`, { cause: error });
    }
    const text = await response.text();
    const json = text === '' ? undefined : (JSON.parse(text) as unknown);
    if (!response.ok) {
      const message = (json as { error?: string } | undefined)?.error ?? `${method} ${path} answered ${response.status}`;
      throw new ProxyControlError(response.status, message);
    }
    return json as T;
  }

  const client: ProxyControlClient = {
    version: async () => (await call<{ version: string }>('GET', '/version')).version,
    proxies: () => call('GET', '/proxies'),
    proxy: (name) => call('GET', `/proxies/${segment(name)}`),
    setEnabled: (name, enabled) => call('POST', `/proxies/${segment(name)}`, { enabled }),
    faults: (proxy) => call('GET', `/proxies/${segment(proxy)}/faults`),
    addFault: (proxy, fault) => call('POST', `/proxies/${segment(proxy)}/faults`, fault),
    updateFault: (proxy, fault, patch) => call('POST', `/proxies/${segment(proxy)}/faults/${segment(fault)}`, patch),
    removeFault: (proxy, fault) => call('DELETE', `/proxies/${segment(proxy)}/faults/${segment(fault)}`),
    reset: () => call('POST', '/reset'),
    async withFault(proxy, fault, during) {
      const added = await client.addFault(proxy, fault);
      try {
        return await during();
      } finally {
        await client.removeFault(proxy, added.name);
      }
    },
  };
  return client;
}

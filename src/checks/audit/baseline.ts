import type { AuditExchange, AuditServices } from '../types.js';
import { probeCatchAll, type CatchAll } from './exposure/catch-all.js';

/** The two requests every passive check can rely on: the API's root and a path nobody documented. */
export interface Baseline {
  readonly root: AuditExchange | null;
  readonly unknown: CatchAll | null;
}

function recordedRoot(audit: AuditServices): AuditExchange | null {
  const url = `${audit.target}/`;
  return audit.exchanges().find((e) => e.operation === null && e.request.method === 'GET' && e.request.url === url && e.role === null) ?? null;
}

/**
 * Send `GET /` and `GET /<random>` once per audit (recorded with operation null) unless they are in the
 * traffic already. Global middleware (cookies, banners, CORS, the framework's 404 page) shows itself
 * there even when the spec documents none of it. Both are plain anonymous reads, so they are sent
 * whether or not exposure probing is on.
 */
export async function baselineProbes(audit: AuditServices): Promise<Baseline> {
  const root = recordedRoot(audit) ?? (await audit.probe({ method: 'GET', path: '/', operation: null, role: null, inputKind: 'probe' }));
  const unknown = await probeCatchAll(audit);
  return { root, unknown };
}

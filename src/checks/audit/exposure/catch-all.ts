import { randomBytes } from 'node:crypto';
import type { AuditExchange, AuditServices } from '../../types.js';

/** What the API answers for a path nobody documented, to tell a real page from a catch-all one. */
export interface CatchAll {
  readonly path: string;
  readonly exchange: AuditExchange;
}

/**
 * Ask for a random path that cannot exist. SPA hosts and some gateways answer 200 with the same page
 * for every path, so a 2xx on `/.env` means nothing until it differs from this answer.
 */
export async function probeCatchAll(audit: AuditServices): Promise<CatchAll | null> {
  // One answer is enough for the whole audit: every check that needs it reads the same exchange.
  const recorded = recordedCatchAll(audit);
  if (recorded) return recorded;
  const path = `/faultline-${randomBytes(6).toString('hex')}`;
  const exchange = await audit.probe({ method: 'GET', path, operation: null, role: null, inputKind: 'probe' });
  return exchange ? { path, exchange } : null;
}

const catchAllPath = /^\/faultline-[0-9a-f]{12}$/;

/** The random-path answer an earlier check already recorded, if any. */
export function recordedCatchAll(audit: AuditServices): CatchAll | null {
  for (const exchange of audit.exchanges()) {
    if (exchange.operation !== null || exchange.request.method !== 'GET' || !exchange.request.url.startsWith(`${audit.target}/`)) continue;
    const path = exchange.request.url.slice(audit.target.length);
    if (catchAllPath.test(path)) return { path, exchange };
  }
  return null;
}

function mediaType(exchange: AuditExchange): string {
  return (exchange.response?.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/** True when a 2xx for `path` is just the catch-all page again (same body, or the same HTML shell). */
export function isCatchAllAnswer(catchAll: CatchAll | null, path: string, exchange: AuditExchange): boolean {
  const baseline = catchAll?.exchange.response;
  if (!catchAll || !baseline || baseline.status < 200 || baseline.status >= 300) return false;
  // Pages often echo the requested path ("no route /x"), so the path is masked before comparing.
  const normalise = (body: string | undefined, own: string) => (body ?? '').split(own).join('{path}').trim();
  const candidate = normalise(exchange.response?.body, path);
  const page = normalise(baseline.body, catchAll.path);
  if (candidate === page) return true;
  // An SPA shell carries a nonce or build hash that can differ per request; a real file is another kind of content.
  const isHtmlShell = mediaType(catchAll.exchange) === 'text/html' && mediaType(exchange) === 'text/html';
  return isHtmlShell && Math.abs(candidate.length - page.length) <= Math.max(32, page.length * 0.05);
}

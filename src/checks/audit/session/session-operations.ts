import type { Operation, SpecModel } from '../../../spec/model.js';
import type { AuditExchange, AuditServices } from '../../types.js';
import { isSuccess } from '../evidence.js';
import { cookieHeaderOf, parseSetCookies } from './set-cookie.js';

const logoutWords = /(^|[^a-z])(log-?out|sign-?out)([^a-z]|$)/i;
const loginWords = /(^|[^a-z])(log-?in|sign-?in|sessions?|tokens?|auth|authenticate)([^a-z]|$)/i;
const readPaths = /^\/(.*\/)?(session|sessions|me|profile|account|whoami)(\/|$)/i;
// Segments that name the session machinery rather than the API family a flow belongs to.
const sessionWords = /^(log-?in|log-?out|sign-?in|sign-?out|sessions?|token|auth|oauth|me|profile|account|whoami|current)$/i;

export function isLogoutOperation(op: Operation): boolean {
  if (['post', 'delete', 'get'].includes(op.method) && logoutWords.test(op.path)) return true;
  return op.method === 'delete' && /\/sessions?(\/(current|me))?$/i.test(op.path);
}

/** POST operations that start a session or hand out a token: /login, /signin, /sessions, /oauth/token, /auth. */
export function loginOperations(spec: SpecModel): Operation[] {
  return spec.operations.filter((op) => op.method === 'post' && loginWords.test(op.path) && !isLogoutOperation(op));
}

const readPreference = ['session', 'sessions', 'me', 'whoami', 'account', 'profile'];

/** GET operations without path parameters that show the caller's own session or account, session reads first. */
export function sessionReadOperations(spec: SpecModel): Operation[] {
  const rank = (op: Operation) => readPreference.indexOf(readPaths.exec(op.path)?.[2]?.toLowerCase() ?? '');
  return spec.operations.filter((op) => op.method === 'get' && !op.path.includes('{') && readPaths.test(op.path)).sort((a, b) => rank(a) - rank(b));
}

function family(path: string): string[] {
  return path.toLowerCase().split('/').filter((s) => s !== '' && !sessionWords.test(s));
}

/** How alike two paths are once the session words are dropped: '/login/secure' and '/logout/secure' match best. */
export function familyScore(a: string, b: string): number {
  const left = family(a);
  const right = family(b);
  const shared = left.filter((s) => right.includes(s)).length;
  return shared * 2 - (left.length - shared) - (right.length - shared);
}

/** Operations sorted by how closely they belong to the same flow as `to` (stable for ties). */
export function byFamily(operations: readonly Operation[], to: Operation): Operation[] {
  return [...operations].sort((a, b) => familyScore(b.path, to.path) - familyScore(a.path, to.path));
}

/** What a successful login handed back: cookies to replay and/or a bearer token from the JSON body. */
export function credentialsFrom(exchange: AuditExchange, nowMs = Date.now()): Record<string, string> | null {
  if (!isSuccess(exchange)) return null;
  const headers: Record<string, string> = {};
  const cookie = cookieHeaderOf(parseSetCookies(exchange.response!.headers['set-cookie']), nowMs);
  if (cookie) headers['cookie'] = cookie;
  const body = exchange.response!.json;
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    const token = record['token'] ?? record['access_token'] ?? record['accessToken'];
    if (typeof token === 'string' && token !== '') headers['authorization'] = `Bearer ${token}`;
  }
  return Object.keys(headers).length > 0 ? headers : null;
}

/**
 * The valid exchanges of every login operation, sending each login once (spec example body) when the
 * traffic has none yet, so the cookies it sets can be judged. Logins are POSTs: sent only when allowed.
 */
export async function loginExchanges(spec: SpecModel, audit: AuditServices): Promise<AuditExchange[]> {
  const found: AuditExchange[] = [];
  for (const op of loginOperations(spec)) {
    const sent = audit.exchanges().filter((e) => e.operation === op.key && e.inputKind === 'valid' && e.response);
    if (sent.length > 0 || !audit.isDestructiveAllowed) {
      found.push(...sent);
      continue;
    }
    const request = audit.requestFor(op, { role: null });
    const exchange = request ? await audit.probe({ ...request, inputKind: 'valid' }) : null;
    if (exchange) found.push(exchange);
    else if (audit.remainingRequests() <= 0) break;
  }
  return found;
}

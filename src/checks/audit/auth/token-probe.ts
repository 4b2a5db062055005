import type { Operation, SpecModel } from '../../../spec/model.js';
import type { AuditExchange, AuditServices, FindingDraft } from '../../types.js';
import { evidenceOf, isSuccess } from '../evidence.js';
import { refusesAnonymous, requestAs } from './anonymous.js';
import { isDestructive, isSecured, takesBearerToken, withoutCredentials } from './security.js';

/** Forged-token probes go to at most this many operations, so they cost a bounded share of the budget. */
export const maxTokenTargets = 30;

/** Secured operations that take a bearer token, reads first; destructive ones only when allowed. */
export function tokenTargets(spec: SpecModel, audit: AuditServices, cap = maxTokenTargets): Operation[] {
  const candidates = spec.operations.filter((op) => isSecured(op) && takesBearerToken(spec, op) && (!isDestructive(op) || audit.isDestructiveAllowed));
  return [...candidates.filter((op) => !isDestructive(op)), ...candidates.filter(isDestructive)].slice(0, cap);
}

/** What happened when a token was tried on an operation. */
export type TokenOutcome = { readonly kind: 'accepted'; readonly exchange: AuditExchange } | { readonly kind: 'refused' } | { readonly kind: 'stop' };

/**
 * Send the operation's valid request with `Authorization: Bearer <token>` as its only credential.
 * 'accepted' only when the API answered 2xx and refuses anonymous callers, so the token is to blame;
 * 'stop' when the budget is spent.
 */
export async function tryToken(spec: SpecModel, audit: AuditServices, operation: Operation, token: string, note: string): Promise<TokenOutcome> {
  const request = await requestAs(audit, operation, { role: null });
  if (!request) return { kind: 'refused' };
  const bare = withoutCredentials(spec, request);
  const exchange = await audit.probe({ ...bare, headers: { ...bare.headers, authorization: `Bearer ${token}` }, inputKind: 'probe', mutation: note });
  if (!exchange) return { kind: 'stop' };
  if (!isSuccess(exchange)) return { kind: 'refused' };
  return (await refusesAnonymous(spec, audit, operation)) === true ? { kind: 'accepted', exchange } : { kind: 'refused' };
}

/** The finding for a forged or tampered token that an operation accepted. */
export function acceptedTokenDraft(operation: Operation, exchange: AuditExchange, what: string, note: string): FindingDraft {
  const status = exchange.response!.status;
  return {
    operation: operation.key,
    status,
    detail: `${operation.key} answered ${status} to ${what}, while it refuses requests without credentials. Expected 401.`,
    evidence: [evidenceOf(exchange, note)],
  };
}

import { randomBytes } from 'node:crypto';
import type { Operation, SpecModel } from '../../../spec/model.js';
import type { AuditExchange, AuditServices, FindingDraft } from '../../types.js';
import { evidenceOf, isSuccess } from '../evidence.js';
import { refusesAnonymous, requestAs } from './anonymous.js';
import { describePlace, isSamePlace, placesOf, withCredentialAt, type CredentialPlace } from './credential-place.js';
import type { KnownToken } from './known-tokens.js';
import { roleTokensOf } from './role-token.js';
import { isDestructive, isSecured } from './security.js';

/** Forged-token probes go to at most this many operations, so they cost a bounded share of the budget. */
export const maxTokenTargets = 30;

/** A secured operation and one place its security reads a token from. */
export interface TokenTarget {
  readonly operation: Operation;
  readonly place: CredentialPlace;
}

/**
 * Secured operations, reads first (destructive ones only when allowed), with every place their schemes
 * read a token from: bearer, OAuth 2 and OpenID Connect in Authorization, API keys in a header or a
 * cookie. When the spec names no such place, the places the allowed roles send their JWTs in.
 */
export function tokenTargets(spec: SpecModel, audit: AuditServices, cap = maxTokenTargets): TokenTarget[] {
  const candidates = spec.operations.filter((op) => isSecured(op) && (!isDestructive(op) || audit.isDestructiveAllowed));
  const targets: TokenTarget[] = [];
  let operations = 0;
  for (const operation of [...candidates.filter((op) => !isDestructive(op)), ...candidates.filter(isDestructive)]) {
    if (operations >= cap) break;
    const places = placesOf(spec, operation, audit.roles);
    if (places.length === 0) {
      for (const { place } of audit.rolesFor(operation).allowed.flatMap(roleTokensOf)) if (!places.some((p) => isSamePlace(p, place))) places.push(place);
    }
    if (places.length > 0) operations += 1;
    targets.push(...places.map((place) => ({ operation, place })));
  }
  return targets;
}

/**
 * The known tokens that fit the target, each with the place and prefix to send it in (the role's own,
 * so a forged token looks like the original): the roles allowed on the operation first, then the
 * tokens the API issued. Tokens of other roles would be refused for their scopes and prove nothing.
 */
export function tokensFor(audit: AuditServices, target: TokenTarget, tokens: readonly KnownToken[]): { token: KnownToken; place: CredentialPlace }[] {
  const allowed = new Set(audit.rolesFor(target.operation).allowed.map((role) => role.name));
  const fits = (token: KnownToken) => token.place === null || isSamePlace(token.place, target.place);
  return [...tokens.filter((t) => t.role !== null && allowed.has(t.role.name) && fits(t)), ...tokens.filter((t) => t.role === null && fits(t))].map((token) => ({
    token,
    place: token.place ?? target.place,
  }));
}

/** What happened when a token was tried on an operation. */
export type TokenOutcome = { readonly kind: 'accepted'; readonly exchange: AuditExchange } | { readonly kind: 'refused' } | { readonly kind: 'stop' };

/**
 * Send the operation's valid request with `token` in `place` as its only credential. 'accepted' only
 * when the API answered 2xx and refuses anonymous callers, so the token is to blame; 'stop' when the
 * budget is spent.
 */
export async function tryToken(spec: SpecModel, audit: AuditServices, operation: Operation, place: CredentialPlace, token: string, note: string): Promise<TokenOutcome> {
  const request = await requestAs(audit, operation, { role: null });
  if (!request) return { kind: 'refused' };
  const exchange = await audit.probe({ ...withCredentialAt(spec, request, place, token), inputKind: 'probe', mutation: note });
  return judged(spec, audit, operation, exchange);
}

async function judged(spec: SpecModel, audit: AuditServices, operation: Operation, exchange: AuditExchange | null): Promise<TokenOutcome> {
  if (!exchange) return { kind: 'stop' };
  if (!isSuccess(exchange)) return { kind: 'refused' };
  return (await refusesAnonymous(spec, audit, operation)) === true ? { kind: 'accepted', exchange } : { kind: 'refused' };
}

// Not a JWT, not base64 of anything: what a verifier must refuse with 401 before it parses anything.
const garbage = `faultline-invalid-${randomBytes(12).toString('hex')}`;

const garbagePrefix = 'a random string as the credential';

export function garbageNote(place: CredentialPlace): string {
  return `${garbagePrefix} (${describePlace(place)})`;
}

/** The garbage-credential probe: auth.garbage-token-server-error judges its 5xx, so conformance.server-error leaves it. */
export function isGarbageCredentialProbe(exchange: { readonly inputKind: string; readonly mutation?: string }): boolean {
  return exchange.inputKind === 'probe' && (exchange.mutation?.startsWith(garbagePrefix) ?? false);
}

/**
 * The operation's answer to a random string in the target's place: the recorded one when another check
 * already sent it, so auth.invalid-token-accepted and auth.garbage-token-server-error share one probe.
 * Null when the budget is spent, undefined when no request could be built.
 */
export async function sendGarbage(spec: SpecModel, audit: AuditServices, target: TokenTarget): Promise<AuditExchange | null | undefined> {
  const note = garbageNote(target.place);
  const recorded = audit.exchanges().find((e) => e.operation === target.operation.key && e.mutation === note && e.response !== null);
  if (recorded) return recorded;
  const request = await requestAs(audit, target.operation, { role: null });
  if (!request) return undefined;
  return audit.probe({ ...withCredentialAt(spec, request, target.place, garbage), inputKind: 'probe', mutation: note });
}

/** Like tryToken, for the garbage string. */
export async function tryGarbage(spec: SpecModel, audit: AuditServices, target: TokenTarget): Promise<TokenOutcome> {
  const exchange = await sendGarbage(spec, audit, target);
  return exchange === undefined ? { kind: 'refused' } : judged(spec, audit, target.operation, exchange);
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

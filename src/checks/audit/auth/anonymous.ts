import type { Operation, SpecModel } from '../../../spec/model.js';
import type { AuditExchange, AuditServices, ProbeRequest, RequestOptions } from '../../types.js';
import { isSuccess } from '../evidence.js';
import { hasCredentials, isDestructive, withoutCredentials } from './security.js';

/**
 * A valid request for the operation. Destructive operations are aimed at a resource created for the
 * purpose (by a role allowed to create it), so probes never delete the data the rest of the audit uses.
 */
export async function requestAs(audit: AuditServices, operation: Operation, options: RequestOptions): Promise<ProbeRequest | null> {
  return isDestructive(operation) ? audit.freshRequestFor(operation, options) : audit.requestFor(operation, options);
}

/** A request that reached the operation with no credentials at all, from the traffic already sent. */
export function recordedAnonymous(spec: SpecModel, audit: AuditServices, operation: Operation): AuditExchange | undefined {
  return audit.exchanges().find(
    (e) =>
      e.operation === operation.key &&
      e.role === null &&
      e.inputKind !== 'invalid' &&
      e.response !== null &&
      e.request.method.toLowerCase() === operation.method &&
      !hasCredentials(spec, e.request.headers, e.request.url),
  );
}

/** Send the operation's valid request with every credential removed; null when it cannot be built or sent. */
export async function sendAnonymous(spec: SpecModel, audit: AuditServices, operation: Operation): Promise<AuditExchange | null> {
  const request = await requestAs(audit, operation, { role: null });
  if (!request) return null;
  return audit.probe({ ...withoutCredentials(spec, request), inputKind: 'probe' });
}

/**
 * Whether the operation refuses a request without credentials (recorded traffic first, one probe
 * otherwise). A forged token or a wrong role that gets 2xx where anonymous callers do too is an
 * unauthenticated endpoint, not a token or scope problem. Undefined when it could not be told.
 */
export async function refusesAnonymous(spec: SpecModel, audit: AuditServices, operation: Operation): Promise<boolean | undefined> {
  const exchange = recordedAnonymous(spec, audit, operation) ?? (await sendAnonymous(spec, audit, operation));
  return exchange?.response ? !isSuccess(exchange) : undefined;
}

import type { AuditExchange } from '../types.js';

const maxPlacesListed = 5;

/** Where a response came from: its documented operation, or the method and path of an off-spec request. */
export function placeOf(exchange: AuditExchange): string {
  return exchange.operation ?? `${exchange.request.method} ${new URL(exchange.request.url).pathname} (not in the spec)`;
}

/**
 * The documented operation when every exchange belongs to the same one, else null: a header or cookie
 * that a global middleware adds everywhere is one finding for the API, not one per operation.
 */
export function sharedOperation(exchanges: readonly AuditExchange[]): string | null {
  const first = exchanges[0]?.operation ?? null;
  return first !== null && exchanges.every((e) => e.operation === first) ? first : null;
}

/** 'GET /items, GET / (not in the spec) and 4 more places (9 responses)': the distinct places, then the count. */
export function describePlaces(exchanges: readonly AuditExchange[]): string {
  const places = [...new Set(exchanges.map(placeOf))];
  const listed = places.slice(0, maxPlacesListed).join(', ');
  const more = places.length > maxPlacesListed ? ` and ${places.length - maxPlacesListed} more place${places.length - maxPlacesListed === 1 ? '' : 's'}` : '';
  return exchanges.length === 1 ? listed : `${listed}${more} (${exchanges.length} responses)`;
}

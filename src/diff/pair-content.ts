import type { MediaType, Response, ResponseHeader } from '../spec/model.js';

export interface Matching<T> {
  readonly pairs: readonly { readonly old: T; readonly new: T }[];
  readonly removed: readonly T[];
  readonly added: readonly T[];
}

function match<T>(oldItems: readonly T[], newItems: readonly T[], keys: readonly ((item: T) => string)[]): Matching<T> {
  const unmatched = new Set(newItems);
  const pairs: { old: T; new: T }[] = [];
  let pending = [...oldItems];
  for (const key of keys) {
    const byKey = new Map<string, T>();
    for (const item of unmatched) if (!byKey.has(key(item))) byKey.set(key(item), item);
    const next: T[] = [];
    for (const old of pending) {
      const found = byKey.get(key(old));
      if (found && unmatched.has(found)) {
        pairs.push({ old, new: found });
        unmatched.delete(found);
      } else {
        next.push(old);
      }
    }
    pending = next;
  }
  return { pairs, removed: pending, added: newItems.filter((item) => unmatched.has(item)) };
}

/** `application/json; charset=utf-8` and `application/json` are the same body to a client. */
function baseMediaType(media: MediaType): string {
  return media.mediaType.split(';')[0]!.trim().toLowerCase();
}

export function pairMediaTypes(oldItems: readonly MediaType[], newItems: readonly MediaType[]): Matching<MediaType> {
  return match(oldItems, newItems, [(m) => m.mediaType, baseMediaType]);
}

export function pairResponses(oldItems: readonly Response[], newItems: readonly Response[]): Matching<Response> {
  return match(oldItems, newItems, [(r) => r.status.toUpperCase()]);
}

/** Header names are case-insensitive (RFC 9110 §5.1). */
export function pairHeaders(oldItems: readonly ResponseHeader[], newItems: readonly ResponseHeader[]): Matching<ResponseHeader> {
  return match(oldItems, newItems, [(h) => h.name.toLowerCase()]);
}

/** 2XX statuses and '2XX' ranges: what a client treats as the operation working. */
export function isSuccessStatus(status: string): boolean {
  return /^2/.test(status);
}

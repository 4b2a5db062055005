import { getByPointer, isRef } from '../spec/refs.js';
import { decodeFragment, escapePointerSegment, splitPointer } from '../spec/values.js';

/** A value and the pointer where it is actually written, after every `$ref` on the way was followed. */
export interface Located {
  readonly value: unknown;
  readonly pointer: string;
}

/** Follow a chain of local `$ref`s from `located`; stops at a repeat or at a reference that leads nowhere. */
export function followRefs(document: unknown, located: Located): Located {
  let current = located;
  const seen = new Set<string>();
  while (isRef(current.value)) {
    const ref = current.value.$ref;
    if (!ref.startsWith('#') || seen.has(ref)) return current;
    seen.add(ref);
    const pointer = decodeFragment(ref.slice(1));
    const value = getByPointer(document, pointer);
    if (value === undefined) return current;
    current = { value, pointer };
  }
  return current;
}

/**
 * The model names elements by where they are used (`/paths/~1a/get/responses/200/content/...`) even when
 * the response is a `$ref` to `/components/responses/Ok`. This walks the pointer through every reference
 * on the way, so a finding points at the text a reader has to change. The last reference is followed too
 * unless `followLast` is false (then a `$ref` site stays the site: where this use of a component is written).
 */
export function realPointer(document: unknown, pointer: string, options: { readonly followLast?: boolean } = {}): Located {
  let current: Located = { value: document, pointer: '' };
  for (const segment of splitPointer(pointer)) {
    current = followRefs(document, current);
    const value = current.value;
    if (value === null || typeof value !== 'object') return { value: undefined, pointer };
    const next = Array.isArray(value) ? value[Number(segment)] : (value as Record<string, unknown>)[segment];
    if (next === undefined) return { value: undefined, pointer };
    current = { value: next, pointer: `${current.pointer}/${escapePointerSegment(segment)}` };
  }
  return options.followLast === false ? current : followRefs(document, current);
}

/** The longest prefix of `pointer` that exists in `document`: where a removed element used to hang. */
export function nearestExisting(document: unknown, pointer: string): string {
  let current = pointer;
  while (current !== '' && getByPointer(document, current) === undefined) current = current.slice(0, current.lastIndexOf('/'));
  return current;
}

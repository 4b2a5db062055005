import { getByPointer, isRef } from '../spec/refs.js';
import { decodeFragment, escapePointerSegment, splitPointer } from '../spec/values.js';

/** A value and the pointer where it is actually written, after every `$ref` on the way was followed. */
export interface Located {
  readonly value: unknown;
  readonly pointer: string;
}

// A 13 MB description resolves the same few hundred `$ref`s hundreds of thousands of times.
const targets = new WeakMap<object, Map<string, Located | null>>();

function target(document: unknown, ref: string): Located | null {
  if (document === null || typeof document !== 'object') return null;
  let byRef = targets.get(document);
  if (!byRef) targets.set(document, (byRef = new Map()));
  let found = byRef.get(ref);
  if (found === undefined) {
    const pointer = decodeFragment(ref.slice(1));
    const value = getByPointer(document, pointer);
    found = value === undefined ? null : { value, pointer };
    byRef.set(ref, found);
  }
  return found;
}

/** Follow a chain of local `$ref`s from `located`; stops at a repeat or at a reference that leads nowhere. */
export function followRefs(document: unknown, located: Located): Located {
  let current = located;
  let seen: Set<string> | undefined;
  while (isRef(current.value)) {
    const ref = current.value.$ref;
    if (!ref.startsWith('#') || seen?.has(ref)) return current;
    (seen ??= new Set()).add(ref);
    const found = target(document, ref);
    if (!found) return current;
    current = found;
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

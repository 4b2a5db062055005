import type { DiffCheck } from './types.js';

/**
 * Declare a diff check: metadata as data, one generator that yields what changed between OLD and NEW.
 * An identity function that keeps the literal types of the definition.
 *
 * @example
 * export const operationAdded = defineDiffCheck({
 *   id: 'diff.operation-added', cause: 'expiring-apis', level: 'info', isAddition: true,
 *   summary: 'Operation added', remedy: 'Nothing to do; document it in the changelog.',
 *   *run({ operations }) {
 *     for (const op of operations.added) yield { operation: op.key, newPointer: op.pointer, detail: `${op.key} is new.` };
 *   },
 * });
 */
export function defineDiffCheck(check: DiffCheck): DiffCheck {
  return check;
}

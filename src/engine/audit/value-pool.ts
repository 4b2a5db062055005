import type { LearnedValue } from '../../checks/types.js';
import type { Operation } from '../../spec/model.js';

export type { LearnedValue };

const idKeys = ['id', 'uuid', 'key', 'slug', 'name'];

/**
 * Ids learnt from responses, so later requests reach real resources (create-then-read). Keyed by the
 * collection path; values of OpenAPI links are kept per target operation and parameter.
 */
export class ValuePool {
  private readonly byCollection = new Map<string, LearnedValue[]>();
  private readonly byLink = new Map<string, unknown>();

  learn(operation: Operation, role: string | null, body: unknown): void {
    if (operation.method !== 'get' && operation.method !== 'post') return;
    const collection = operation.method === 'post' || !/\{[^}]+\}$/.test(operation.path) ? operation.path : undefined;
    if (!collection) return;
    const items = Array.isArray(body) ? body.slice(0, 20) : body && typeof body === 'object' ? listIn(body as Record<string, unknown>) ?? [body] : [];
    for (const item of items) {
      if (!item || typeof item !== 'object') continue;
      const record = item as Record<string, unknown>;
      const key = idKeys.find((k) => typeof record[k] === 'string' || typeof record[k] === 'number');
      if (!key) continue;
      const value = record[key] as string | number;
      const list = this.byCollection.get(collection) ?? [];
      if (!list.some((v) => v.value === value)) list.push({ collection, value, role, operation: operation.key, isCreated: operation.method === 'post' });
      this.byCollection.set(collection, list);
    }
  }

  learnLink(targetOperationId: string, parameter: string, value: unknown): void {
    if (value !== undefined) this.byLink.set(`${targetOperationId}\u0000${parameter}`, value);
  }

  linkValue(targetOperationId: string | undefined, parameter: string): unknown {
    return targetOperationId ? this.byLink.get(`${targetOperationId}\u0000${parameter}`) : undefined;
  }

  /** The id to use for the path parameter `name` of `path`: the most recently learnt under its collection. */
  valueFor(path: string, name: string): string | number | undefined {
    const list = this.byCollection.get(collectionOf(path, name));
    return list && list.length > 0 ? list[list.length - 1]!.value : undefined;
  }

  /** A deleted resource is gone: later requests must not use its id. */
  forget(path: string, name: string, value: unknown): void {
    const key = collectionOf(path, name);
    const list = this.byCollection.get(key);
    if (list) this.byCollection.set(key, list.filter((v) => String(v.value) !== String(value)));
  }

  all(): LearnedValue[] {
    return [...this.byCollection.values()].flat();
  }
}

/** '/users/{userId}/orders/{orderId}' with 'orderId' → '/users/{userId}/orders'. */
export function collectionOf(path: string, name: string): string {
  const index = path.indexOf(`{${name}}`);
  return index <= 0 ? path : path.slice(0, index).replace(/\/$/, '');
}

// Paged listings wrap their items: { data: [...] }, { items: [...] }, { results: [...] }.
function listIn(body: Record<string, unknown>): unknown[] | undefined {
  for (const key of ['data', 'items', 'results', 'records', 'content', 'entries']) {
    if (Array.isArray(body[key])) return (body[key] as unknown[]).slice(0, 20);
  }
  return undefined;
}

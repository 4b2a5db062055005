import { describe, expect, it } from 'vitest';
import { specFromObject } from '../spec/load.js';
import { normalisePathTemplate, pairOperations, pairParameters } from './pair-operations.js';

const ok = { '200': { description: 'ok' } };
const spec = (paths: Record<string, unknown>) => specFromObject({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths }).operations;

describe('pairOperations', () => {
  it('sets parameter names aside when it compares path templates', () => {
    expect(normalisePathTemplate('/users/{userId}/repos/{repo}')).toBe('/users/{}/repos/{}');
    const { pairs, removed, added } = pairOperations(spec({ '/users/{id}': { get: { responses: ok } } }), spec({ '/users/{userId}': { get: { responses: ok } } }));
    expect(pairs.map((p) => [p.old.key, p.new.key, p.matchedBy])).toEqual([['GET /users/{id}', 'GET /users/{userId}', 'path']]);
    expect([removed, added]).toEqual([[], []]);
  });

  it('prefers the exact path when two templates differ only in parameter names', () => {
    const old = spec({ '/a/{x}': { get: { responses: ok } } });
    const now = spec({ '/a/{y}': { get: { responses: ok } }, '/a/{x}': { get: { responses: ok } } });
    const { pairs, added } = pairOperations(old, now);
    expect(pairs.map((p) => p.new.key)).toEqual(['GET /a/{x}']);
    expect(added.map((op) => op.key)).toEqual(['GET /a/{y}']);
  });

  it('finds an operation that moved by its operationId, unless OLD had deprecated it', () => {
    const moved = pairOperations(spec({ '/v1/items': { get: { operationId: 'list', responses: ok } } }), spec({ '/v2/items': { get: { operationId: 'list', responses: ok } } }));
    expect(moved.pairs.map((p) => p.matchedBy)).toEqual(['operationId']);
    const replaced = pairOperations(spec({ '/v1/items': { get: { operationId: 'list', deprecated: true, responses: ok } } }), spec({ '/v2/items': { get: { operationId: 'list', responses: ok } } }));
    expect(replaced.pairs).toEqual([]);
    expect(replaced.removed.map((op) => op.key)).toEqual(['GET /v1/items']);
  });
});

describe('pairParameters', () => {
  it('pairs renamed path parameters by position and moved ones by name', () => {
    const [old] = spec({ '/u/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true }, { name: 'X-Tenant', in: 'query' }], responses: ok } } });
    const [now] = spec({ '/u/{userId}': { get: { parameters: [{ name: 'userId', in: 'path', required: true }, { name: 'x-tenant', in: 'header' }], responses: ok } } });
    const matching = pairParameters({ old: old!, new: now!, matchedBy: 'path' });
    expect(matching.pairs.map((p) => [p.old.name, p.new.name])).toEqual([['id', 'userId']]);
    expect(matching.moved.map((p) => [p.old.in, p.new.in])).toEqual([['query', 'header']]);
    expect([matching.removed, matching.added]).toEqual([[], []]);
  });
});

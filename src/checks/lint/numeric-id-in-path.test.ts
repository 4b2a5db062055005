import { describe, expect, it } from 'vitest';
import { numericIdInPath } from './numeric-id-in-path.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const op = (name: string, schema: unknown) => ({ get: { parameters: [{ name, in: 'path', required: true, schema }], responses: { '200': { description: 'ok' } } } });

describe('lint.numeric-id-in-path', () => {
  it('fires on an integer order id', async () => {
    expect(await runLintCheck(numericIdInPath, baseSpec({ paths: { '/orders/{orderId}': op('orderId', { type: 'integer' }) } }))).toEqual([expect.objectContaining({ operation: 'GET /orders/{orderId}' })]);
  });

  it('stays silent on uuids and on integers that are not ids', async () => {
    expect(await runLintCheck(numericIdInPath, baseSpec({ paths: { '/orders/{orderId}': op('orderId', { type: 'string', format: 'uuid' }), '/pages/{page}': op('page', { type: 'integer' }) } }))).toEqual([]);
  });
});

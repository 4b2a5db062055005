import { describe, expect, it } from 'vitest';
import { parameterDescription } from './parameter-description.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.parameter-description', () => {
  it('fires once per operation and lists every undescribed parameter', async () => {
    const drafts = await runLintCheck(parameterDescription, baseSpec({
      paths: { '/users': { get: {
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer' } },
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
          { name: 'sort', in: 'query', description: 'Sort order.', schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'ok' } },
      } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /users', pointer: '/paths/~1users/get/parameters/0' });
    expect(drafts[0]!.detail).toContain('limit (query), cursor (query)');
  });

  it('does not report path ids named after their collection, but does report other path parameters', async () => {
    const drafts = await runLintCheck(parameterDescription, baseSpec({
      paths: {
        '/customers/{customer}/cards/{id}': { get: { responses: { '200': { description: 'ok' } } } , parameters: [{ name: 'customer', in: 'path', required: true }, { name: 'id', in: 'path', required: true }] },
        '/deliveries/{delivery_id}': { get: { parameters: [{ name: 'delivery_id', in: 'path', required: true }], responses: { '200': { description: 'ok' } } } },
        '/manifests/{code}': { get: { parameters: [{ name: 'code', in: 'path', required: true }], responses: { '200': { description: 'ok' } } } },
      },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /manifests/{code}', pointer: '/paths/~1manifests~1{code}/get/parameters/0' });
  });

  it('stays silent when every parameter is described', async () => {
    const drafts = await runLintCheck(parameterDescription, baseSpec({
      paths: { '/users': { get: { parameters: [{ name: 'limit', in: 'query', description: 'Page size.' }], responses: { '200': { description: 'ok' } } } } },
    }));
    expect(drafts).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { documentedPathMissing } from './documented-path-missing.js';

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/categories': { get: { responses: { '200': { description: 'categories' } } } },
    '/products': { get: { responses: { '200': { description: 'products' } } }, delete: { responses: { '204': { description: 'all gone' } } } },
    '/products/{id}': { get: { parameters: [{ ...idParameter, example: 1 }], responses: { '200': { description: 'product' }, '404': { description: 'no such product' } } } },
    '/orders/{id}': { get: { parameters: [idParameter], responses: { '200': { description: 'order' }, '404': { description: 'no such order' } } } },
  },
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('urls.documented-path-missing', () => {
  it('reports 404 on a path without parameters, 405 for an unrouted method and 404 for the spec\'s example id', async () => {
    const server = await startServer((request, response) => {
      if (request.url === '/products' && request.method === 'GET') return json(response, 200, { items: [] });
      if (request.url === '/products') return json(response, 405, { title: 'method not allowed' }, { allow: 'GET' });
      return json(response, 404, { title: 'not found' });
    });
    close = server.close;
    const findings = findingsOf(await auditWith([documentedPathMissing], spec, server.url), 'urls.documented-path-missing');
    const byOperation = Object.fromEntries(findings.map((f) => [f.operation ?? '', f] as const));
    expect(Object.keys(byOperation).sort()).toEqual(['DELETE /products', 'GET /categories', 'GET /products/{id}']);
    expect(byOperation['GET /categories']).toMatchObject({ cause: 'bad-urls', status: 404, severity: 'high' });
    expect(byOperation['DELETE /products']).toMatchObject({ status: 405 });
    expect(byOperation['GET /products/{id}']!.detail).toContain("id=1 is the spec's example");
    expect(byOperation['GET /categories']!.evidence[0]!.request.url).toMatch(/\/categories$/);
  });

  it('stays silent when every documented operation is routed, and on a 404 for a generated id', async () => {
    const server = await startServer((request, response) => {
      if (request.url?.startsWith('/orders/')) return json(response, 404, { title: 'no such order' });
      return request.method === 'DELETE' ? void response.writeHead(204).end() : json(response, 200, { id: 1, items: [] });
    });
    close = server.close;
    expect(findingsOf(await auditWith([documentedPathMissing], spec, server.url), 'urls.documented-path-missing')).toEqual([]);
  });
});

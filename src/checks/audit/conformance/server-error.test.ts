import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { serverError } from './server-error.js';

const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/orders': {
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['quantity'], properties: { quantity: { type: 'integer', minimum: 1 }, note: { type: 'string' } } } } } },
        responses: { '201': { description: 'created' }, '400': { description: 'bad input' } },
      },
    },
  },
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('conformance.server-error', () => {
  it('reports a 500 from an input the handler did not expect, with the shrunk input as evidence', async () => {
    const server = await startServer((request, response) => {
      let body: { quantity?: unknown };
      try {
        body = JSON.parse(request.body) as { quantity?: unknown };
      } catch {
        return json(response, 400, { title: 'bad json' });
      }
      if (typeof body.quantity !== 'number') return json(response, 500, { error: 'TypeError: cannot read quantity' });
      return json(response, 201, { id: 1 });
    });
    close = server.close;
    const report = await auditWith([serverError], spec, server.url);
    const findings = findingsOf(report, 'conformance.server-error');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'insufficient-testing', operation: 'POST /orders', status: 500 });
    expect(findings[0]!.evidence[0]!.curl).toContain('curl');
  });

  it('stays silent when the API answers bad input with 400', async () => {
    const server = await startServer((request, response) => {
      try {
        const body = JSON.parse(request.body) as { quantity?: unknown };
        if (typeof body.quantity !== 'number' || body.quantity < 1) return json(response, 400, { title: 'invalid' });
      } catch {
        return json(response, 400, { title: 'bad json' });
      }
      return json(response, 201, { id: 1 });
    });
    close = server.close;
    const report = await auditWith([serverError], spec, server.url);
    expect(findingsOf(report, 'conformance.server-error')).toEqual([]);
    expect(report.stats['requests']).toBeGreaterThan(5);
  });
});

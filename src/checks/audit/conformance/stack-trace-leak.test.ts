import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { stackTraceLeak } from './stack-trace-leak.js';

const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/orders': {
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['quantity'], properties: { quantity: { type: 'integer', minimum: 1 } } } } } },
        responses: { '201': { description: 'created' }, '400': { description: 'bad input' } },
      },
    },
  },
};

function parsedQuantity(body: string): unknown {
  try {
    return (JSON.parse(body) as { quantity?: unknown }).quantity;
  } catch {
    return undefined;
  }
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('conformance.stack-trace-leak', () => {
  it('reports a response that ships a Node.js stack trace to the client', async () => {
    const server = await startServer((request, response) => {
      const quantity = parsedQuantity(request.body);
      if (typeof quantity !== 'number' || quantity < 1) {
        const error = new RangeError(`cannot reserve ${String(quantity)} units`);
        return json(response, 500, { error: error.message, stack: error.stack });
      }
      return json(response, 201, { id: 1, quantity });
    });
    close = server.close;
    const report = await auditWith([stackTraceLeak], spec, server.url);
    const findings = findingsOf(report, 'conformance.stack-trace-leak');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'insufficient-testing', severity: 'high', operation: 'POST /orders', status: 500 });
    expect(findings[0]!.detail).toContain('Node.js stack trace');
    expect(findings[0]!.evidence[0]!.request.method).toBe('POST');
    expect(findings[0]!.evidence[0]!.response?.body).toContain('stack');
  });

  it('stays silent when errors leave as a plain problem response', async () => {
    const server = await startServer((request, response) => {
      const quantity = parsedQuantity(request.body);
      if (typeof quantity !== 'number' || quantity < 1) {
        return json(response, 400, { type: 'about:blank', title: 'Bad Request', detail: 'quantity must be an integer of at least 1 (see docs at /errors#quantity)' });
      }
      return json(response, 201, { id: 1, quantity, placedAt: '2024-01-01T12:30:45Z' });
    });
    close = server.close;
    const report = await auditWith([stackTraceLeak], spec, server.url);
    expect(findingsOf(report, 'conformance.stack-trace-leak')).toEqual([]);
    expect(report.stats['requests']).toBeGreaterThan(5);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import type { Handler } from '../../../engine/audit/audit-harness.test-helper.js';
import { requestIdMissing } from './request-id-missing.js';

const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/items/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '200': { description: 'ok' } } } },
    '/items': { get: { responses: { '200': { description: 'ok' } } } },
  },
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function findingsFor(handler: Handler) {
  const server = await startServer(handler);
  close = server.close;
  return findingsOf(await auditWith([requestIdMissing], spec, server.url), 'monitoring.request-id-missing');
}

describe('monitoring.request-id-missing', () => {
  it('reports an API that never returns a request id and echoes neither X-Request-Id nor traceparent', async () => {
    const findings = await findingsFor((_request, response) => json(response, 200, {}));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'monitoring-logging', operation: null, severity: 'low', status: 200 });
    const [withId, withTrace] = findings[0]!.evidence;
    expect(withId!.request.url).toMatch(/\/items$/);
    expect(withId!.request.headers['x-request-id']).toMatch(/^faultline-[0-9a-f]{16}$/);
    expect(withTrace!.request.headers['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('stays silent when an incoming X-Request-Id is echoed', async () => {
    const findings = await findingsFor((request, response) => {
      const id = request.headers['x-request-id'];
      return json(response, 200, {}, typeof id === 'string' ? { 'x-request-id': id } : {});
    });
    expect(findings).toEqual([]);
  });

  it('stays silent when a traceparent is continued', async () => {
    const findings = await findingsFor((request, response) => {
      const parent = request.headers['traceparent'];
      const continued: Record<string, string> = typeof parent === 'string' ? { traceparent: `00-${parent.split('-')[1]}-00f067aa0ba902b7-01` } : {};
      return json(response, 200, {}, continued);
    });
    expect(findings).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { apiWentDown } from './api-went-down.js';
import { transportFailure } from './transport-failure.js';

const ok = { '200': { description: 'ok' } };
const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/items': { get: { responses: ok } },
    '/items/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: ok } },
    '/users': { get: { responses: ok } },
    '/reports/export': { get: { parameters: [{ name: 'format', in: 'query', required: true, schema: { type: 'string', enum: ['csv'] } }], responses: ok } },
  },
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/** An API whose process dies on GET /reports/export (`isFragile`): the connection is cut and the port closes for good. */
async function api(isFragile: boolean) {
  const server = await startServer((request, response) => {
    if (isFragile && request.url?.startsWith('/reports/export')) {
      request.socket.destroy();
      server.server.close();
      server.server.closeAllConnections();
      return;
    }
    json(response, 200, request.url?.startsWith('/items/') ? { id: 1 } : [{ id: 1 }]);
  });
  close = server.close;
  return server;
}

describe('resilience.api-went-down', () => {
  it('reports once, naming the request the API died on, and transport-failure does not repeat it per operation', async () => {
    const server = await api(true);
    const report = await auditWith([transportFailure, apiWentDown], spec, server.url, { maxRequests: 600 });
    const findings = findingsOf(report, 'resilience.api-went-down');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ operation: 'GET /reports/export', severity: 'critical', cause: 'insufficient-testing' });
    expect(findings[0]!.detail).toMatch(/^After GET \/reports\/export \(which ended in CONNECTION_RESET\), every one of the last \d+ requests, to \d+ operations or paths, failed to connect/);
    expect(findings[0]!.evidence[0]!.request.url).toContain('/reports/export?format=csv');
    // The cut request and the refusals after it are one outage, reported above, not a failure per operation.
    expect(findingsOf(report, 'resilience.transport-failure')).toEqual([]);
  });

  it('stays silent when the API answers to the end', async () => {
    const server = await api(false);
    const report = await auditWith([transportFailure, apiWentDown], spec, server.url, { maxRequests: 600 });
    expect(findingsOf(report, 'resilience.api-went-down')).toEqual([]);
    expect(report.stats['requests']).toBeGreaterThan(10);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { defineCheck } from '../../define.js';
import { undocumentedStatus } from './undocumented-status.js';

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 }, example: 1 };
const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/users/{id}': { get: { parameters: [idParameter], responses: { '200': { description: 'the user' }, '400': { description: 'bad id' } } } },
    '/products/{id}': { put: { parameters: [idParameter], responses: { '200': { description: 'updated' } } } },
  },
};

// Stands in for another check's probe (say, a request without credentials) that gets 401 by design.
const anonymousProbe = defineCheck({
  id: 'test.anonymous-probe',
  cause: 'unsecured-endpoints',
  kind: 'audit',
  severity: 'info',
  summary: 'probe',
  explanation: 'probe',
  remedy: 'probe',
  async *run({ audit }) {
    await audit.probe({ method: 'GET', path: '/users/1', headers: { 'x-probe': 'anonymous' }, operation: 'GET /users/{id}' });
  },
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('drift.undocumented-status', () => {
  it('reports one finding per operation and undocumented status, leaving 5xx to server-error', async () => {
    const server = await startServer((request, response) => {
      if (request.method === 'PUT') return json(response, 202, { status: 'queued' });
      const id = request.url?.split('/').pop();
      if (id === '0') return json(response, 418, { message: "I'm a teapot" });
      if (!/^\d+$/.test(id ?? '')) return json(response, 500, { error: 'crash' });
      return json(response, 200, { id: Number(id) });
    });
    close = server.close;
    const report = await auditWith([undocumentedStatus], spec, server.url);
    const findings = findingsOf(report, 'drift.undocumented-status');
    expect(findings.map((f) => `${f.operation} ${f.title}`).sort()).toEqual(['GET /users/{id} Undocumented status 418', 'PUT /products/{id} Undocumented status 202']);
    const teapot = findings.find((f) => f.status === 418)!;
    expect(teapot).toMatchObject({ cause: 'poor-design-docs', severity: 'medium' });
    expect(teapot.detail).toContain('documents only 200, 400');
    expect(teapot.evidence[0]!.request.url).toMatch(/\/users\/0$/);
    expect(findings.find((f) => f.status === 202)!.evidence[0]!.request.method).toBe('PUT');
  });

  it('stays silent on documented statuses and on other checks\' probes that get 401', async () => {
    const server = await startServer((request, response) => {
      if (request.headers['x-probe']) return json(response, 401, { title: 'no credentials' });
      if (request.method === 'PUT') return json(response, 200, { id: 1 });
      const id = request.url?.split('/').pop() ?? '';
      return /^[1-9]\d*$/.test(id) ? json(response, 200, { id: Number(id) }) : json(response, 400, { title: 'bad id' });
    });
    close = server.close;
    const report = await auditWith([anonymousProbe, undocumentedStatus], spec, server.url);
    expect(findingsOf(report, 'drift.undocumented-status')).toEqual([]);
    expect(report.stats['requests']).toBeGreaterThan(3);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import type { AuditExchange, AuditServices } from '../../types.js';
import { deadlineCutLabel, transportFailure } from './transport-failure.js';

const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/slow': { get: { responses: { '200': { description: 'ok' } } } },
    '/cut': { get: { responses: { '200': { description: 'ok' } } } },
    '/fine': { get: { responses: { '200': { description: 'ok' } } } },
  },
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('resilience.transport-failure', () => {
  it('reports each operation once per transport error, with the failed requests as evidence', async () => {
    const server = await startServer((request, response) => {
      if (request.url === '/slow') return; // never answers
      if (request.url === '/cut') {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        response.write('{"partial":');
        setTimeout(() => response.socket?.destroy(), 10);
        return;
      }
      json(response, 200, { ok: true });
    });
    close = server.close;
    const report = await auditWith([transportFailure], spec, server.url, { timeoutMs: 300 });
    const findings = findingsOf(report, 'resilience.transport-failure');
    expect(findings.map((f) => f.operation).sort()).toEqual(['GET /cut', 'GET /slow']);
    const slow = findings.find((f) => f.operation === 'GET /slow')!;
    expect(slow).toMatchObject({ cause: 'insufficient-testing', severity: 'high', status: null });
    expect(slow.title).toMatch(/TIMEOUT/);
    expect(slow.evidence[0]!.error).toMatch(/^TIMEOUT_\w+: /);
    expect(slow.evidence[0]!.curl).toContain('/slow');
    const cut = findings.find((f) => f.operation === 'GET /cut')!;
    expect(cut.title).toMatch(/CONNECTION_RESET/);
    expect(cut.status).toBe(200);
    expect(cut.evidence[0]!.response?.body).toBe('{"partial":');
  });

  it('stays silent when every request gets a complete response', async () => {
    const server = await startServer((_request, response) => json(response, 200, { ok: true }));
    close = server.close;
    const report = await auditWith([transportFailure], spec, server.url, { timeoutMs: 1000 });
    expect(findingsOf(report, 'resilience.transport-failure')).toEqual([]);
    expect(report.stats['requests']).toBeGreaterThanOrEqual(3);
  });

  it('ignores a timeout the audit caused by cutting a request at its own deadline', async () => {
    const exchange = (label?: string): AuditExchange => ({
      request: { method: 'GET', url: 'http://127.0.0.1:1/slow', headers: {} },
      response: null,
      error: { code: 'TIMEOUT_TOTAL', message: 'no complete response within 40 ms' },
      timings: { startedAt: 0, durationMs: 40 },
      curl: "curl 'http://127.0.0.1:1/slow'",
      ...(label ? { label } : {}),
      operation: 'GET /slow',
      phase: 'examples',
      role: null,
      inputKind: 'valid',
    });
    const drafts = async (exchanges: AuditExchange[]) => {
      const audit = { exchanges: () => exchanges } as unknown as AuditServices;
      const out = [];
      for await (const draft of transportFailure.run({ spec: {} as never, audit })) out.push(draft);
      return out;
    };
    expect(await drafts([exchange(deadlineCutLabel)])).toEqual([]);
    expect(await drafts([exchange(deadlineCutLabel), exchange()])).toHaveLength(1);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { healthEndpointMissing } from './health-endpoint-missing.js';

const ok = { responses: { '200': { description: 'ok' } } };
const withoutHealth = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/items': { get: ok } } };
const withHealth = { ...withoutHealth, paths: { '/items': { get: ok }, '/healthz': { get: ok } } };

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function audit(spec: Record<string, unknown>, routes: Record<string, number>, fallback = 404) {
  const server = await startServer((request, response) => {
    const status = routes[request.url ?? ''] ?? fallback;
    return json(response, status, status === 200 && fallback === 200 ? { page: 'same everywhere' } : { path: request.url, status });
  });
  close = server.close;
  return findingsOf(await auditWith([healthEndpointMissing], spec, server.url), 'monitoring.health-endpoint-missing');
}

describe('monitoring.health-endpoint-missing', () => {
  it('reports, as medium, an API with no documented health operation where no usual health path answers', async () => {
    const findings = await audit(withoutHealth, { '/items': 200 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'monitoring-logging', operation: null, severity: 'medium', title: 'No health endpoint answers 2xx' });
    expect(findings[0]!.evidence[0]!.request.url).toMatch(/\/health$/);
  });

  it('reports, as medium, a documented health operation that answers 503', async () => {
    const findings = await audit(withHealth, { '/items': 200, '/healthz': 503 });
    expect(findings.map((f) => [f.title, f.severity, f.status])).toEqual([['The documented health endpoint does not answer 2xx', 'medium', 503]]);
  });

  it('reports, as low, a health endpoint that works but is not documented', async () => {
    const findings = await audit(withoutHealth, { '/items': 200, '/readyz': 200 });
    expect(findings.map((f) => [f.title, f.severity, f.status])).toEqual([['The health endpoint is not documented', 'low', 200]]);
    expect(findings[0]!.evidence[0]!.request.url).toMatch(/\/readyz$/);
  });

  it('does not take a catch-all 200 for an undocumented health endpoint', async () => {
    const findings = await audit(withoutHealth, {}, 200);
    expect(findings.map((f) => f.title)).toEqual(['No health endpoint answers 2xx']);
  });

  it('stays silent when the documented health operation answers 200', async () => {
    expect(await audit(withHealth, { '/items': 200, '/healthz': 200 })).toEqual([]);
  });
});

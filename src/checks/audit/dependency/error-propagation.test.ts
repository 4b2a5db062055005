import { afterEach, describe, expect, it } from 'vitest';
import { auditDependencies, closeAll, findingsOf, injected, startDependencyApi } from './dependency-api.test-helper.js';
import { errorPropagation } from './error-propagation.js';

afterEach(closeAll);

describe('dependency.error-propagation', () => {
  it('reports an operation that answers 500 when its dependency answers 500 or resets', { timeout: 60_000 }, async () => {
    const api = await startDependencyApi('careless');
    const report = await auditDependencies([errorPropagation], api.target, [api.proxy]);
    const findings = findingsOf(report, 'dependency.error-propagation');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'dependency-failures', severity: 'medium', operation: 'GET /items/{id}/stock', status: 500 });
    expect(findings[0]!.detail).toMatch(/answering 500 → 500 after \d+ ms; resetting the connection → 500 after \d+ ms\.$/);
    expect(findings[0]!.evidence.map((e) => e.note)).toEqual(['inventory: answering 500', 'inventory: resetting the connection']);
  });

  it('finds the fault behind an optional query flag: the lab replays the request that made the API call its dependency', { timeout: 60_000 }, async () => {
    const api = await startDependencyApi('careless', { onlyWhenLive: true });
    const report = await auditDependencies([errorPropagation], api.target, [api.proxy]);
    const findings = findingsOf(report, 'dependency.error-propagation');
    expect(findings.map((f) => f.operation)).toEqual(['GET /items/{id}/stock']);
    expect(findings[0]!.evidence[0]!.request.url).toContain('live=true');
  });

  it('stays silent on an operation that answers 503 with Retry-After instead', { timeout: 60_000 }, async () => {
    const api = await startDependencyApi('careful');
    const report = await auditDependencies([errorPropagation], api.target, [api.proxy]);
    expect(findingsOf(report, 'dependency.error-propagation')).toEqual([]);
    expect(injected).toEqual(['http_status', 'reset_peer']);
  });
});

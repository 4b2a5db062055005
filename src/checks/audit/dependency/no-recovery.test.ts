import { afterEach, describe, expect, it } from 'vitest';
import { auditDependencies, closeAll, findingsOf, injected, startDependencyApi } from './dependency-api.test-helper.js';
import { noRecovery } from './no-recovery.js';

afterEach(closeAll);

describe('dependency.no-recovery', () => {
  it('reports an operation that keeps failing after the fault on its dependency is lifted', { timeout: 60_000 }, async () => {
    const api = await startDependencyApi('sticky');
    const report = await auditDependencies([noRecovery], api.target, [api.proxy]);
    const findings = findingsOf(report, 'dependency.no-recovery');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'dependency-failures', severity: 'high', operation: 'GET /items/{id}/stock', status: 503 });
    expect(findings[0]!.detail).toMatch(/^\d+ s after the fault on inventory \(not answering \(black hole\)\) was lifted, GET \/items\/\{id\}\/stock still failed \(last try: 503 after \d+ ms; healthy, it answered 200\)\.$/);
    expect(findings[0]!.evidence).toHaveLength(2);
  });

  it('stays silent on an operation that is healthy again once the dependency is', { timeout: 60_000 }, async () => {
    const api = await startDependencyApi('careless');
    const report = await auditDependencies([noRecovery], api.target, [api.proxy]);
    expect(findingsOf(report, 'dependency.no-recovery')).toEqual([]);
    expect(injected).toEqual(['timeout', 'http_status', 'reset_peer', 'latency']);
  });

  it('notes that nothing was probed when no dependency is configured', { timeout: 60_000 }, async () => {
    const api = await startDependencyApi('sticky');
    const report = await auditDependencies([noRecovery], api.target, []);
    expect(findingsOf(report, 'dependency.no-recovery')).toEqual([]);
    expect(report.notes).toContain('dependency failures were not probed: no dependencies are configured (list them under dependencies in faultline.yaml)');
  });
});

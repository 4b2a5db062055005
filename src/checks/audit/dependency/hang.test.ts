import { afterEach, describe, expect, it } from 'vitest';
import { auditDependencies, closeAll, findingsOf, injected, startDependencyApi } from './dependency-api.test-helper.js';
import { hang } from './hang.js';

afterEach(closeAll);

describe('dependency.hang', () => {
  it('reports an operation that waits on a black-holed dependency past the deadline', { timeout: 60_000 }, async () => {
    const api = await startDependencyApi('careless');
    const report = await auditDependencies([hang], api.target, [api.proxy]);
    const findings = findingsOf(report, 'dependency.hang');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'dependency-failures', severity: 'high', operation: 'GET /items/{id}/stock', status: null });
    expect(findings[0]!.detail).toMatch(/^With inventory not answering, GET \/items\/\{id\}\/stock gave no answer before the \d+ ms deadline \(TIMEOUT_\w+; healthy, it answered in \d+ ms\)\.$/);
    expect(findings[0]!.evidence[0]!.note).toBe('inventory: not answering (black hole) while this request ran');
    // The proxy is left without faults for whatever runs next.
    expect(api.proxy.faults()).toEqual([]);
  });

  it('stays silent on an operation with its own timeout and a 503, and on one that never calls the dependency', { timeout: 60_000 }, async () => {
    const api = await startDependencyApi('careful');
    const report = await auditDependencies([hang], api.target, [api.proxy]);
    expect(findingsOf(report, 'dependency.hang')).toEqual([]);
    // Only the stock operation calls the inventory, so only it was put through the black hole.
    expect(injected).toEqual(['timeout']);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { auditDependencies, closeAll, findingsOf, injected, startDependencyApi } from './dependency-api.test-helper.js';
import { slow } from './slow.js';

afterEach(closeAll);

describe('dependency.slow', () => {
  it('reports an operation whose retries turn a 2 s slow dependency into a missed deadline', { timeout: 60_000 }, async () => {
    const api = await startDependencyApi('retrying');
    const report = await auditDependencies([slow], api.target, [api.proxy]);
    const findings = findingsOf(report, 'dependency.slow');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'dependency-failures', severity: 'medium', operation: 'GET /items/{id}/stock' });
    expect(findings[0]!.detail).toMatch(/^With inventory answering 2 s late, GET \/items\/\{id\}\/stock gave no answer before the \d+ ms deadline/);
  });

  it('stays silent on an operation that gives up on the dependency in time', { timeout: 60_000 }, async () => {
    const api = await startDependencyApi('careful');
    const report = await auditDependencies([slow], api.target, [api.proxy]);
    expect(findingsOf(report, 'dependency.slow')).toEqual([]);
    expect(injected).toEqual(['latency']);
  });
});

import { describe, expect, it } from 'vitest';
import { healthOperationMissing } from './health-operation-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { responses: { '200': { description: 'ok' } } };

describe('lint.health-operation-missing', () => {
  it('fires once when no GET operation looks like a health check', async () => {
    const drafts = await runLintCheck(healthOperationMissing, baseSpec({
      paths: { '/users': { get: ok }, '/health': { post: ok }, '/commits/{ref}/status': { get: ok } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/paths' });
  });

  it('stays silent when a GET health path exists, e.g. /v1/healthz or /_ping', async () => {
    for (const path of ['/v1/healthz', '/_ping', '/health/ready', '/status']) {
      expect(await runLintCheck(healthOperationMissing, baseSpec({ paths: { '/users': { get: ok }, [path]: { get: ok } } }))).toEqual([]);
    }
  });
});

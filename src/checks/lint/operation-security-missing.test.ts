import { describe, expect, it } from 'vitest';
import { operationSecurityMissing } from './operation-security-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { '200': { description: 'ok' } };
const components = { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } };

describe('lint.operation-security-missing', () => {
  it('reports unsecured operations when most operations are secured', async () => {
    const drafts = await runLintCheck(operationSecurityMissing, baseSpec({
      components,
      paths: {
        '/users': { get: { security: [{ bearer: [] }], responses: ok }, post: { responses: ok } },
        '/users/{id}': { get: { security: [{ bearer: [] }], responses: ok }, delete: { security: [{ bearer: [] }], responses: ok } },
        '/reports': { get: { security: [{}, { bearer: [] }], responses: ok } },
      },
    }));
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({ operation: 'POST /users', pointer: '/paths/~1users/post', severity: 'high' });
    expect(drafts[1]).toMatchObject({ operation: 'GET /reports', pointer: '/paths/~1reports/get/security' });
    expect(drafts[1]!.severity).toBeUndefined();
  });

  it('stays silent on health, login and docs endpoints declared public', async () => {
    const drafts = await runLintCheck(operationSecurityMissing, baseSpec({
      components,
      security: [{ bearer: [] }],
      paths: {
        '/users': { get: { responses: ok } },
        '/health': { get: { security: [], responses: ok } },
        '/auth/login': { post: { security: [], responses: ok } },
        '/openapi.json': { get: { security: [], responses: ok } },
      },
    }));
    expect(drafts).toEqual([]);
  });

  it('stays silent when the API declares no security at all', async () => {
    const drafts = await runLintCheck(operationSecurityMissing, baseSpec({ paths: { '/users': { get: { responses: ok }, post: { responses: ok } } } }));
    expect(drafts).toEqual([]);
  });
});

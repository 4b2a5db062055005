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
    expect(drafts[1]).toMatchObject({ operation: 'GET /reports', pointer: '/paths/~1reports/get/security', severity: 'low' });
  });

  it('keeps a public read at medium only when another method of its path is secured, low beside a secured admin area', async () => {
    const drafts = await runLintCheck(operationSecurityMissing, baseSpec({
      components,
      security: [{ bearer: [] }],
      paths: {
        '/products': { get: { security: [], responses: ok } },
        '/users/{id}': { get: { security: [], responses: ok }, put: { responses: ok }, delete: { responses: ok } },
        '/admin/products': { post: { responses: ok } },
        '/admin/users': { get: { responses: ok } },
        '/admin/stats': { get: { responses: ok } },
        '/notes': { delete: { security: [], responses: ok } },
      },
    }));
    expect(drafts.map((d) => [d.operation, d.severity ?? 'medium'])).toEqual([
      ['GET /products', 'low'],
      ['GET /users/{id}', 'medium'],
      ['DELETE /notes', 'medium'],
    ]);
    expect(drafts[1]!.detail).toContain('On the same path, PUT, DELETE require them.');
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

import { describe, expect, it } from 'vitest';
import { pathCasingInconsistent } from './path-casing-inconsistent.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { get: { responses: { '200': { description: 'ok' } } } };

describe('lint.path-casing-inconsistent', () => {
  it('reports the mix once for the API and once per minority-style path', async () => {
    const drafts = await runLintCheck(pathCasingInconsistent, baseSpec({
      paths: { '/user-groups': ok, '/access-tokens/{id}': ok, '/audit-logs': ok, '/user_roles': ok, '/users': ok },
    }));
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/paths' });
    expect(drafts[0]!.detail).toContain('kebab-case in 3 paths');
    expect(drafts[0]!.detail).toContain('snake_case in 1 paths');
    expect(drafts[1]).toMatchObject({ operation: 'GET /user_roles', pointer: '/paths/~1user_roles' });
  });

  it('reports only the API-wide finding when the API has two conventions rather than outliers', async () => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 30; i++) paths[`/kebab-style-${i}`] = ok;
    for (let i = 0; i < 21; i++) paths[`/snake_style_${i}`] = ok;
    const drafts = await runLintCheck(pathCasingInconsistent, baseSpec({ paths }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.detail).toContain('21 paths differ');
  });

  it('stays silent when every multi-word segment uses the same style', async () => {
    const drafts = await runLintCheck(pathCasingInconsistent, baseSpec({
      paths: { '/user-groups': ok, '/users/{user_id}': ok, '/openapi.json': ok, '/v1/audit-logs': ok },
    }));
    expect(drafts).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { deprecatedWithoutSunset } from './deprecated-without-sunset.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { responses: { '200': { description: 'ok' } } };

describe('lint.deprecated-without-sunset', () => {
  it('fires on a deprecated operation with no sunset extension or header', async () => {
    const drafts = await runLintCheck(deprecatedWithoutSunset, baseSpec({ paths: { '/old': { get: { deprecated: true, ...ok } }, '/new': { get: ok } } }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /old', pointer: '/paths/~1old/get' });
  });

  it('stays silent when x-sunset, a nested removal date or a Sunset response header is documented', async () => {
    const drafts = await runLintCheck(deprecatedWithoutSunset, baseSpec({
      paths: {
        '/a': { get: { deprecated: true, 'x-sunset': '2026-01-01', ...ok } },
        '/c': { get: { deprecated: true, 'x-github': { removalDate: '2026-01-01' }, ...ok } },
        '/b': { get: { deprecated: true, responses: { '200': { description: 'ok', headers: { Sunset: { schema: { type: 'string' } } } } } } },
      },
    }));
    expect(drafts).toEqual([]);
  });
});

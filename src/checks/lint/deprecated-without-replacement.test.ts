import { describe, expect, it } from 'vitest';
import { deprecatedWithoutReplacement } from './deprecated-without-replacement.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { responses: { '200': { description: 'ok' } } };

describe('lint.deprecated-without-replacement', () => {
  it('fires on a deprecated operation whose text names no successor', async () => {
    const drafts = await runLintCheck(deprecatedWithoutReplacement, baseSpec({
      paths: { '/old': { get: { deprecated: true, summary: 'List the old users', description: 'This endpoint is deprecated.', ...ok } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /old', pointer: '/paths/~1old/get' });
  });

  it('stays silent when the text names a path, another operationId or says instead', async () => {
    const drafts = await runLintCheck(deprecatedWithoutReplacement, baseSpec({
      paths: {
        '/a': { get: { deprecated: true, description: 'Deprecated: see `/v2/users`.', ...ok } },
        '/b': { get: { deprecated: true, description: 'Call listPeople.', ...ok } },
        '/c': { get: { deprecated: true, summary: 'Old; call the people endpoint instead', ...ok } },
        '/d': { get: { deprecated: true, description: 'Please use the [Roles](https://example.com/roles) endpoints.', ...ok } },
        '/people': { get: { operationId: 'listPeople', ...ok } },
      },
    }));
    expect(drafts).toEqual([]);
  });
});

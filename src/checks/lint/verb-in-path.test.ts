import { describe, expect, it } from 'vitest';
import { verbInPath } from './verb-in-path.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { responses: { '200': { description: 'ok' } } };

describe('lint.verb-in-path', () => {
  it('reports camelCase, snake_case and bare verb segments once per path', async () => {
    const drafts = await runLintCheck(verbInPath, baseSpec({
      paths: {
        '/getUsersByStatus': { get: ok },
        '/create_order': { post: ok },
        '/users/{id}/delete': { post: ok, get: ok },
      },
    }));
    expect(drafts).toHaveLength(3);
    expect(drafts[0]).toMatchObject({ operation: 'GET /getUsersByStatus', pointer: '/paths/~1getUsersByStatus' });
    expect(drafts[1]).toMatchObject({ operation: 'POST /create_order', pointer: '/paths/~1create_order' });
    expect(drafts[2]).toMatchObject({ operation: null, pointer: '/paths/~1users~1{id}~1delete' });
    expect(drafts[2]!.detail).toContain("'delete'");
  });

  it('stays silent on nouns that start like verbs and on domain action sub-resources', async () => {
    const drafts = await runLintCheck(verbInPath, baseSpec({
      paths: {
        '/settings': { get: ok },
        '/updates': { get: ok },
        '/listings/{id}': { get: ok },
        '/add-ons': { get: ok },
        '/orders/{id}/cancel': { post: ok },
        '/downloads': { get: ok },
      },
    }));
    expect(drafts).toEqual([]);
  });
});

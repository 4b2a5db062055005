import { describe, expect, it } from 'vitest';
import { linkTargetMissing } from './link-target-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const withLinks = (links: Record<string, unknown>) => ({
  '/users': {
    post: { operationId: 'createUser', responses: { '201': { description: 'created', links } } },
  },
  '/users/{id}': {
    get: { operationId: 'getUser', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } },
  },
});

describe('lint.link-target-missing', () => {
  it('reports links whose operationId or local operationRef leads nowhere', async () => {
    const drafts = await runLintCheck(linkTargetMissing, baseSpec({
      paths: withLinks({
        GetUser: { operationId: 'getUserById', parameters: { id: '$response.body#/id' } },
        DeleteUser: { operationRef: '#/paths/~1users~1{id}/delete' },
        Nothing: { description: 'no target' },
      }),
    }));
    expect(drafts).toHaveLength(3);
    expect(drafts[0]).toMatchObject({ operation: 'POST /users', pointer: '/paths/~1users/post/responses/201/links/GetUser' });
    expect(drafts[0]!.detail).toContain("'getUserById'");
    expect(drafts[1]!.detail).toContain('operationRef');
    expect(drafts[2]!.detail).toContain('neither');
  });

  it('stays silent on links to existing operations, by id or by (percent-encoded) ref', async () => {
    const drafts = await runLintCheck(linkTargetMissing, baseSpec({
      paths: withLinks({
        GetUser: { operationId: 'getUser', parameters: { id: '$response.body#/id' } },
        GetUserByRef: { operationRef: '#/paths/~1users~1%7Bid%7D/get' },
        Remote: { operationRef: 'https://other.example.com/openapi.json#/paths/~1x/get' },
      }),
    }));
    expect(drafts).toEqual([]);
  });
});

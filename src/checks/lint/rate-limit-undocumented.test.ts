import { describe, expect, it } from 'vitest';
import { rateLimitUndocumented } from './rate-limit-undocumented.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { '200': { description: 'ok' } };
const limited = { ...ok, '429': { description: 'slow down', headers: { 'Retry-After': { schema: { type: 'integer' } } } } };

describe('lint.rate-limit-undocumented', () => {
  it('reports the API once and each credential operation without 429', async () => {
    const drafts = await runLintCheck(rateLimitUndocumented, baseSpec({
      paths: {
        '/users': { get: { responses: ok } },
        '/auth/login': { post: { responses: ok } },
        '/oauth/token': { post: { responses: ok } },
        '/users/{id}/password': { put: { responses: ok }, get: { responses: ok } },
      },
    }));
    expect(drafts).toHaveLength(4);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/paths' });
    expect(drafts[0]!.severity).toBeUndefined();
    expect(drafts.slice(1).map((d) => d.operation)).toEqual(['POST /auth/login', 'POST /oauth/token', 'PUT /users/{id}/password']);
    expect(drafts[1]).toMatchObject({ pointer: '/paths/~1auth~1login/post', severity: 'medium' });
  });

  it('stays silent when 429 is documented on the credential operations', async () => {
    const drafts = await runLintCheck(rateLimitUndocumented, baseSpec({
      paths: { '/users': { get: { responses: ok } }, '/signIn': { post: { responses: limited } }, '/token-requests': { post: { responses: ok } } },
    }));
    expect(drafts).toEqual([]);
  });
});

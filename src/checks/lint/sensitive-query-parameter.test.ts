import { describe, expect, it } from 'vitest';
import { sensitiveQueryParameter } from './sensitive-query-parameter.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const withQuery = (...names: string[]) => ({
  get: { parameters: names.map((name) => ({ name, in: 'query', schema: { type: 'string' } })), responses: { '200': { description: 'ok' } } },
});

describe('lint.sensitive-query-parameter', () => {
  it('reports passwords, tokens, keys and card numbers in the query', async () => {
    const drafts = await runLintCheck(sensitiveQueryParameter, baseSpec({
      paths: { '/login': withQuery('user', 'password'), '/data': withQuery('access_token', 'apiKey', 'creditCardNumber', 'ssn', 'token') },
    }));
    expect(drafts).toHaveLength(6);
    expect(drafts[0]).toMatchObject({ operation: 'GET /login', pointer: '/paths/~1login/get/parameters/1' });
    expect(drafts.slice(1).map((d) => d.pointer)).toEqual([0, 1, 2, 3, 4].map((i) => `/paths/~1data/get/parameters/${i}`));
  });

  it('stays silent on pagination tokens, keys of objects and secrets in headers', async () => {
    const drafts = await runLintCheck(sensitiveQueryParameter, baseSpec({
      paths: {
        '/items': {
          get: {
            parameters: [
              { name: 'page_token', in: 'query', schema: { type: 'string' } },
              { name: 'nextToken', in: 'query', schema: { type: 'string' } },
              { name: 'key', in: 'query', schema: { type: 'string' } },
              { name: 'sort_key', in: 'query', schema: { type: 'string' } },
              { name: 'secret_type', in: 'query', schema: { type: 'string' } },
              { name: 'hide_secret', in: 'query', schema: { type: 'boolean' } },
              { name: 'X-Api-Key', in: 'header', schema: { type: 'string' } },
            ],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    }));
    expect(drafts).toEqual([]);
  });
});

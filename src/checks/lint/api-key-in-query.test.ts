import { describe, expect, it } from 'vitest';
import { apiKeyInQuery } from './api-key-in-query.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.api-key-in-query', () => {
  it('reports an apiKey scheme sent in the query', async () => {
    const drafts = await runLintCheck(apiKeyInQuery, baseSpec({
      components: { securitySchemes: { key: { type: 'apiKey', in: 'query', name: 'api_key' }, header: { type: 'apiKey', in: 'header', name: 'X-API-Key' } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/components/securitySchemes/key/in' });
    expect(drafts[0]!.detail).toContain('api_key');
  });

  it('stays silent on header and cookie keys', async () => {
    const drafts = await runLintCheck(apiKeyInQuery, baseSpec({
      components: { securitySchemes: { header: { type: 'apiKey', in: 'header', name: 'X-API-Key' }, cookie: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
    }));
    expect(drafts).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { credentialsInPath } from './credentials-in-path.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const op = (name: string) => ({ get: { parameters: [{ name, in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } });

describe('lint.credentials-in-path', () => {
  it('fires on an access token in the path', async () => {
    expect(await runLintCheck(credentialsInPath, baseSpec({ paths: { '/tokens/{access_token}': op('access_token') } }))).toEqual([
      expect.objectContaining({ operation: 'GET /tokens/{access_token}', pointer: '/paths/~1tokens~1{access_token}/get/parameters/0' }),
    ]);
  });

  it('stays silent on ids, on names that only talk about a secret, and on the id of a token resource', async () => {
    expect(await runLintCheck(credentialsInPath, baseSpec({
      paths: { '/secrets/{secret_name}': op('secret_name'), '/clients/{client_id}': op('client_id'), '/v1/tokens/{token}': op('token'), '/issuing/authorizations/{authorization}': op('authorization') },
    }))).toEqual([]);
  });
});

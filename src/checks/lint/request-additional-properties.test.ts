import { describe, expect, it } from 'vitest';
import { requestAdditionalProperties } from './request-additional-properties.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const put = (schema: unknown) => baseSpec({
  paths: { '/me': { put: { requestBody: { content: { 'application/json': { schema } } }, responses: { '200': { description: 'ok' } } } } },
});

describe('lint.request-additional-properties', () => {
  it('fires on a request body that accepts any extra property', async () => {
    expect(await runLintCheck(requestAdditionalProperties, put({ type: 'object', properties: { name: { type: 'string' } }, additionalProperties: true }))).toEqual([
      expect.objectContaining({ operation: 'PUT /me', pointer: '/paths/~1me/put/requestBody/content/application~1json/schema/additionalProperties' }),
    ]);
  });

  it('stays silent on closed objects, typed maps and open members of a composition', async () => {
    expect(await runLintCheck(requestAdditionalProperties, put({ anyOf: [{ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true }] }))).toEqual([]);
    expect(await runLintCheck(requestAdditionalProperties, put({ type: 'object', additionalProperties: false, properties: { labels: { type: 'object', additionalProperties: { type: 'string' } } } }))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { requestBodyOnGet } from './request-body-on-get.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const body = { content: { 'application/json': { schema: { type: 'object' } } } };
const ok = { '200': { description: 'ok' } };

describe('lint.request-body-on-get', () => {
  it('reports GET with a body, and DELETE with a body at low severity', async () => {
    const drafts = await runLintCheck(requestBodyOnGet, baseSpec({
      paths: { '/search': { get: { requestBody: body, responses: ok } }, '/items/{id}': { delete: { requestBody: body, responses: ok } } },
    }));
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({ operation: 'GET /search', pointer: '/paths/~1search/get/requestBody' });
    expect(drafts[0]!.severity).toBeUndefined();
    expect(drafts[1]).toMatchObject({ operation: 'DELETE /items/{id}', severity: 'low' });
  });

  it('reports a Swagger 2.0 body parameter on GET at its parameter', async () => {
    const drafts = await runLintCheck(requestBodyOnGet, {
      swagger: '2.0', info: { title: 't', version: '1' }, host: 'api.example.com',
      paths: { '/search': { get: { parameters: [{ name: 'q', in: 'body', schema: { type: 'object' } }], responses: ok } } },
    });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /search', pointer: '/paths/~1search/get/parameters/0' });
  });

  it('stays silent on POST with a body and on GET with a body declared empty', async () => {
    const empty = { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: {}, additionalProperties: false } } } };
    const drafts = await runLintCheck(requestBodyOnGet, baseSpec({ paths: { '/search': { post: { requestBody: body, responses: ok }, get: { requestBody: empty, responses: ok } } } }));
    expect(drafts).toEqual([]);
  });
});

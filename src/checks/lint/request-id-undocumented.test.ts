import { describe, expect, it } from 'vitest';
import { requestIdUndocumented } from './request-id-undocumented.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.request-id-undocumented', () => {
  it('fires once for the whole API when no operation documents a request id header', async () => {
    const drafts = await runLintCheck(requestIdUndocumented, baseSpec({
      paths: {
        '/users': { get: { parameters: [{ name: 'X-Api-Key', in: 'header' }], responses: { '200': { description: 'ok', headers: { 'X-Rate-Limit': { schema: { type: 'integer' } } } } } } },
        '/teams': { get: { responses: { '200': { description: 'ok' } } } },
      },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/paths' });
  });

  it('stays silent when a response header or a traceparent request header is documented', async () => {
    const viaResponse = baseSpec({ paths: { '/users': { get: { responses: { '200': { description: 'ok', headers: { 'X-Request-Id': { schema: { type: 'string' } } } } } } } } });
    const viaRequest = baseSpec({ paths: { '/users': { get: { parameters: [{ name: 'traceparent', in: 'header' }], responses: { '200': { description: 'ok' } } } } } });
    expect(await runLintCheck(requestIdUndocumented, viaResponse)).toEqual([]);
    expect(await runLintCheck(requestIdUndocumented, viaRequest)).toEqual([]);
  });
});

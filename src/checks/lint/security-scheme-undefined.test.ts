import { describe, expect, it } from 'vitest';
import { securitySchemeUndefined } from './security-scheme-undefined.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const components = { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } };

describe('lint.security-scheme-undefined', () => {
  it('reports undefined schemes at document and operation level, once each', async () => {
    const drafts = await runLintCheck(securitySchemeUndefined, baseSpec({
      components,
      security: [{ beraer: [] }],
      paths: { '/a': { get: { security: [{ bearer: [] }, { apiKey: [] }], responses: { '200': { description: 'ok' } } }, post: { responses: { '200': { description: 'ok' } } } } },
    }));
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/security/0/beraer' });
    expect(drafts[1]).toMatchObject({ operation: 'GET /a', pointer: '/paths/~1a/get/security/1/apiKey' });
  });

  it('stays silent when every named scheme is defined', async () => {
    const drafts = await runLintCheck(securitySchemeUndefined, baseSpec({
      components,
      security: [{ bearer: [] }],
      paths: { '/a': { get: { security: [], responses: { '200': { description: 'ok' } } } } },
    }));
    expect(drafts).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { basicAuthOverHttp } from './basic-auth-over-http.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const schemes = { securitySchemes: { basic: { type: 'http', scheme: 'Basic' }, bearer: { type: 'http', scheme: 'bearer' } } };

describe('lint.basic-auth-over-http', () => {
  it('reports the basic scheme once when a server is plain http', async () => {
    const drafts = await runLintCheck(basicAuthOverHttp, baseSpec({
      servers: [{ url: 'http://api.example.com' }, { url: 'http://staging.example.com' }],
      components: schemes,
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/components/securitySchemes/basic' });
    expect(drafts[0]!.detail).toContain('and 1 more');
  });

  it('reports Swagger 2.0 basic security definitions', async () => {
    const drafts = await runLintCheck(basicAuthOverHttp, {
      swagger: '2.0', info: { title: 't', version: '1' }, host: 'api.example.com', schemes: ['http'], paths: {},
      securityDefinitions: { basicAuth: { type: 'basic' } },
    });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ pointer: '/securityDefinitions/basicAuth' });
  });

  it('stays silent when every server is https or loopback', async () => {
    const drafts = await runLintCheck(basicAuthOverHttp, baseSpec({ servers: [{ url: 'https://api.example.com' }, { url: 'http://localhost:3000' }], components: schemes }));
    expect(drafts).toEqual([]);
  });
});

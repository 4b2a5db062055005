import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { corsCredentials } from './cors-credentials.js';
import { corsWildcard } from './cors-wildcard.js';

const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  paths: {
    '/profile': { get: { security: [{ bearer: [] }], responses: { '200': { description: 'ok' }, '401': { description: 'no' } } } },
    '/items': { get: { responses: { '200': { description: 'ok' } } } },
    '/files': { get: { responses: { '200': { description: 'ok' } } } },
  },
};
const roles = [{ name: 'user', headers: { authorization: 'Bearer t' }, scopes: [] }];

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('exposure.cors-credentials', () => {
  it('reports an operation that reflects any origin, and one that allows the null origin, with credentials', async () => {
    const server = await startServer((request, response) => {
      const origin = request.headers.origin;
      const cors: Record<string, string> = {};
      if (request.url === '/profile' && origin) Object.assign(cors, { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' });
      if (request.url === '/files' && origin === 'null') Object.assign(cors, { 'access-control-allow-origin': 'null', 'access-control-allow-credentials': 'true' });
      if (request.url === '/items' && origin === 'https://shop.example') Object.assign(cors, { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' });
      return json(response, 200, { ok: true }, cors);
    });
    close = server.close;
    const findings = findingsOf(await auditWith([corsCredentials], spec, server.url, { roles }), 'exposure.cors-credentials');
    expect(findings.map((f) => [f.operation, f.status])).toEqual([
      ['GET /profile', 200],
      ['GET /files', 200],
    ]);
    expect(findings[0]).toMatchObject({ cause: 'public-exposure', severity: 'high' });
    expect(findings[0]!.evidence[0]!.request.headers).toMatchObject({ origin: 'https://evil.faultline.invalid', authorization: 'Bearer t' });
    expect(findings[1]!.evidence[0]!.request.headers['origin']).toBe('null');
  });

  it('stays silent for an allow-list with credentials and for a wildcard without them', async () => {
    const server = await startServer((request, response) => {
      const origin = request.headers.origin;
      if (origin === 'https://shop.example') return json(response, 200, {}, { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' });
      return json(response, 200, {}, { 'access-control-allow-origin': '*' });
    });
    close = server.close;
    const report = await auditWith([corsCredentials], spec, server.url, { roles });
    expect(findingsOf(report, 'exposure.cors-credentials')).toEqual([]);
  });
});

describe('exposure.cors-credentials and a wildcard', () => {
  it('leaves `*` with Allow-Credentials (which browsers refuse) to exposure.cors-wildcard, at low', async () => {
    const server = await startServer((request, response) => json(response, 200, {}, { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' }));
    try {
      const report = await auditWith([corsCredentials, corsWildcard], spec, server.url, {});
      expect(findingsOf(report, 'exposure.cors-credentials')).toEqual([]);
      expect(findingsOf(report, 'exposure.cors-wildcard').map((f) => f.severity)).toEqual(['low']);
    } finally {
      await server.close();
    }
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { corsCredentials } from './cors-credentials.js';
import { corsWildcard } from './cors-wildcard.js';

const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/items': { get: { responses: { '200': { description: 'ok' } } } },
    '/orders': { get: { responses: { '200': { description: 'ok' } } } },
  },
};

function definedHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function findingsFor(cors: (origin: string | undefined) => Record<string, string | undefined>) {
  const server = await startServer((request, response) => json(response, 200, { ok: true }, definedHeaders(cors(request.headers.origin))));
  close = server.close;
  return auditWith([corsCredentials, corsWildcard], spec, server.url);
}

describe('exposure.cors-wildcard', () => {
  it('reports Access-Control-Allow-Origin: * on every response once for the API, as low', async () => {
    const report = await findingsFor(() => ({ 'access-control-allow-origin': '*' }));
    const findings = findingsOf(report, 'exposure.cors-wildcard');
    expect(findings.map((f) => [f.operation, f.severity, f.cause])).toEqual([[null, 'low', 'public-exposure']]);
    expect(findings[0]!.detail).toMatch(/GET \/items, GET \/orders, .*GET \/ \(not in the spec\).*\(\d+ responses\)/);
    expect(findings[0]!.evidence[0]!.response!.headers['access-control-allow-origin']).toBe('*');
    expect(findingsOf(report, 'exposure.cors-credentials')).toEqual([]);
  });

  it('leaves a reflected origin with credentials to the high cors-credentials finding', async () => {
    const report = await findingsFor((origin) => (origin ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' } : {}));
    expect(findingsOf(report, 'exposure.cors-wildcard')).toEqual([]);
    expect(findingsOf(report, 'exposure.cors-credentials').map((f) => f.severity)).toEqual(['high', 'high']);
  });

  it('stays silent for an allow-list that answers only its own origin', async () => {
    const report = await findingsFor((origin) => (origin === 'https://shop.example' ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {}));
    expect(report.findings).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { deprecationHeaderMissing } from './deprecation-header-missing.js';

const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/v1/products': { get: { deprecated: true, responses: { '200': { description: 'products' } } } },
    '/products': { get: { responses: { '200': { description: 'products' } } } },
  },
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function auditServing(headers: Record<string, string>) {
  const server = await startServer((_request, response) => json(response, 200, { items: [] }, headers));
  close = server.close;
  return findingsOf(await auditWith([deprecationHeaderMissing], spec, server.url), 'expiring.deprecation-header-missing');
}

describe('expiring.deprecation-header-missing', () => {
  it('reports a deprecated operation whose 2xx carries neither Deprecation nor Sunset', async () => {
    const findings = await auditServing({});
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'expiring-apis', operation: 'GET /v1/products', status: 200, severity: 'medium' });
    expect(findings[0]!.evidence[0]!.request.url).toMatch(/\/v1\/products$/);
  });

  it('reports a Sunset that is not an HTTP-date as high', async () => {
    const findings = await auditServing({ deprecation: '@1735689600', sunset: '2031-12-31' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ operation: 'GET /v1/products', severity: 'high', title: 'Sunset header is not an HTTP-date' });
  });

  it('reports a Sunset date already in the past as high', async () => {
    const findings = await auditServing({ sunset: 'Sun, 06 Nov 1994 08:49:37 GMT' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ operation: 'GET /v1/products', severity: 'high', title: 'Sunset date has passed' });
  });

  it('stays silent on an RFC 9745 Deprecation with a future RFC 8594 Sunset', async () => {
    expect(await auditServing({ deprecation: '@1735689600', sunset: 'Wed, 31 Dec 2031 23:59:59 GMT' })).toEqual([]);
  });
});

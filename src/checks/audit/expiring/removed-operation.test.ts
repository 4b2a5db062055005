import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { removedOperation } from './removed-operation.js';

const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/coupons': { get: { responses: { '200': { description: 'coupons' } } } },
    '/products': { get: { responses: { '200': { description: 'products' } } } },
  },
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('expiring.removed-operation', () => {
  it('reports a documented operation that answers 410 Gone', async () => {
    const server = await startServer((request, response) =>
      request.url?.startsWith('/coupons') ? json(response, 410, { title: 'Coupons were removed' }) : json(response, 200, { items: [] }),
    );
    close = server.close;
    const findings = findingsOf(await auditWith([removedOperation], spec, server.url), 'expiring.removed-operation');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'expiring-apis', operation: 'GET /coupons', status: 410, severity: 'high' });
    expect(findings[0]!.evidence[0]!.request.url).toMatch(/\/coupons$/);
  });

  it('stays silent when every documented operation answers', async () => {
    const server = await startServer((_request, response) => json(response, 200, { items: [] }));
    close = server.close;
    expect(findingsOf(await auditWith([removedOperation], spec, server.url), 'expiring.removed-operation')).toEqual([]);
  });
});

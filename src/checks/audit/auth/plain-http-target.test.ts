import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { plainHttpTarget } from './plain-http-target.js';

// No operations, so an audit of a remote target sends nothing over the network.
const emptySpec = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} };

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('auth.plain-http-target', () => {
  it('reports a plain http target on a non-loopback host once, for the whole API', async () => {
    const report = await auditWith([plainHttpTarget], emptySpec, 'http://api.example.test:8080/v1');
    const findings = findingsOf(report, 'auth.plain-http-target');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'unsecured-endpoints', severity: 'high', operation: null });
    expect(findings[0]!.detail).toContain('http://api.example.test:8080');
    expect(report.stats['requests']).toBe(0);
  });

  it('stays silent for https and for http on loopback (local testing)', async () => {
    const server = await startServer((_request, response) => json(response, 200, {}));
    close = server.close;
    for (const target of [server.url, 'https://api.example.test', 'http://localhost:9', 'http://[::1]:9', 'http://127.8.0.1:9']) {
      expect(findingsOf(await auditWith([plainHttpTarget], emptySpec, target), 'auth.plain-http-target')).toEqual([]);
    }
  });
});

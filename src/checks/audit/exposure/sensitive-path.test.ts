import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { sensitivePath } from './sensitive-path.js';

const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/items': { get: { responses: { '200': { description: 'ok' } } } },
    '/metrics': { get: { responses: { '200': { description: 'documented metrics' } } } },
  },
};

function text(response: ServerResponse, body: string, type = 'text/plain'): void {
  response.writeHead(200, { 'content-type': type });
  response.end(body);
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('exposure.sensitive-path', () => {
  it('reports a reachable .env (critical) and debug vars, but not a documented path', async () => {
    const seen: string[] = [];
    const server = await startServer((request, response) => {
      seen.push(request.url ?? '');
      if (request.url === '/.env') return text(response, 'DB_PASSWORD=hunter2\nJWT_SECRET=secret\n');
      if (request.url === '/debug/vars') return json(response, 200, { cmdline: ['node'], memstats: { heap: 1 } });
      if (request.url === '/metrics') return text(response, '# HELP up 1\n# TYPE up gauge\nup 1\n');
      if (request.url === '/items') return json(response, 200, []);
      return json(response, 404, { title: 'not found', status: 404 });
    });
    close = server.close;
    const findings = findingsOf(await auditWith([sensitivePath], spec, server.url), 'exposure.sensitive-path');
    expect(findings.map((f) => [f.title, f.severity, f.status])).toEqual([
      ['/.env is publicly reachable', 'critical', 200],
      ['/debug/vars is publicly reachable', 'high', 200],
    ]);
    expect(findings[0]).toMatchObject({ cause: 'public-exposure', operation: null });
    expect(findings[0]!.evidence[0]!.request.url).toBe(`${server.url}/.env`);
    // Only the examples phase asked for the documented /metrics; the check skipped it.
    expect(seen.filter((url) => url === '/metrics')).toHaveLength(1);
  });

  it('stays silent on a catch-all server that answers 200 with the same page everywhere', async () => {
    const server = await startServer((_request, response) => {
      text(response, '<!doctype html><div id="app"></div><script src="/main.js"></script>', 'text/html');
    });
    close = server.close;
    expect(findingsOf(await auditWith([sensitivePath], spec, server.url), 'exposure.sensitive-path')).toEqual([]);
  });

  it('does not take a generic 200 for a secret file: only paths without a content signature count', async () => {
    const server = await startServer((request, response) => {
      if (request.url?.startsWith('/faultline-')) return json(response, 404, { title: 'not found', status: 404 });
      text(response, 'Hello from the API');
    });
    close = server.close;
    const findings = findingsOf(await auditWith([sensitivePath], spec, server.url), 'exposure.sensitive-path');
    expect(findings.map((f) => f.title)).toEqual(['/debug is publicly reachable', '/console is publicly reachable', '/admin/ is publicly reachable']);
  });

  it('sends nothing when exposure probes are turned off', async () => {
    const seen: string[] = [];
    const server = await startServer((request, response) => {
      seen.push(request.url ?? '');
      return json(response, 200, { cmdline: ['node'], memstats: {} });
    });
    close = server.close;
    const report = await auditWith([sensitivePath], spec, server.url, { isExposureProbing: false });
    expect(findingsOf(report, 'exposure.sensitive-path')).toEqual([]);
    expect(seen.filter((url) => url.startsWith('/.env') || url.startsWith('/debug') || url.startsWith('/faultline-'))).toEqual([]);
  });
});

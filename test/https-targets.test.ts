import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorLines, repoRoot, runCli } from './support/run-cli.js';

// A self-signed certificate for 127.0.0.1 and localhost, valid for a century (test/fixtures/tls).
const certFile = join(repoRoot, 'test', 'fixtures', 'tls', 'cert.pem');
const spec = `openapi: 3.0.3
info: { title: tls shop, version: '1', description: d }
paths:
  /products:
    get:
      description: list
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } }
`;

let server: Server;
let target: string;
let dir: string;
const seen: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-https-'));
  await writeFile(join(dir, 'spec.yaml'), spec);
  server = createServer({ key: readFileSync(join(repoRoot, 'test', 'fixtures', 'tls', 'key.pem')), cert: readFileSync(certFile) }, (request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.setHeader('content-type', 'application/json');
    response.end(request.url === '/products' ? '["a"]' : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('https targets', () => {
  it('load runs over TLS against a private CA trusted through NODE_EXTRA_CA_CERTS', async () => {
    seen.length = 0;
    const out = join(dir, 'load');
    const result = await runCli(['load', '--target', `${target}/products`, '--rate', '40/s', '--duration', '1s', '--out', out], { env: { NODE_EXTRA_CA_CERTS: certFile } });
    expect(result.code, result.stderr).toBe(0);
    const load = JSON.parse(await readFile(join(out, 'load.json'), 'utf8'));
    expect(load.total.completed).toBe(40);
    expect(load.operations[0].statuses).toEqual({ '200': 40 });
    expect(seen.filter((line) => line === 'GET /products')).toHaveLength(40);
  });

  it('audit runs over TLS, with its load phase, against the same trusted target', async () => {
    seen.length = 0;
    const out = join(dir, 'audit');
    const result = await runCli(['audit', '--spec', join(dir, 'spec.yaml'), '--target', target, '--budget-requests', '200', '--fail-on', 'none', '--out', out], { env: { NODE_EXTRA_CA_CERTS: certFile } });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(report.notes.join('\n')).not.toMatch(/TLS_ERROR|transport errors/);
    // The examples phase, the checks' probes and the latency burst (20 alone + 20 under load, twice at most) all got through.
    expect(seen.filter((line) => line === 'GET /products').length).toBeGreaterThanOrEqual(41);
    expect(report.findings.map((finding: { check: string }) => finding.check)).not.toContain('resilience.transport-failure');
  });

  it('skips certificate verification under --insecure, and says so', async () => {
    seen.length = 0;
    const out = join(dir, 'insecure');
    const load = await runCli(['load', '--target', `${target}/products`, '--rate', '20/s', '--duration', '1s', '--insecure', '--format', 'json'], { env: { NODE_EXTRA_CA_CERTS: '' } });
    expect(load.code, load.stderr).toBe(0);
    expect(load.stderr).toMatch(/warning: --insecure: https certificates are not verified/);
    expect(JSON.parse(load.stdout).total.completed).toBe(20);
    const audit = await runCli(['audit', '--spec', join(dir, 'spec.yaml'), '--target', target, '--budget-requests', '200', '--fail-on', 'none', '--insecure', '--out', out], { env: { NODE_EXTRA_CA_CERTS: '' } });
    expect(audit.code, audit.stderr).toBe(0);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(report.notes).toContain('TLS certificates were not verified (--insecure): the findings say nothing about the certificate users will see');
    expect(report.findings.map((finding: { check: string }) => finding.check)).not.toContain('resilience.transport-failure');
    expect(seen.filter((line) => line === 'GET /products').length).toBeGreaterThanOrEqual(61);
  });

  it('refuses an untrusted certificate before sending anything: one line naming the reason and the remedy, exit 2', async () => {
    for (const args of [
      ['load', '--target', target, '--rate', '10/s', '--duration', '1s'],
      ['audit', '--spec', join(dir, 'spec.yaml'), '--target', target],
    ]) {
      seen.length = 0;
      const result = await runCli(args, { env: { NODE_EXTRA_CA_CERTS: '' } });
      expect(result.code).toBe(2);
      const lines = errorLines(result.stderr).filter((line) => !line.startsWith('faultline: phase'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^faultline: --target: cannot reach 127\.0\.0\.1:\d+: the TLS handshake failed: self[- ]signed certificate \(to trust a private CA, run faultline with NODE_EXTRA_CA_CERTS=\/path\/to\/ca\.pem, or pass --insecure to skip verification\)$/);
      expect(seen).toEqual([]);
    }
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/http/test-support/hostile-server.js';
import { decodeHistogram } from '../src/load/histogram.js';
import { binPath, errorLines, runCli } from './support/run-cli.js';

let dir: string;
let server: TestServer | null = null;
let raw: NetServer | null = null;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-load-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  await server?.close();
  server = null;
  await new Promise<void>((resolve) => (raw ? raw.close(() => resolve()) : resolve()));
  raw = null;
});

const spec = [
  'openapi: 3.0.3',
  'info: { title: shop, version: "1" }',
  'paths:',
  '  /products:',
  '    get:',
  '      responses: { "200": { description: ok } }',
  '  /orders:',
  '    post:',
  '      requestBody:',
  '        content:',
  '          application/json:',
  '            schema: { type: object, properties: { sku: { type: string } } }',
  '            example: { sku: A-1 }',
  '      responses: { "201": { description: created } }',
].join('\n');

function expectOneClearLine(result: { code: number | null; stderr: string }, pattern: RegExp): void {
  expect(result.code).toBe(2);
  const lines = errorLines(result.stderr);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^faultline: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

async function closedPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('faultline load (bad input)', () => {
  it('names an unknown operation and suggests the closest', async () => {
    const specFile = join(dir, 'shop.yaml');
    await writeFile(specFile, spec);
    server = await startTestServer((_req, res) => res.end('ok'));
    expectOneClearLine(await runCli(['load', '--target', server.url, '--spec', specFile, '--operations', 'GET /product', '--duration', '1s']), /unknown operation 'GET \/product' \(did you mean 'GET \/products'\?\)/);
  });

  it('refuses a rate of zero and a negative rate', async () => {
    expectOneClearLine(await runCli(['load', '--target', 'http://127.0.0.1:9/', '--rate', '0/s']), /--rate: the rate must be above zero/);
    expectOneClearLine(await runCli(['load', '--target', 'http://127.0.0.1:9/', '--rate=-5/s']), /--rate: not a rate: '-5\/s'/);
  });

  it('refuses a malformed threshold before sending anything', async () => {
    server = await startTestServer((_req, res) => res.end('ok'));
    expectOneClearLine(await runCli(['load', '--target', server.url, '--threshold', 'p95<fast']), /malformed threshold 'p95<fast'/);
    expect(server.received).toHaveLength(0);
  });

  it('says an unreachable target is unreachable within the connect timeout', async () => {
    const port = await closedPort();
    const started = Date.now();
    expectOneClearLine(await runCli(['load', '--target', `http://127.0.0.1:${port}/`, '--rate', '10/s', '--duration', '30s', '--connect-timeout', '2s']), new RegExp(`cannot reach 127\\.0\\.0\\.1:${port}: connection refused`));
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('says a target that resets every connection answers nothing, and stops early', async () => {
    raw = createNetServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    await new Promise<void>((resolve) => raw!.listen(0, '127.0.0.1', resolve));
    const port = (raw.address() as AddressInfo).port;
    const started = Date.now();
    expectOneClearLine(await runCli(['load', '--target', `http://127.0.0.1:${port}/`, '--rate', '50/s', '--duration', '30s']), /no HTTP response from .*: \d+ requests failed, \d+ with CONNECTION_RESET \(the target resets or closes the connections\)/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('faultline load (runs)', () => {
  it('loads spec operations at the planned rate and writes load.json, load.html and the shared reports', async () => {
    const specFile = join(dir, 'shop.yaml');
    await writeFile(specFile, spec);
    server = await startTestServer((req, res) => {
      res.statusCode = req.method === 'POST' ? 201 : 200;
      res.end('{}');
    });
    const out = join(dir, 'run1');
    const result = await runCli(['load', '--target', server.url, '--spec', specFile, '--operations', 'GET /products,POST /orders', '--rate', '100/s', '--duration', '2s', '--threshold', 'errors<1%', '--threshold', 'p(99)<5s', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/GET \/products/);
    expect(result.stdout).toMatch(/✓ errors<1%/);
    const load = JSON.parse(await readFile(join(out, 'load.json'), 'utf8'));
    expect(load.planned).toBe(200);
    expect(load.total.completed).toBe(200);
    expect(load.operations.map((o: { name: string }) => o.name).sort()).toEqual(['GET /products', 'POST /orders']);
    expect(load.thresholds.every((t: { passed: boolean }) => t.passed)).toBe(true);
    const posted = server.received.filter((r) => r.method === 'POST');
    expect(posted.length).toBeGreaterThan(0);
    expect(JSON.parse(posted[0]!.body.toString())).toEqual({ sku: 'A-1' });
    const html = await readFile(join(out, 'load.html'), 'utf8');
    expect(html).toMatch(/<svg[^>]*aria-label="Latency over time"/);
    expect(html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1|www\.w3\.org)/);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(report.kind).toBe('load');
  });

  it('exits 1 on a failed threshold and reports it as an insufficient-testing finding for the operation', async () => {
    server = await startTestServer((_req, res) => setTimeout(() => res.end('slow'), 150));
    const out = join(dir, 'run2');
    const result = await runCli(['load', '--target', `${server.url}/slow`, '--rate', '20/s', '--duration', '1s', '--threshold', 'p95<50ms', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/threshold 'p95<50ms' failed: \d+(\.\d+)? ms/);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(report.findings).toEqual([expect.objectContaining({ check: 'load.threshold', cause: 'insufficient-testing', operation: 'GET /slow' })]);
  });

  it('runs a scenario from the config with credentials, weights and its thresholds', async () => {
    const specFile = join(dir, 'shop.yaml');
    await writeFile(specFile, spec);
    server = await startTestServer((req, res) => {
      res.statusCode = req.method === 'POST' ? 201 : 200;
      res.end('{}');
    });
    const configFile = join(dir, 'faultline.yaml');
    await writeFile(configFile, [
      `target: ${server.url}`,
      'spec: shop.yaml',
      'credentials:',
      '  - name: shopper',
      '    headers: { Authorization: "Bearer sekrit-token" }',
      'load:',
      '  thresholds: ["errors<1%"]',
      '  scenarios:',
      '    checkout:',
      '      executor: ramping-arrival-rate',
      '      stages: [{ duration: 1s, target: 100 }, { duration: 1s, target: 100 }]',
      '      thresholds: ["GET /products: p(99)<5s"]',
      '      requests:',
      '        - { operation: GET /products, weight: 3 }',
      '        - { name: order, method: POST, path: /orders, body: { sku: B-2 }, credential: shopper }',
    ].join('\n'));
    const out = join(dir, 'run-config');
    const result = await runCli(['load', '--config', configFile, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const load = JSON.parse(await readFile(join(out, 'load.json'), 'utf8'));
    expect(load.executor.kind).toBe('ramping-arrival-rate');
    expect(load.planned).toBe(150);
    expect(load.total.completed).toBe(150);
    expect(load.thresholds.map((t: { threshold: string; passed: boolean }) => [t.threshold, t.passed])).toEqual([['errors<1%', true], ['GET /products: p(99)<5s', true]]);
    const orders = server.received.filter((r) => r.method === 'POST');
    const products = server.received.filter((r) => r.method === 'GET');
    expect(products.length).toBeGreaterThan(orders.length);
    expect(orders[0]!.headers['authorization']).toBe('Bearer sekrit-token');
    expect(JSON.parse(orders[0]!.body.toString())).toEqual({ sku: 'B-2' });
    expect(await readFile(join(out, 'report.json'), 'utf8')).not.toContain('sekrit-token');
  });

  it('runs the closed model with --vus and several threads', async () => {
    server = await startTestServer((_req, res) => res.end('ok'));
    const result = await runCli(['load', '--target', server.url, '--vus', '4', '--duration', '1s', '--threads', '2', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const load = JSON.parse(result.stdout);
    expect(load.model).toBe('closed');
    expect(load.contributors).toHaveLength(2);
    expect(load.total.completed).toBeGreaterThan(10);
    expect(load.total.completed).toBe(server.received.length);
  });
});

const redisUrl = process.env['FAULTLINE_TEST_REDIS_URL'];
if (!redisUrl && process.env['CI'] === 'true') {
  describe('faultline load --workers (Redis)', () => {
    it('needs FAULTLINE_TEST_REDIS_URL in CI', () => {
      expect.fail('FAULTLINE_TEST_REDIS_URL is not set: .ci/run must start redis-server and export it');
    });
  });
}
if (!redisUrl && process.env['CI'] !== 'true') process.stderr.write('skipping distributed load tests: set FAULTLINE_TEST_REDIS_URL=redis://127.0.0.1:6390 to run them\n');

/** A `faultline worker` process, resolved once it listens on the queue; `running` resolves when it takes a share. */
async function startWorker(queue: string): Promise<{ child: ChildProcess; running: Promise<void> }> {
  const child = spawn(process.execPath, [binPath, 'worker', '--redis', redisUrl!, '--queue', queue, '--max-jobs', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
  workers.push(child);
  let text = '';
  const seen = (pattern: RegExp, what: string, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker did not ${what} within ${timeoutMs / 1000} s: ${text}`)), timeoutMs);
      const check = () => {
        if (!pattern.test(text)) return;
        clearTimeout(timer);
        resolve();
      };
      child.stderr!.on('data', check);
      check();
    });
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const running = seen(/running share/, 'take a share', 90_000);
  running.catch(() => undefined);
  await seen(/listening on queue/, 'start listening', 30_000);
  return { child, running };
}

const workers: ChildProcess[] = [];

describe.skipIf(!redisUrl)('faultline load --workers (Redis)', () => {
  afterEach(() => {
    for (const worker of workers.splice(0)) if (worker.exitCode === null) worker.kill('SIGKILL');
  });

  it('splits the schedule across two workers, sends exactly what it asked for and merges their histograms exactly', async () => {
    server = await startTestServer((_req, res) => res.end('ok'));
    const queue = `test-${process.pid}-${Date.now()}`;
    await Promise.all([startWorker(queue), startWorker(queue)]);
    const out = join(dir, 'dist1');
    const result = await runCli(['load', '--target', server.url, '--rate', '300/s', '--duration', '2s', '--workers', redisUrl!, '--queue', queue, '--worker-count', '2', '--out', out], { timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    const load = JSON.parse(await readFile(join(out, 'load.json'), 'utf8'));
    expect(load.planned).toBe(600);
    expect(load.total.sent + load.total.dropped).toBe(600);
    expect(load.total.completed).toBe(600);
    expect(server.received).toHaveLength(600);
    expect(load.contributors.map((c: { status: string; planned: number }) => [c.status, c.planned])).toEqual([['ok', 300], ['ok', 300]]);
    const merged = decodeHistogram(load.total.histogram);
    const own = load.contributors.map((c: { histogram: string }) => decodeHistogram(c.histogram));
    const sum = decodeHistogram(load.contributors[0].histogram);
    sum.add(own[1]);
    expect(merged.totalCount).toBe(600);
    for (const percentile of [0, 50, 90, 99, 99.9, 100]) expect(merged.getValueAtPercentile(percentile)).toBe(sum.getValueAtPercentile(percentile));
    expect(merged.mean).toBe(sum.mean);
  });

  it('reports a worker that dies, keeps what it measured and counts the rest of its share as lost', async () => {
    server = await startTestServer((_req, res) => res.end('ok'));
    const queue = `test-${process.pid}-${Date.now()}`;
    const [, doomed] = await Promise.all([startWorker(queue), startWorker(queue)]);
    const out = join(dir, 'dist2');
    const run = runCli(['load', '--target', server.url, '--rate', '200/s', '--duration', '6s', '--workers', redisUrl!, '--queue', queue, '--worker-count', '2', '--out', out], { timeoutMs: 90_000 });
    // Kill it mid-run: its share starts at most 1.5 s after it takes it, and lasts 6 s.
    await doomed!.running;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    doomed!.child.kill('SIGKILL');
    const result = await run;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/worker worker-\d died: no heartbeat for \d+ s; \d+ of its 600 planned requests were not sent/);
    const load = JSON.parse(await readFile(join(out, 'load.json'), 'utf8'));
    const dead = load.contributors.filter((c: { status: string }) => c.status === 'dead');
    expect(dead).toHaveLength(1);
    expect(dead[0].lost).toBeGreaterThan(0);
    expect(load.total.sent + load.total.dropped + dead[0].lost).toBe(1200);
    expect(load.notes.join(' ')).toMatch(/died/);
  });
});

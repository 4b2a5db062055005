// Cross-layer: whole audits through the built CLI against APIs that misbehave on purpose. Each run is
// its own process, so its wall time and peak memory are its own. The bounds are generous (a loaded
// 2-core machine must pass): they catch a run that ignores its budget or buffers a body, not a slow one.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from '../src/checks/registry.js';
import type { Finding, Report } from '../src/core/finding.js';
import { startTestServer, writeRepeated, type TestServer } from '../src/http/test-support/hostile-server.js';
import { runMeasuredCli, type MeasuredCliResult } from './support/measured-cli.js';

const budget = { requests: 300, timeMs: 20_000, timeoutMs: 2_000 };
// Process start, lint, report and the last in-flight request cut at the deadline all fit in this.
const wallMarginMs = 15_000;
const maxRssGrowthBytes = 400 * 1024 * 1024;
const gibibyte = 1024 ** 3;

const item = { type: 'object', required: ['name', 'quantity'], properties: { id: { type: 'integer' }, name: { type: 'string', maxLength: 40 }, quantity: { type: 'integer', minimum: 1 } } };
const jsonOf = (schema: unknown) => ({ 'application/json': { schema } });
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'integer' }, example: 1 };

/** Seven operations: a healthy-looking shop with a JSON create, item reads and writes, and one operation only a role may call. */
const spec = {
  openapi: '3.0.3',
  info: { title: 'Hostile shop', version: '1.0.0', description: 'Answers badly on purpose.' },
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  paths: {
    '/health': {
      get: {
        operationId: 'health',
        parameters: [{ name: 'verbose', in: 'query', required: true, schema: { type: 'boolean' }, example: true }],
        responses: { '200': { description: 'up', content: jsonOf({ type: 'object', properties: { status: { type: 'string' } } }) } },
      },
    },
    '/items': {
      get: { operationId: 'listItems', responses: { '200': { description: 'items', content: jsonOf({ type: 'array', items: item }) } } },
      post: {
        operationId: 'createItem',
        requestBody: { required: true, content: jsonOf(item) },
        responses: { '201': { description: 'created', content: jsonOf(item) }, '400': { description: 'invalid' } },
      },
    },
    '/items/{id}': {
      parameters: [idParameter],
      get: { operationId: 'getItem', responses: { '200': { description: 'item', content: jsonOf(item) }, '404': { description: 'none' } } },
      put: { operationId: 'replaceItem', requestBody: { required: true, content: jsonOf(item) }, responses: { '200': { description: 'replaced', content: jsonOf(item) } } },
      delete: { operationId: 'deleteItem', responses: { '204': { description: 'deleted' } } },
    },
    '/admin/stats': {
      get: {
        operationId: 'adminStats',
        security: [{ bearer: [] }],
        responses: { '200': { description: 'stats', content: jsonOf({ type: 'object' }) }, '401': { description: 'no credentials' } },
      },
    },
  },
};

const allOperations = ['DELETE /items/{id}', 'GET /admin/stats', 'GET /health', 'GET /items', 'GET /items/{id}', 'POST /items', 'PUT /items/{id}'];
const isRegistered = (id: string) => allChecks.some((check) => check.id === id);

type Behaviour = (req: IncomingMessage, res: ServerResponse) => unknown;

let gzipBomb: Buffer;
let dir: string;
let server: TestServer | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-hostile-'));
  await writeFile(join(dir, 'spec.json'), JSON.stringify(spec));
  await writeFile(join(dir, 'faultline.yaml'), [
    'spec: spec.json',
    'credentials:',
    '  - name: admin',
    '    headers: { authorization: "Bearer admin-token" }',
    `budget: { requests: ${budget.requests}, time: ${budget.timeMs / 1000}s, timeout: ${budget.timeoutMs / 1000}s }`,
  ].join('\n'));
  // 1 GiB of zeros as 64 concatenated gzip members of 16 MiB each (RFC 1952 §2.2 allows several
  // members, and gunzip decodes them as one stream): about 1 MB on the wire, built in well under a second.
  const member = gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
  gzipBomb = Buffer.concat(Array.from({ length: gibibyte / (16 * 1024 * 1024) }, () => member));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const behaviours = {
  endless(_req, res) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return writeRepeated(res, Number.POSITIVE_INFINITY);
  },
  oneGibibyte(_req, res) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(gibibyte) });
    return writeRepeated(res, gibibyte);
  },
  slowDrip(_req, res) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('[');
    const drip = setInterval(() => res.write(' '), 500);
    res.on('close', () => clearInterval(drip));
  },
  invalidJson(_req, res) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"items": [1, 2,, "quantity": }');
  },
  gzipBomb(_req, res) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(gzipBomb.length) });
    res.end(gzipBomb);
  },
  resetMidResponse(_req, res) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
    res.write('{"items": [{"id": 1, "name": "wid');
    setTimeout(() => res.socket?.destroy(), 20);
  },
  neverAnswers() {
    // Accepts the connection, reads the request, and says nothing until the test closes the server.
  },
  healthy(req, res) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.url?.startsWith('/health') ? '{"status":"ok"}' : '{"id":1,"name":"widget","quantity":2}');
  },
} satisfies Record<string, Behaviour>;

async function auditAgainst(behaviour: Behaviour): Promise<{ result: MeasuredCliResult; report: Report }> {
  server = await startTestServer(behaviour);
  const result = await runMeasuredCli(
    ['audit', '-c', join(dir, 'faultline.yaml'), '--target', server.url, '--format', 'json', '--fail-on', 'none',
      '--budget-requests', String(budget.requests), '--budget-time', `${budget.timeMs / 1000}s`],
    { timeoutMs: budget.timeMs + 60_000 },
  );
  if (result.code !== 0) throw new Error(`faultline exited ${result.code}:\n${result.stderr}`);
  const report = JSON.parse(result.stdout) as Report;
  if (process.env['FAULTLINE_TEST_DEBUG']) console.log(JSON.stringify({ wallMs: Math.round(result.wallMs), rssMiB: Math.round(result.peakRssGrowthBytes / 2 ** 20), stats: report.stats, notes: report.notes, findings: report.findings.filter((f) => !f.check.startsWith('lint.')).map((f) => `${f.check} ${f.operation} ${f.title}`) }, null, 1));
  return { result, report };
}

/** What every hostile run must show: it finished, in time, in bounded memory, without a crash. */
function expectBoundedRun({ result, report }: { result: MeasuredCliResult; report: Report }): void {
  expect(report.schema).toBe('faultline/report@1');
  expect(report.kind).toBe('audit');
  expect(result.wallMs).toBeLessThanOrEqual(budget.timeMs + wallMarginMs);
  expect(result.peakRssGrowthBytes).toBeLessThan(maxRssGrowthBytes);
  expect(report.stats['requests']).toBeLessThanOrEqual(budget.requests);
  expect(report.notes.filter((note) => /crashed/.test(note))).toEqual([]);
  expect(result.stderr).not.toMatch(/unhandled|uncaught|\n\s+at /i);
}

function transportFailures(report: Report): Finding[] {
  return report.findings.filter((f) => f.check === 'resilience.transport-failure');
}

/**
 * Every operation is reported, with `code` for at least one of them. A request on a very busy machine may
 * hit the 2 s timeout before the body limit, so a timeout is accepted in its place: both are the bound.
 */
function expectEveryOperationFailing(report: Report, code: RegExp): void {
  const byOperation = new Map<string, string[]>();
  for (const finding of transportFailures(report)) byOperation.set(finding.operation ?? '', [...(byOperation.get(finding.operation ?? '') ?? []), finding.title]);
  expect([...byOperation.keys()].sort()).toEqual(allOperations);
  for (const titles of byOperation.values()) expect(titles.some((title) => code.test(title) || /TIMEOUT/.test(title)), titles.join('; ')).toBe(true);
  expect(operationsFailingWith(report, code).length).toBeGreaterThan(0);
}

/** Operations the transport-failure check reported for an error code. */
function operationsFailingWith(report: Report, code: RegExp): string[] {
  return transportFailures(report).filter((f) => code.test(f.title)).map((f) => f.operation ?? '').sort();
}

// Each run takes up to its 20 s budget plus process start; the CLI helper kills a run at 80 s.
describe('faultline audit against hostile targets', { timeout: 120_000 }, () => {
  it('cuts endless bodies at the read limit and reports every operation', async () => {
    const run = await auditAgainst(behaviours.endless);
    expectBoundedRun(run);
    expect(run.report.stats['transportErrors']).toBeGreaterThan(0);
    expectEveryOperationFailing(run.report, /BODY_TOO_LARGE/);
  });

  it('cuts a 1 GiB body without reading it all', async () => {
    const run = await auditAgainst(behaviours.oneGibibyte);
    expectBoundedRun(run);
    expectEveryOperationFailing(run.report, /BODY_TOO_LARGE/);
  });

  it('gives up on a slow drip at the request timeout and stops at the time budget', async () => {
    const run = await auditAgainst(behaviours.slowDrip);
    expectBoundedRun(run);
    expect(operationsFailingWith(run.report, /TIMEOUT/).length).toBeGreaterThan(0);
    expect(run.report.notes.join('\n')).toMatch(/time budget of 20 s reached|stopped sending/);
  });

  it('records invalid JSON as responses, not transport errors', async () => {
    const run = await auditAgainst(behaviours.invalidJson);
    expectBoundedRun(run);
    expect(run.report.stats['transportErrors']).toBe(0);
    expect(run.report.stats['operationsRequested']).toBe(allOperations.length);
    expect(transportFailures(run.report)).toEqual([]);
    // Whichever check judges bodies against the spec says so; none may mistake it for a transport failure.
    if (isRegistered('conformance.response-schema')) {
      const schemaFindings = run.report.findings.filter((f) => f.check === 'conformance.response-schema');
      expect(schemaFindings.length).toBeGreaterThan(0);
      expect(schemaFindings.every((f) => /not valid JSON/.test(f.detail))).toBe(true);
    }
  });

  it('stops inflating a gzip bomb at the decompression limit', async () => {
    const run = await auditAgainst(behaviours.gzipBomb);
    expectBoundedRun(run);
    expectEveryOperationFailing(run.report, /DECOMPRESSION_BOMB/);
  });

  it('reports connections destroyed mid-response', async () => {
    const run = await auditAgainst(behaviours.resetMidResponse);
    expectBoundedRun(run);
    expectEveryOperationFailing(run.report, /CONNECTION_RESET|PROTOCOL_ERROR/);
  });

  it('finishes within the time budget when the server never answers', async () => {
    const run = await auditAgainst(behaviours.neverAnswers);
    expectBoundedRun(run);
    expect(operationsFailingWith(run.report, /TIMEOUT/).length).toBeGreaterThan(0);
    expect(run.report.notes.join('\n')).toMatch(/time budget of 20 s reached|stopped sending/);
  });

  it('handles a different failure on every operation and still audits the healthy one', async () => {
    const byRoute: [RegExp, Behaviour][] = [
      [/^GET \/health/, behaviours.healthy],
      [/^GET \/items\/[^/?]+/, behaviours.slowDrip],
      [/^GET \/items/, behaviours.endless],
      [/^POST \/items/, behaviours.gzipBomb],
      [/^PUT \/items\//, behaviours.resetMidResponse],
      [/^DELETE \/items\//, behaviours.invalidJson],
      [/^GET \/admin\/stats/, behaviours.neverAnswers],
    ];
    const run = await auditAgainst((req, res) => {
      const route = `${req.method} ${req.url}`;
      const behaviour = byRoute.find(([pattern]) => pattern.test(route))?.[1] ?? behaviours.healthy;
      return behaviour(req, res);
    });
    expectBoundedRun(run);
    const expected: [string, RegExp][] = [
      ['GET /items', /BODY_TOO_LARGE/],
      ['POST /items', /DECOMPRESSION_BOMB/],
      ['GET /items/{id}', /TIMEOUT/],
      ['PUT /items/{id}', /CONNECTION_RESET|PROTOCOL_ERROR/],
      ['GET /admin/stats', /TIMEOUT/],
    ];
    for (const [operation, code] of expected) {
      const titles = transportFailures(run.report).filter((f) => f.operation === operation).map((f) => f.title);
      expect(titles.some((title) => code.test(title) || /TIMEOUT/.test(title)), `${operation}: ${titles.join('; ')}`).toBe(true);
    }
    // Both get many requests before the checks run (creates for the examples of PUT and DELETE, invalid
    // bodies in the negative phase), so both reach three failures in a row and are given up on.
    const notes = run.report.notes.join('\n');
    expect(notes).toMatch(/stopped sending to POST \/items after 3 transport errors in a row/);
    expect(notes).toMatch(/stopped sending to PUT \/items\/\{id\} after 3 transport errors in a row/);
    expect(transportFailures(run.report).map((f) => f.operation)).not.toContain('GET /health');
    // The healthy operation got its invalid inputs too, after the broken ones were given up on.
    const healthUrls = server!.received.filter((r) => r.url.startsWith('/health')).map((r) => r.url);
    expect(healthUrls).toContain('/health?verbose=true');
    expect(healthUrls).toContain('/health?verbose=not-a-boolean');
  });
});

describe('faultline audit --no-exposure-probes', { timeout: 120_000 }, () => {
  const sensitive = /\/\.(env|git|svn|hg|aws|ssh|npmrc|htpasswd|htaccess|DS_Store)\b|id_rsa|\.key$|actuator|server-status|phpinfo|heapdump|elmah|wp-|\.sql$|\.bak$|backup|docker-compose|^\/(debug|console|metrics|trace|graphql|config\.json)|swagger|openapi\.json|api-docs/i;

  async function pathsSeen(flags: readonly string[]): Promise<{ report: Report; paths: string[] }> {
    server = await startTestServer(behaviours.healthy);
    const result = await runMeasuredCli(
      ['audit', '-c', join(dir, 'faultline.yaml'), '--target', server.url, '--format', 'json', '--fail-on', 'none',
        '--budget-requests', '300', '--budget-time', '20s', ...flags],
      { timeoutMs: 80_000 },
    );
    expect(result.code, result.stderr).toBe(0);
    return { report: JSON.parse(result.stdout) as Report, paths: server.received.map((r) => r.url.split('?')[0]!) };
  }

  it('sends nothing to sensitive paths and says so in the report', async () => {
    const { report, paths } = await pathsSeen(['--no-exposure-probes']);
    expect(report.notes.join('\n')).toMatch(/exposure probes were off/);
    expect(paths.length).toBeGreaterThan(7);
    expect(paths.filter((path) => sensitive.test(path))).toEqual([]);
  });

  // The contrast that shows the flag is what kept them away; it needs the probing check to be registered.
  it.runIf(isRegistered('exposure.sensitive-path'))('probes sensitive paths such as /.env without the flag', async () => {
    const { report, paths } = await pathsSeen([]);
    expect(report.notes.join('\n')).not.toMatch(/exposure probes were off/);
    expect(paths).toContain('/.env');
  });
});

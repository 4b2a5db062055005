import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { demoSpecPath, startDemoApi, type DemoApi } from '../demo/shop.js';
import { demoCredentials, type DemoCredential } from '../demo/tokens.js';
import { browseDemo } from '../demo/traffic.js';
import type { Report } from '../src/core/finding.js';
import { HarWriter } from '../src/learn/har-writer.js';
import { learnFromHars } from '../src/learn/learn-har.js';
import { Learner } from '../src/learn/learner.js';
import { startRecordingProxy } from '../src/learn/recording-proxy.js';
import { toOpenApi } from '../src/learn/to-openapi.js';
import { runCli } from './support/run-cli.js';

// The demo learnt from traffic alone: recorded through the recording proxy to a HAR, learnt from the HAR.
let dir: string;
let demo: DemoApi;
let credentials: DemoCredential[];
let har: string;
let learntPath: string;
let document: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-learn-demo-'));
  demo = await startDemoApi();
  credentials = await demoCredentials();
  har = join(dir, 'demo.har');
  const writer = new HarWriter(har);
  const proxy = await startRecordingProxy({ listen: '127.0.0.1:0', upstream: demo.url, onSample: (sample, timing) => writer.add(sample, timing) });
  try {
    await browseDemo(proxy.url, credentials);
  } finally {
    await proxy.close();
    await writer.close();
  }
  const learner = new Learner();
  await learnFromHars([har], learner);
  document = toOpenApi(learner.finish(), { title: 'Demo shop, learnt' }).document;
  learntPath = join(dir, 'learnt.yaml');
  await writeFile(learntPath, stringify(document, { lineWidth: 0, aliasDuplicateObjects: false }));
}, 60_000);
afterAll(async () => {
  await demo.close();
  await rm(dir, { recursive: true, force: true });
});

describe('faultline learn on the bundled demo', () => {
  it('templates the demo paths and names their parameters after the collection', () => {
    const paths = Object.keys(document['paths']);
    for (const path of ['/products/{productId}', '/products/{productId}/stock', '/products/{productId}/availability', '/orders/{orderId}', '/orders/{orderId}/invoice', '/products/search', '/users/me']) {
      expect(paths).toContain(path);
    }
    expect(document['paths']['/products/{productId}'].get.parameters[0]).toMatchObject({ name: 'productId', in: 'path', required: true, schema: { type: 'integer' } });
    expect(Object.keys(document['paths']['/products/{productId}'])).toEqual(['get', 'put', 'delete']);
  });

  it('merges the order schema across samples and learns the bearer scheme, with no token in the output', async () => {
    const order = document['paths']['/orders/{orderId}'].get.responses['200'].content['application/json'].schema;
    expect(order.type).toBe('object');
    expect(order.required).toEqual(expect.arrayContaining(['id', 'productId', 'quantity']));
    expect(order.properties.id).toEqual({ type: 'integer' });
    expect(document['components'].securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(document['paths']['/orders/{orderId}'].get.security).toEqual([{ bearerAuth: [] }]);
    const text = await readFile(learntPath, 'utf8');
    for (const credential of credentials) expect(text).not.toContain(credential.headers.Authorization.split('.')[2]);
    expect(text).not.toContain('bob-pass');
    expect(await readFile(har, 'utf8')).not.toContain(credentials[0]!.headers.Authorization.split('.')[2]);
  });

  it('gives faultline lint a description it accepts', async () => {
    const lint = await runCli(['lint', learntPath, '--format', 'json']);
    expect(lint.code).toBe(0);
    const report = JSON.parse(lint.stdout) as Report;
    expect(report.findings.filter((f) => f.severity === 'critical' || f.severity === 'high')).toEqual([]);
  });

  it('feeds faultline audit unchanged: the audit runs against the demo with the learnt description', async () => {
    const config = join(dir, 'faultline.yaml');
    await writeFile(config, stringify({ credentials: credentials.map((c) => ({ name: c.name, headers: c.headers, scopes: [...c.scopes] })) }));
    const result = await runCli(['audit', '--config', config, '--spec', learntPath, '--target', demo.url, '--format', 'json', '--fail-on', 'none', '--budget-requests', '600', '--budget-time', '60s', '--seed', '1'], { timeoutMs: 120_000 });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.kind).toBe('audit');
    expect(report.stats['operationsReached']).toBeGreaterThan(report.stats['operations']! / 2);
    expect(report.findings.length).toBeGreaterThan(0);
  }, 150_000);

  it('feeds faultline load --operations unchanged: requests built from the learnt examples', async () => {
    const auth = credentials.find((c) => c.name === 'reader')!.headers.Authorization;
    const result = await runCli(['load', '--target', demo.url, '--spec', learntPath, '--operations', 'GET /products/{productId}', '--rate', '20/s', '--duration', '1s', '--header', `Authorization: ${auth}`, '--format', 'json'], { timeoutMs: 60_000 });
    expect(result.code).toBe(0);
    const load = JSON.parse(result.stdout) as { operations: { name: string; sent: number; statuses: Record<string, number> }[] };
    const [operation] = load.operations;
    expect(operation?.name).toBe('GET /products/{productId}');
    // The learnt path example is a product id the traffic read, so every request finds it.
    expect(operation?.statuses).toEqual({ '200': operation?.sent });
  }, 90_000);

  it('reports the drift between the traffic and the published demo description', async () => {
    const result = await runCli(['learn', '--har', har, '--against', demoSpecPath(), '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.findings.every((f) => f.cause === 'poor-design-docs')).toBe(true);
    const never = report.findings.filter((f) => f.check === 'learn.operation-never-seen').map((f) => f.operation);
    expect(never).toContain('POST /login/secure');
    expect(never).not.toContain('GET /products/{id}');
    expect(report.findings.filter((f) => f.check === 'learn.undocumented-operation')).toEqual([]);
  });
});

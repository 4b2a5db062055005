import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMeasuredCli } from './support/measured-cli.js';

const entries = 100_000;
let dir: string;
let har: string;
let smallHar: string;

/** A HAR of 100,000 entries (about 100 MB): orders by id, 20,000 users by name, a paged listing, creations. */
async function writeLargeHar(file: string, entries: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  const json = [{ name: 'Content-Type', value: 'application/json' }];
  await write('{"log":{"version":"1.2","creator":{"name":"test","version":"1"},"entries":[\n');
  for (let i = 0; i < entries; i++) {
    const kind = i % 4;
    const [method, path, status, body, requestBody]: [string, string, number, unknown, unknown?] =
      kind === 0
        ? ['GET', `/orders/${i}`, 200, { id: i, status: ['placed', 'paid', 'shipped'][i % 3], lines: [{ sku: `S${i % 50}`, quantity: 1 + (i % 3) }], note: 'n'.repeat(i % 300) }]
        : kind === 1
          ? ['GET', `/people/user${i % 20_000}`, 200, { username: `user${i % 20_000}`, joined: '2024-01-01' }]
          : kind === 2
            ? ['GET', `/products?page=${i % 40}`, 200, { items: [{ id: i % 300, name: 'cup' }], page: i % 40 }]
            : ['POST', '/orders', 201, { id: i }, { sku: `S${i % 50}`, quantity: 2 }];
    const entry = {
      request: { method, url: `http://127.0.0.1:3000${path}`, headers: [{ name: 'Authorization', value: 'Bearer large-har-token-0123456789' }], ...(requestBody ? { postData: { mimeType: 'application/json', text: JSON.stringify(requestBody) } } : {}) },
      response: { status, headers: json, content: { mimeType: 'application/json', text: JSON.stringify(body) } },
      // Browsers record timings and a page reference per entry; this stands in for that bulk.
      comment: 'c'.repeat(600),
    };
    await write(`${i ? ',\n' : ''}${JSON.stringify(entry)}`);
  }
  await write('\n]}}\n');
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-large-har-'));
  har = join(dir, 'large.har');
  await writeLargeHar(har, entries);
  smallHar = join(dir, 'small.har');
  await writeLargeHar(smallHar, entries / 10);
}, 120_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('faultline learn on a HAR of 100,000 entries', () => {
  it('learns it in bounded memory: ten times the traffic costs about the same memory', async () => {
    const fileBytes = (await stat(har)).size;
    const small = await runMeasuredCli(['learn', '--har', smallHar, '--out', join(dir, 'small.yaml')], { timeoutMs: 60_000 });
    expect(small.code).toBe(0);
    const result = await runMeasuredCli(['learn', '--har', har, '--out', join(dir, 'openapi.yaml')], { timeoutMs: 180_000 });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/learnt 4 operations from 100000 samples/);
    console.log(`learn: ${entries} entries, ${(fileBytes / 1048576).toFixed(0)} MB, ${(result.wallMs / 1000).toFixed(1)} s, peak RSS growth ${(result.peakRssGrowthBytes / 1048576).toFixed(0)} MB (${entries / 10} entries: ${(small.peakRssGrowthBytes / 1048576).toFixed(0)} MB)`);
    // Reading the file as one string and one object tree would take about three times its size (292 MB of
    // RSS for this file, docs/benchmarks.md); entry by entry, 90 MB more traffic may cost the learnt shapes
    // and the garbage collector's slack (which varies with the machine's load: 40 to 75 MB measured), never
    // as much as the file itself.
    expect(fileBytes).toBeGreaterThan(90 * 1024 * 1024);
    expect(result.peakRssGrowthBytes - small.peakRssGrowthBytes).toBeLessThan(fileBytes);
  }, 200_000);
});

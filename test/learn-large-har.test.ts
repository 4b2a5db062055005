import { spawn } from 'node:child_process';
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

// A heap this small cannot hold the file as one string and one object tree (the control below dies in
// it), so a run that finishes in it read the traffic entry by entry. A heap limit holds on every Node
// version; a comparison of resident memory did not (Node 24's collector lets RSS grow with what is free).
const heapLimit = ['--max-old-space-size=48'];

describe('faultline learn on a HAR of 100,000 entries', () => {
  it('learns it in bounded memory: a 48 MB heap suffices for a file twice that size', async () => {
    const fileBytes = (await stat(har)).size;
    expect(fileBytes).toBeGreaterThan(90 * 1024 * 1024);
    const result = await runMeasuredCli(['learn', '--har', har, '--out', join(dir, 'openapi.yaml')], { timeoutMs: 180_000, nodeOptions: heapLimit });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/learnt 4 operations from 100000 samples/);
    console.log(`learn: ${entries} entries, ${(fileBytes / 1048576).toFixed(0)} MB, ${(result.wallMs / 1000).toFixed(1)} s, peak RSS growth ${(result.peakRssGrowthBytes / 1048576).toFixed(0)} MB, heap limited to 48 MB`);
  }, 200_000);

  it('the control: reading the same file whole does not fit in that heap', async () => {
    const script = `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(har)}, 'utf8'))`;
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [...heapLimit, '-e', script], { stdio: 'ignore' });
      child.on('close', (exit) => resolve(exit));
    });
    expect(code).not.toBe(0);
  }, 120_000);

  it('learns a tenth of it in the same heap', async () => {
    const small = await runMeasuredCli(['learn', '--har', smallHar, '--out', join(dir, 'small.yaml')], { timeoutMs: 60_000, nodeOptions: heapLimit });
    expect(small.code).toBe(0);
    expect(small.stderr).toMatch(/learnt 4 operations from 10000 samples/);
  }, 100_000);
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFaultlineError } from '../core/errors.js';
import { HarScanner } from './har-scanner.js';
import { readHar, type HarItem } from './read-har.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-har-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

function entry(method: string, url: string, status: number, body?: unknown) {
  return {
    startedDateTime: '2024-01-01T00:00:00.000Z',
    time: 1,
    request: { method, url, httpVersion: 'HTTP/1.1', headers: [{ name: 'Accept', value: 'application/json' }], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'application/json; charset=utf-8' }],
      cookies: [],
      content: body === undefined ? { size: 0, mimeType: 'x-unknown' } : { size: 1, mimeType: 'application/json', text: JSON.stringify(body) },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
  };
}

function har(entries: unknown[]): string {
  return JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, pages: [{ id: 'p', title: 'a "quoted" \\ title' }], entries } }, null, 2);
}

async function readAll(file: string): Promise<HarItem[]> {
  const items: HarItem[] = [];
  for await (const item of readHar(file)) items.push(item);
  return items;
}

async function errorOf(text: string): Promise<string> {
  const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.har`);
  await writeFile(file, text);
  try {
    await readAll(file);
  } catch (error) {
    if (isFaultlineError(error)) return error.toLine().replace(file, 'FILE');
    throw error;
  }
  return 'no error';
}

describe('readHar', () => {
  it('reads every entry as a sample, with headers lower-cased and the body decoded', async () => {
    const file = join(dir, 'ok.har');
    await writeFile(file, har([entry('get', 'http://127.0.0.1:3000/orders/7?x=1', 200, { id: 7, note: 'ünïcode "q" \\ \n' }), entry('POST', 'http://127.0.0.1:3000/orders', 201, { id: 8 })]));
    const items = await readAll(file);
    expect(items).toHaveLength(2);
    const first = items[0]!;
    if (!('sample' in first)) throw new Error('expected a sample');
    expect(first.sample.method).toBe('GET');
    expect(first.sample.url.pathname).toBe('/orders/7');
    expect(first.sample.requestHeaders).toEqual([['accept', 'application/json']]);
    expect(first.sample.responseBody?.mediaType).toBe('application/json');
    expect(JSON.parse(first.sample.responseBody!.text)).toEqual({ id: 7, note: 'ünïcode "q" \\ \n' });
  });

  it('gives the same entries whatever the chunk boundaries', () => {
    const text = Buffer.from(har([entry('GET', 'http://h/a', 200, { s: 'x\\"y' }), entry('GET', 'http://h/b', 404, { n: -1.5e3, t: true, z: null })]));
    const wholeScanner = new HarScanner('f', 1e9);
    const whole = wholeScanner.feed(text).map((e) => wholeScanner.parse(e));
    const scanner = new HarScanner('f', 1e9);
    const bytewise = [];
    for (let i = 0; i < text.length; i++) bytewise.push(...scanner.feed(text.subarray(i, i + 1)).map((e) => scanner.parse(e)));
    scanner.end();
    expect(bytewise).toEqual(whole);
    expect(whole).toHaveLength(2);
  });

  it('reads a HAR that starts with a UTF-8 byte order mark', async () => {
    const file = join(dir, 'bom.har');
    await writeFile(file, `\uFEFF${har([entry('GET', 'http://h/a', 200, {})])}`);
    expect(await readAll(file)).toHaveLength(1);
  });

  it('skips entries above the size limit and those the browser never got an answer for', async () => {
    const file = join(dir, 'skips.har');
    await writeFile(file, har([entry('GET', 'http://h/big', 200, { pad: 'x'.repeat(5000) }), entry('GET', 'http://h/blocked', 0), entry('GET', 'http://h/ok', 200, {})]));
    const items: HarItem[] = [];
    for await (const item of readHar(file, { maxEntryBytes: 2000 })) items.push(item);
    expect(items.map((item) => ('skipped' in item ? item.skipped : item.sample.url.pathname))).toEqual(['too-large', 'no-response', '/ok']);
  });
});

describe('readHar on malformed files: one line naming the file and what is wrong', () => {
  it('invalid JSON, with its line', async () => {
    expect(await errorOf('{\n  "log": {\n    "entries": [\n      {"request": }\n')).toBe("FILE:4: expected a value, found '}'");
  });

  it('a file cut short', async () => {
    expect(await errorOf(har([entry('GET', 'http://h/a', 200, {})]).slice(0, 200))).toMatch(/^FILE:\d+: the file ends in the middle of the JSON document/);
  });

  it('an empty file', async () => {
    expect(await errorOf('')).toBe('FILE:1: the file is empty');
  });

  it('JSON that is not a HAR', async () => {
    expect(await errorOf('[1, 2]')).toBe('FILE:1: not a HAR file: expected a JSON object with a log property');
    expect(await errorOf('{"log": {"version": "1.2"}}')).toBe('FILE:1: not a HAR file: there is no log.entries array');
    expect(await errorOf('{"log": {"entries": {}}}')).toBe('FILE:1: log.entries: expected an array');
  });

  it('an entry without what every entry has, by index and field', async () => {
    const bad = entry('GET', 'orders/1', 200);
    expect(await errorOf(har([entry('GET', 'http://h/a', 200), bad]))).toMatch(/^FILE:\d+: log\.entries\[1\]\.request\.url: not an absolute URL: 'orders\/1'$/);
    expect(await errorOf(har([{ request: { method: 'GET', url: 'http://h/' } }]))).toMatch(/log\.entries\[0\]\.response: missing/);
  });

  it('trailing garbage after the document', async () => {
    expect(await errorOf('{"log": {"entries": []}} x')).toBe("FILE:1: unexpected 'x' after the end of the document");
  });

  it('a file that does not exist', async () => {
    try {
      await readAll(join(dir, 'nope.har'));
      expect.unreachable();
    } catch (error) {
      expect(isFaultlineError(error) && error.toLine()).toMatch(/nope\.har: HAR file not found$/);
    }
  });
});

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/hostile-server.js';
import { shellQuote, toCurl, type CurlableRequest } from './to-curl.js';

const run = promisify(execFile);
let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs the curl line through bash against a recording server and returns what the server saw. */
async function replay(request: Omit<CurlableRequest, 'url'>, path = '/echo') {
  server ??= await startTestServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
  const line = toCurl({ ...request, url: `${server.url}${path}` });
  await run('bash', ['-c', line], { timeout: 10_000 });
  expect(server.received).toHaveLength(1);
  return { line, received: server.received[0]! };
}

describe('toCurl', () => {
  it('writes method, quoted URL, headers and body in the documented shape', () => {
    expect(
      toCurl({ method: 'post', url: 'http://127.0.0.1:3000/pets', headers: { 'content-type': 'application/json' }, body: '{"name":"Rex"}' }),
    ).toBe(`curl -sS -X POST 'http://127.0.0.1:3000/pets' -H 'content-type: application/json' --data-binary '{"name":"Rex"}'`);
  });

  it('quotes single quotes the POSIX way', () => {
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
    expect(shellQuote('plain-word')).toBe('plain-word');
  });

  it('adds --globoff for URLs with brackets and uses --head for HEAD', () => {
    expect(toCurl({ method: 'GET', url: 'http://h/a?f[0]=1' })).toBe(`curl -sS -X GET -g 'http://h/a?f[0]=1'`);
    expect(toCurl({ method: 'HEAD', url: 'http://h/' })).toBe(`curl -sS --head 'http://h/'`);
  });

  it('leaves a large binary body out with a comment', () => {
    expect(toCurl({ method: 'PUT', url: 'http://h/', body: new Uint8Array(100_000).fill(0xff) })).toMatch(/--data-binary @body\.bin {2}# binary body \(100000 bytes\) not shown$/);
  });
});

describe('toCurl round-trip through bash and curl', () => {
  it('repeats hostile text in headers and body byte for byte', async () => {
    const body = `{"quote": "it's", "shell": "$HOME \`id\` $(id)", "back": "\\\\", "line": "a\nb", "unicode": "héllo ✓", "pct": "%s %d"}`;
    const headers = {
      'content-type': 'application/json',
      'x-quote': `it's "quoted" $(whoami) \`id\``,
      'x-empty': '',
      authorization: 'Bearer abc.def==',
    };
    const { received } = await replay({ method: 'PATCH', headers, body });
    expect(received.method).toBe('PATCH');
    for (const [name, value] of Object.entries(headers)) expect(received.headers[name]).toBe(value);
    expect(received.body.toString('utf8')).toBe(body);
  });

  it('sends a body starting with @ as text, not as a file name', async () => {
    const { line, received } = await replay({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: '@/etc/hostname' });
    expect(line).toContain('--data-raw');
    expect(received.body.toString()).toBe('@/etc/hostname');
  });

  it('repeats every byte value of a binary body', async () => {
    const body = Uint8Array.from({ length: 256 }, (_, index) => index);
    const { received } = await replay({ method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body });
    expect(received.method).toBe('PUT');
    expect([...received.body]).toEqual([...body]);
  });

  it('does not let curl invent a content type for a body that has none', async () => {
    const { received } = await replay({ method: 'POST', body: 'a=1' });
    expect(received.headers['content-type']).toBeUndefined();
    expect(received.body.toString()).toBe('a=1');
  });

  it('keeps quotes and brackets in the URL intact', async () => {
    const { received } = await replay({ method: 'DELETE' }, `/pets/it's?tags[]=a&q=%27x%27`);
    expect(received.method).toBe('DELETE');
    expect(received.url).toBe(`/pets/it's?tags[]=a&q=%27x%27`);
  });

  it('repeats a HEAD request', async () => {
    const { received } = await replay({ method: 'HEAD', headers: { 'x-probe': '1' } });
    expect(received.method).toBe('HEAD');
    expect(received.headers['x-probe']).toBe('1');
  });
});

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { binPath, errorLines, runCli } from './support/run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-learn-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const token = 'Bearer tok-0123456789-abcdef';

function entry(method: string, path: string, status: number, body: unknown, headers: { name: string; value: string }[] = [], requestBody?: unknown) {
  return {
    request: {
      method,
      url: `http://127.0.0.1:3000${path}`,
      headers,
      ...(requestBody !== undefined ? { postData: { mimeType: 'application/json', text: JSON.stringify(requestBody) } } : {}),
    },
    response: { status, headers: [{ name: 'Content-Type', value: 'application/json' }], content: { mimeType: 'application/json', text: JSON.stringify(body) } },
  };
}

async function writeHar(name: string, entries: unknown[]): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } }));
  return file;
}

describe('faultline learn --har', () => {
  it('writes an OpenAPI 3.1 description that faultline lint accepts, and says what it learnt', async () => {
    const auth = [{ name: 'Authorization', value: token }];
    const a = await writeHar('a.har', [
      entry('GET', '/orders/1', 200, { id: 1, status: 'open' }, auth),
      entry('GET', '/orders/2', 200, { id: 2, status: 'paid' }, auth),
      entry('GET', '/orders/3', 401, { error: 'unauthorized' }),
    ]);
    const b = await writeHar('b.har', [entry('POST', '/orders', 201, { id: 3 }, auth, { items: [{ sku: 'a', qty: 1 }] })]);
    const out = join(dir, 'openapi.yaml');
    const result = await runCli(['learn', '--har', a, '--har', b, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/learnt 2 operations from 4 samples, written to .*openapi\.yaml/);
    expect(result.stderr).toMatch(/security schemes: bearerAuth/);
    const text = await readFile(out, 'utf8');
    expect(text).not.toContain('tok-0123456789');
    const document = parse(text) as { openapi: string; paths: Record<string, Record<string, { 'x-faultline-samples': number }>> };
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/orders/{orderId}']!['get']!['x-faultline-samples']).toBe(3);

    const lint = await runCli(['lint', out, '--format', 'json']);
    expect(lint.code).toBe(0);
    const report = JSON.parse(lint.stdout) as { findings: { severity: string; check: string }[] };
    expect(report.findings.filter((f) => f.severity === 'critical' || f.severity === 'high')).toEqual([]);
  });

  it('turns a malformed HAR into one line naming the file and the problem, exit 2', async () => {
    const bad = join(dir, 'bad.har');
    await writeFile(bad, '{"log": {"entries": [\n  {"request": {"method": "GET", "url": "http://h/"}, "response": {"status": 200}},\n  {"request": oops}\n]}}');
    const result = await runCli(['learn', '--har', bad]);
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([`faultline: ${bad}:3: expected a value, found 'o'`]);
  });

  it('refuses to run without traffic', async () => {
    const result = await runCli(['learn']);
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual(['faultline: --har: no traffic: pass --har file.har (repeatable), or --listen and --upstream to record']);
  });
});

describe('faultline learn --listen --upstream', () => {
  it('records through the proxy until Ctrl-C, then writes what it learnt', async () => {
    const api = createServer((request, response) => {
      const id = Number(request.url?.split('/')[2]);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, name: `item ${id}` }));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const out = join(dir, 'recorded.yaml');
    const child = spawn(process.execPath, [binPath, 'learn', '--listen', '127.0.0.1:0', '--upstream', `http://127.0.0.1:${(api.address() as AddressInfo).port}`, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const proxyUrl = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const match = /recording on (http:\/\/\S+)/.exec(stderr);
          if (match) resolve(match[1]!);
        });
        child.on('close', () => reject(new Error(stderr)));
      });
      for (const id of [11, 12, 13]) await fetch(`${proxyUrl}/items/${id}`).then((r) => r.text());
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) => api.close(resolve));
    }
    expect(stderr).toMatch(/recorded 3 exchanges/);
    expect(stderr).toMatch(/learnt 1 operation from 3 samples/);
    expect(await readFile(out, 'utf8')).toMatch(/\/items\/\{itemId\}:\n {4}get:/);
  });

  it('refuses to listen beyond loopback, in one line', async () => {
    const result = await runCli(['learn', '--listen', '0.0.0.0:8088', '--upstream', 'http://127.0.0.1:3000']);
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^faultline: --listen: the recording proxy listens on loopback only/);
  });
});

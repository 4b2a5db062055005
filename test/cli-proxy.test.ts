import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createProxyControlClient } from '../src/proxy/control-client.js';
import { binPath, repoRoot, runCli } from './support/run-cli.js';

let dir: string;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-proxy-cli-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return (server.address() as AddressInfo).port;
}

async function upstream(): Promise<string> {
  const server = createServer((request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: request.url })));
  return `http://127.0.0.1:${await listen(server)}`;
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface RunningCli {
  readonly child: ChildProcess;
  readonly stderr: () => string;
  readonly proxies: Record<string, string>;
  readonly control?: string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Start `faultline proxy …` and wait until it says it is ready (or exits). */
function startCli(args: readonly string[]): Promise<RunningCli> {
  const child = spawn(process.execPath, [binPath, 'proxy', ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  cleanups.push(() => {
    child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after 20 s: ${stderr}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!stderr.includes('press Ctrl-C to stop')) return;
      clearTimeout(timer);
      const proxies = Object.fromEntries([...stderr.matchAll(/proxy '([^']+)' on (\S+) →/g)].map((m) => [m[1]!, `http://${m[2]}`]));
      const control = /control API on (http:\/\/\S+)/.exec(stderr)?.[1];
      resolve({
        child,
        stderr: () => stderr,
        proxies,
        ...(control ? { control } : {}),
        stop() {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}: ${stderr}`));
    });
  });
}

describe('faultline proxy', () => {
  it('forwards to the upstream, starts with the --fault given, is driven by its control API, and stops cleanly', async () => {
    const target = await upstream();
    const cli = await startCli(['--listen', '127.0.0.1:0', '--upstream', target, '--name', 'inventory', '--control', '127.0.0.1:0', '--fault', 'http_status:status=503,path=/stock/*']);
    const proxyUrl = cli.proxies['inventory']!;
    expect(cli.stderr()).toMatch(/faultline: proxy 'inventory' on 127\.0\.0\.1:\d+ → http:\/\/127\.0\.0\.1:\d+ \(http\), faults: http_status_downstream/);
    expect((await fetch(`${proxyUrl}/stock/1`)).status).toBe(503);
    expect(await (await fetch(`${proxyUrl}/prices/1`)).json()).toEqual({ path: '/prices/1' });

    const control = createProxyControlClient(cli.control!);
    await control.removeFault('inventory', 'http_status_downstream');
    expect((await fetch(`${proxyUrl}/stock/1`)).status).toBe(200);
    await control.addFault('inventory', { type: 'reset_peer' });
    await expect(fetch(`${proxyUrl}/stock/1`)).rejects.toThrow();
    expect(await cli.stop()).toBe(0);
  });

  it('keeps running while the upstream is down: 502 from the proxy, and the control API answers', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const cli = await startCli(['--listen', '127.0.0.1:0', '--upstream', down, '--control', '127.0.0.1:0']);
    expect(cli.stderr()).toContain(`faultline: warning: ${down} cannot be reached now (ECONNREFUSED); 'proxy' answers 502 (HTTP) or closes connections (TCP) until it can`);
    const answer = await fetch(`${cli.proxies['proxy']}/x`);
    expect(answer.status).toBe(502);
    expect(((await answer.json()) as { detail: string }).detail).toMatch(/could not reach/);
    expect(Object.keys(await createProxyControlClient(cli.control!).proxies())).toEqual(['proxy']);
    expect(await cli.stop()).toBe(0);
  });

  it('starts one proxy per dependency of the config', async () => {
    const [first, second] = [await upstream(), await upstream()];
    const config = join(dir, 'deps.yaml');
    await writeFile(config, `dependencies:\n  - { name: inventory, listen: '127.0.0.1:0', upstream: '${first}' }\n  - { name: payments, listen: '127.0.0.1:0', upstream: '${second}' }\n`);
    const cli = await startCli(['--config', config, '--control', '127.0.0.1:0', '--fault', 'latency:latency=1,proxy=payments']);
    expect(Object.keys(cli.proxies)).toEqual(['inventory', 'payments']);
    const listed = await createProxyControlClient(cli.control!).proxies();
    expect(listed['inventory']!.faults).toEqual([]);
    expect(listed['payments']!.faults.map((f) => f.type)).toEqual(['latency']);
    expect((await fetch(`${cli.proxies['payments']}/p`)).status).toBe(200);
    expect(await cli.stop()).toBe(0);
  });

  it('refuses a port in use with one line and exit code 2', async () => {
    const target = await upstream();
    const taken = await listen(createServer(() => {}));
    const result = await runCli(['proxy', '--listen', `127.0.0.1:${taken}`, '--upstream', target, '--no-control']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`faultline: --listen: 127.0.0.1:${taken} is already in use (proxy 'proxy')\n`);
  });

  it('refuses an unknown fault type and a share outside 0..1 in --fault, before listening', async () => {
    const target = await upstream();
    const unknown = await runCli(['proxy', '--listen', '127.0.0.1:0', '--upstream', target, '--no-control', '--fault', 'latncy:latency=5']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("faultline: --fault: type: unknown fault type 'latncy' (did you mean 'latency'?)\n");
    const share = await runCli(['proxy', '--listen', '127.0.0.1:0', '--upstream', target, '--no-control', '--fault', 'timeout:toxicity=1.5']);
    expect(share.code).toBe(2);
    expect(share.stderr).toBe('faultline: --fault: toxicity: must be a share between 0 and 1 (got 1.5)\n');
  });

  it('refuses a non-loopback control address unless --allow-remote-control', async () => {
    const target = await upstream();
    const result = await runCli(['proxy', '--listen', '127.0.0.1:0', '--upstream', target, '--control', '0.0.0.0:0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^faultline: --control: the control API would listen on 0\.0\.0\.0:0, .* pass --allow-remote-control\n$/);
  });
});

describe('faultline audit with dependencies', () => {
  it('puts a proxy at each configured dependency address and reports how the API handles its failure', { timeout: 120_000 }, async () => {
    const inventory = await upstream();
    const proxyPort = await freePort();
    // The API under audit calls its dependency at the address the config gives the proxy, with no timeout.
    const api = createServer(async (request, response) => {
      if (request.url !== '/stock') return response.writeHead(404).end();
      try {
        const answer = await fetch(`http://127.0.0.1:${proxyPort}/level`);
        if (!answer.ok) throw new Error(String(answer.status));
        response.writeHead(200, { 'content-type': 'application/json' }).end(await answer.text());
      } catch {
        response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"inventory failed"}');
      }
    });
    const apiPort = await listen(api);
    await writeFile(
      join(dir, 'openapi.yaml'),
      `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /stock:\n    get:\n      summary: Stock\n      responses:\n        '200': { description: ok }\n        '500': { description: error }\n`,
    );
    const config = join(dir, 'faultline.yaml');
    await writeFile(
      config,
      `spec: ./openapi.yaml\ntarget: http://127.0.0.1:${apiPort}\nbudget: { requests: 200, time: 60s, timeout: 1500ms }\ndependencies:\n  - { name: inventory, listen: '127.0.0.1:${proxyPort}', upstream: '${inventory}' }\n`,
    );
    const result = await runCli(['audit', '--config', config, '--only', 'dependency-failures', '--format', 'json', '--fail-on', 'none'], { timeoutMs: 100_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`faultline: dependency through proxy 'inventory' on 127.0.0.1:${proxyPort} → ${inventory} (http)`);
    const report = JSON.parse(result.stdout) as { findings: { check: string; operation: string }[] };
    // With a 1.5 s deadline, the 2 s slow dependency is missed as well.
    expect(report.findings.map((f) => `${f.check} ${f.operation}`).sort()).toEqual(['dependency.error-propagation GET /stock', 'dependency.hang GET /stock', 'dependency.slow GET /stock']);
  });
});

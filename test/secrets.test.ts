import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSpecPath, startDemoApi, type DemoApi } from '../demo/shop.js';
import { demoCredentials } from '../demo/tokens.js';
import type { Report } from '../src/core/finding.js';
import { envVarFor } from '../src/core/redact.js';
import { startServe } from '../src/cli/commands/serve.js';
import { openStore } from '../src/store/open-store.js';
import { runCli, type CliResult } from './support/run-cli.js';

let demo: DemoApi;
let dir: string;
let env: Record<string, string>;
let secrets: string[];

async function auditInto(out: string, extra: string[] = []): Promise<CliResult> {
  return runCli(['audit', '--config', join(dir, 'faultline.yaml'), '--out', out, '--format', 'terminal', '--fail-on', 'none', '--budget-requests', '700', ...extra], { env, timeoutMs: 240_000 });
}

async function leaks(out: string, result: CliResult): Promise<string[]> {
  const texts = [result.stdout, result.stderr];
  for (const name of await readdir(out)) texts.push(await readFile(join(out, name), 'utf8'));
  const all = texts.join('\n');
  return secrets.flatMap((secret) => [secret, Buffer.from(secret).toString('base64')]).filter((needle) => all.includes(needle));
}

beforeAll(async () => {
  demo = await startDemoApi({});
  dir = await mkdtemp(join(tmpdir(), 'faultline-secrets-'));
  const roles = await demoCredentials();
  env = {};
  const lines = [`spec: ${demoSpecPath()}`, 'target: ${DEMO_TARGET}', 'credentials:'];
  for (const role of roles) {
    const variable = `${role.name.toUpperCase()}_TOKEN`;
    env[variable] = role.headers['Authorization']!.replace(/^Bearer /, '');
    lines.push(`  - name: ${role.name}`, `    headers: { Authorization: "Bearer \${${variable}}" }`, `    scopes: [${role.scopes.join(', ')}]`);
  }
  env['DEMO_TARGET'] = demo.url;
  await writeFile(join(dir, 'faultline.yaml'), lines.join('\n') + '\n');
  // The whole token, and its signature alone: neither may appear anywhere.
  secrets = Object.entries(env).filter(([k]) => k.endsWith('_TOKEN')).flatMap(([, token]) => [token, token.split('.')[2]!]);
}, 60_000);

afterAll(async () => {
  await demo.close();
  await rm(dir, { recursive: true, force: true });
});

describe('secrets in output', () => {
  it('appear in no report file and no terminal output of a redacted audit', async () => {
    const out = join(dir, 'redacted');
    const result = await auditInto(out);
    expect(result.code).toBe(0);
    expect(await leaks(out, result)).toEqual([]);
    expect(await readFile(join(out, 'report.json'), 'utf8')).toContain('«redacted:');
  }, 300_000);

  it('appear with --show-secrets, so the search above can fail', async () => {
    const out = join(dir, 'shown');
    const result = await auditInto(out, ['--show-secrets']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: --show-secrets/);
    expect((await leaks(out, result)).length).toBeGreaterThan(0);
  }, 300_000);

  it('leave curl lines that reproduce the finding when the named variables are set', async () => {
    const report = JSON.parse(await readFile(join(dir, 'redacted', 'report.json'), 'utf8')) as Report;
    const withVariable = report.findings.flatMap((f) => f.evidence.map((e) => ({ f, e }))).find(({ f, e }) => e.curl.includes('$FAULTLINE_') && e.request.method === 'GET' && f.status !== null && e.response?.status === f.status);
    expect(withVariable, 'a finding whose curl line reads a credential from the environment').toBeDefined();
    const curlEnv: Record<string, string> = { ...process.env } as Record<string, string>;
    for (const [variable, token] of Object.entries(env)) {
      if (variable.endsWith('_TOKEN')) curlEnv[envVarFor(variable.replace(/_TOKEN$/, '').toLowerCase(), 'Authorization')] = `Bearer ${token}`;
    }
    // Asynchronously: the demo API answers from this very process.
    const { stdout: status } = await promisify(execFile)('bash', ['-c', `${withVariable!.e.curl} -o /dev/null -w '%{http_code}'`], { env: curlEnv, timeout: 20_000 });
    expect(Number(status)).toBe(withVariable!.e.response!.status);
  });

  it('appear nowhere in the serve database after a scheduled audit is stored', async () => {
    const serveDir = join(dir, 'serve');
    await mkdir(serveDir, { recursive: true });
    const config = (await readFile(join(dir, 'faultline.yaml'), 'utf8')) + 'budget: { requests: 300 }\nmonitors:\n  - { name: nightly-audit, kind: audit, interval: 1h }\n';
    await writeFile(join(serveDir, 'faultline.yaml'), config);
    const dbFile = join(serveDir, 'serve.db');
    let storedRows = '';
    const saved = { ...process.env };
    Object.assign(process.env, env, { FAULTLINE_ADMIN_PASSWORD: 'secrets test admin password' });
    try {
      const serve = await startServe({ config: join(serveDir, 'faultline.yaml'), db: `sqlite:${dbFile}`, listen: '127.0.0.1:0', trustProxy: false });
      try {
        const store = await openStore(`sqlite:${dbFile}`);
        try {
          const deadline = Date.now() + 240_000;
          while ((await store.listReports()).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
          const reports = await store.listReports();
          expect(reports).toHaveLength(1);
          // Row by row too: a long report spills over pages, and a secret could straddle a page boundary in the file.
          storedRows = JSON.stringify(await Promise.all(reports.map((r) => store.getReport(r.id))));
        } finally {
          await store.close();
        }
      } finally {
        await serve.close();
      }
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
    const bytes = (await readdir(serveDir)).filter((name) => name.startsWith('serve.db'));
    const all = [storedRows, ...(await Promise.all(bytes.map((name) => readFile(join(serveDir, name))))).map((b) => b.toString('latin1'))].join('\n');
    expect(all).toContain('redacted:');
    const found = secrets.flatMap((secret) => [secret, Buffer.from(secret).toString('base64')]).filter((needle) => all.includes(needle));
    expect(found).toEqual([]);
  }, 300_000);
});

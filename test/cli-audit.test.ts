import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, json } from '../src/engine/audit/audit-harness.test-helper.js';
import { errorLines, runCli } from './support/run-cli.js';

let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;
const seen: string[] = [];

const spec = `openapi: 3.0.3
info: { title: tiny, version: '1' }
paths:
  /items:
    get:
      summary: List items
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: array, items: { type: object, properties: { id: { type: integer } } } }
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-audit-cli-'));
  await writeFile(join(dir, 'openapi.yaml'), spec);
  server = await startServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    if (request.url === '/items') return json(response, 200, [{ id: 1 }]);
    return json(response, 404, { title: 'not found' });
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('faultline audit', () => {
  it('audits with --spec and --target and stops at the request budget', async () => {
    const result = await runCli(['audit', '--spec', join(dir, 'openapi.yaml'), '--target', server.url, '--format', 'json', '--budget-requests', '30', '--fail-on', 'none']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { kind: string; stats: Record<string, number>; notes: string[] };
    expect(report.kind).toBe('audit');
    expect(report.stats['requests']).toBeLessThanOrEqual(30);
    expect(report.stats['operationsReached']).toBe(1);
    expect(result.stderr).toMatch(/phase examples done/);
  });

  it('reads the config file, resolving the spec beside it', async () => {
    const config = join(dir, 'faultline.yaml');
    await writeFile(config, `spec: ./openapi.yaml\ntarget: ${server.url}\nbudget: { requests: 20, time: 30s, timeout: 2s }\n`);
    const result = await runCli(['audit', '--config', config, '--format', 'json', '--fail-on', 'none']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { stats: Record<string, number> }).stats['requests']).toBeLessThanOrEqual(20);
  });

  it('reports a config error as one line with the field path and line', async () => {
    const config = join(dir, 'bad.yaml');
    await writeFile(config, `spec: ./openapi.yaml\ntarget: ${server.url}\ncredentials:\n  - name: admin\n    scopes: admin\n`);
    const result = await runCli(['audit', '--config', config]);
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([expect.stringMatching(/bad\.yaml:5: credentials\[0\]\.scopes: /)]);
  });

  it('needs a target', async () => {
    const result = await runCli(['audit', '--spec', join(dir, 'openapi.yaml')]);
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual(['faultline: --target: no target: pass --target or set target in the config']);
  });
});

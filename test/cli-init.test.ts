import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load-config.js';
import { errorLines, repoRoot, runCli } from './support/run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-init-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('faultline init', () => {
  it('writes a config with one credential per scheme and scope set, valid once its variables are set', async () => {
    const result = await runCli(['init', '--spec', join(repoRoot, 'demo', 'openapi.yaml'), '--target', 'http://127.0.0.1:3999'], { cwd: dir });
    expect(result.code).toBe(0);
    const text = await readFile(join(dir, 'faultline.yaml'), 'utf8');
    const variables = [...text.matchAll(/\$\{(FAULTLINE_[A-Z_]+_TOKEN)\}/g)].map((m) => m[1]!);
    expect(variables).toContain('FAULTLINE_OAUTH_ADMIN_TOKEN');
    const env = Object.fromEntries(variables.map((v) => [v, 'x']));
    const { config, specSource } = parseConfig(text, join(dir, 'faultline.yaml'), env);
    expect(config.target).toBe('http://127.0.0.1:3999');
    expect(config.credentials.find((c) => c.name === 'oauth-admin')?.scopes).toEqual(['admin']);
    expect(specSource).toBe(join(repoRoot, 'demo', 'openapi.yaml'));
    expect(() => parseConfig(text, join(dir, 'faultline.yaml'), {})).toThrow(/environment variable FAULTLINE_\w+ is not set/);
  });

  it('never overwrites an existing file', async () => {
    await writeFile(join(dir, 'mine.yaml'), 'spec: keep-me\n');
    const result = await runCli(['init', '--output', 'mine.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual(['faultline: mine.yaml: already exists; faultline init never overwrites (remove it or pass --output)']);
    expect(await readFile(join(dir, 'mine.yaml'), 'utf8')).toBe('spec: keep-me\n');
  });

  it('is picked up by faultline audit from the working directory', async () => {
    const result = await runCli(['audit', '--budget-requests', '1'], { cwd: dir, env: { FAULTLINE_OAUTH_READ_TOKEN: '' } });
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)[0]).toMatch(/faultline\.yaml:\d+: credentials\[\d\]\.headers\.Authorization: environment variable FAULTLINE_OAUTH_READ_TOKEN is not set/);
  });
});

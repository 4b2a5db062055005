import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorLines, runCli } from './support/run-cli.js';

let dir: string;
let repo: string;

const ok = { '200': { description: 'ok' } };
function spec(paths: Record<string, unknown>): string {
  return JSON.stringify({ openapi: '3.0.3', info: { title: 'Shop', version: '1.0.0' }, paths }, null, 2);
}
const v1 = spec({ '/items': { get: { operationId: 'listItems', responses: ok } }, '/orders': { get: { operationId: 'listOrders', responses: ok } } });
const v2 = spec({ '/items': { get: { operationId: 'listItems', responses: ok } } });
const renamed = spec({ '/items': { get: { operationId: 'getItems', responses: ok } }, '/orders': { get: { operationId: 'listOrders', responses: ok } } });

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=faultline', '-c', 'user.email=faultline@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'ignore' });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-diff-'));
  await writeFile(join(dir, 'v1.json'), v1);
  await writeFile(join(dir, 'v2.json'), v2);
  await writeFile(join(dir, 'renamed.json'), renamed);
  await writeFile(join(dir, 'not-a-spec.yaml'), 'name: my-service\nreplicas: 3\n');
  repo = await mkdtemp(join(tmpdir(), 'faultline-diff-git-'));
  git('init', '-q');
  await writeFile(join(repo, 'openapi.json'), v1);
  git('add', 'openapi.json');
  git('commit', '-q', '-m', 'v1');
  await writeFile(join(repo, 'openapi.json'), v2);
  git('commit', '-q', '-am', 'v2');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(repo, { recursive: true, force: true });
});

function expectOneClearLine(result: { code: number | null; stderr: string }, pattern: RegExp): void {
  expect(result.code).toBe(2);
  const lines = errorLines(result.stderr);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^faultline: /);
  expect(lines[0]).toMatch(pattern);
}

describe('faultline diff', () => {
  it('finds nothing and exits 0 when the same file is compared with itself', async () => {
    const result = await runCli(['diff', join(dir, 'v1.json'), join(dir, 'v1.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('faultline diff report');
    expect(result.stdout).toContain('0 findings');
    expect(result.stdout).toContain('suggested version bump: patch');
  });

  it('exits 1 on a breaking change and prints the report shape with --format json', async () => {
    const result = await runCli(['diff', join(dir, 'v1.json'), join(dir, 'v2.json'), '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { kind: string; findings: { check: string; cause: string; severity: string; detail: string }[]; stats: Record<string, number> };
    expect(report.kind).toBe('diff');
    expect(report.findings).toEqual([expect.objectContaining({ check: 'diff.operation-removed', cause: 'bad-urls', severity: 'high' })]);
    expect(report.findings[0]!.detail).toContain('old: /paths/~1orders/get  new: —');
    expect(report.stats).toMatchObject({ breaking: 1, bump: 2 });
  });

  it('follows --fail-on: a warning passes by default and fails with --fail-on warning', async () => {
    const lenient = await runCli(['diff', join(dir, 'v1.json'), join(dir, 'renamed.json')]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('diff.operation-id-changed');
    const strict = await runCli(['diff', join(dir, 'v1.json'), join(dir, 'renamed.json'), '--fail-on', 'warning']);
    expect(strict.code).toBe(1);
  });

  it('writes a pull-request comment with --format markdown and every file with --out', async () => {
    const out = join(dir, 'out');
    const result = await runCli(['diff', join(dir, 'v1.json'), join(dir, 'v2.json'), '--format', 'markdown', '--out', out]);
    expect(result.stdout).toMatch(/^### faultline diff: 1 breaking change, 0 warnings, 0 info/);
    expect(result.stdout).toContain('**Suggested version bump: major**');
    for (const file of ['report.json', 'report.sarif', 'junit.xml', 'report.html', 'diff.md']) expect(existsSync(join(out, file)), file).toBe(true);
    expect(await readFile(join(out, 'diff.md'), 'utf8')).toBe(result.stdout);
    const sarif = JSON.parse(await readFile(join(out, 'report.sarif'), 'utf8')) as { runs: { results: { ruleId: string; level: string }[] }[] };
    expect(sarif.runs[0]!.results).toEqual([expect.objectContaining({ ruleId: 'diff.operation-removed', level: 'error' })]);
  });

  it('reads both versions from git with git:REF:path', async () => {
    const result = await runCli(['diff', 'git:HEAD~1:openapi.json', 'git:HEAD:openapi.json', '--format', 'json'], { cwd: repo });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { check: string; location?: { file: string } }[] };
    expect(report.findings.map((f) => f.check)).toEqual(['diff.operation-removed']);
    expect(report.findings[0]!.location?.file).toBe('git:HEAD:openapi.json');
  });

  it('says in one line that a git revision is unknown', async () => {
    expectOneClearLine(await runCli(['diff', 'git:no-such-branch:openapi.json', 'git:HEAD:openapi.json'], { cwd: repo }), /git:no-such-branch:openapi\.json: unknown git revision 'no-such-branch'/);
  });

  it('says in one line that a file is missing at a revision', async () => {
    expectOneClearLine(await runCli(['diff', 'git:HEAD:missing.yaml', 'git:HEAD:openapi.json'], { cwd: repo }), /no file 'missing\.yaml' at HEAD/);
  });

  it('says in one line that a git source needs a path', async () => {
    expectOneClearLine(await runCli(['diff', 'git:HEAD', join(dir, 'v1.json')]), /expected git:REF:path/);
  });

  it('says in one line that NEW is not an OpenAPI description', async () => {
    expectOneClearLine(await runCli(['diff', join(dir, 'v1.json'), join(dir, 'not-a-spec.yaml')]), /not-a-spec\.yaml:1: not an OpenAPI description/);
  });

  it('refuses unknown --fail-on, --format and --sunset-days values in one line', async () => {
    expectOneClearLine(await runCli(['diff', join(dir, 'v1.json'), join(dir, 'v1.json'), '--fail-on', 'high']), /--fail-on must be breaking or warning/);
    expectOneClearLine(await runCli(['diff', join(dir, 'v1.json'), join(dir, 'v1.json'), '--format', 'pdf']), /--format must be one of text, json, markdown, sarif/);
    expectOneClearLine(await runCli(['diff', join(dir, 'v1.json'), join(dir, 'v1.json'), '--sunset-days', 'soon']), /--sunset-days must be a whole number/);
  });
});

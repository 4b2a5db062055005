import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { binPath, repoRoot } from './support/run-cli.js';

const run = promisify(execFile);

interface ActionStep { readonly run: string; readonly env: Record<string, string>; readonly shell: string }
interface Action { readonly inputs: Record<string, { default?: string }>; readonly runs: { using: string; steps: ActionStep[] } }

const action = parse(await readFile(join(repoRoot, 'action.yml'), 'utf8')) as Action;
const gitlabTemplate = await readFile(join(repoRoot, 'ci', 'gitlab', 'faultline.gitlab-ci.yml'), 'utf8');

let repo: string;
const spec = (withDelete: boolean) => [
  'openapi: 3.0.3',
  'info: { title: shop, version: "1" }',
  'paths:',
  '  /orders/{id}:',
  '    parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]',
  "    get: { operationId: getOrder, summary: Read, responses: { '200': { description: ok } } }",
  ...(withDelete ? ["    delete: { operationId: deleteOrder, summary: Delete, responses: { '204': { description: gone } } }"] : []),
].join('\n');

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'faultline-action-'));
  const git = (...args: string[]) => run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo });
  await git('init', '-q', '-b', 'main');
  await writeFile(join(repo, 'openapi.yaml'), spec(true));
  await git('add', '.');
  await git('commit', '-qm', 'v1');
  await git('checkout', '-qb', 'feature');
  await writeFile(join(repo, 'openapi.yaml'), spec(false));
  await git('commit', '-qam', 'v2 drops DELETE');
});
afterAll(async () => rm(repo, { recursive: true, force: true }));

/** Run the action's steps as the runner does: inputs into ${{ inputs.x }} in env, `bash --noprofile --norc -eo pipefail`. */
async function runAction(inputs: Record<string, string>, name: string) {
  const summary = join(repo, `${name}.summary.md`);
  const output = join(repo, `${name}.output`);
  await writeFile(summary, '');
  await writeFile(output, '');
  let code = 0;
  for (const step of action.runs.steps) {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(step.env)) {
      env[key] = value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, input: string) => inputs[input] ?? action.inputs[input]?.default ?? '').replace(/\$\{\{\s*github\.base_ref\s*\}\}/g, '');
    }
    const script = join(repo, `${name}.sh`);
    await writeFile(script, step.run);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: repo,
      env: { PATH: process.env['PATH']!, HOME: process.env['HOME']!, NO_COLOR: '1', ...env, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, FAULTLINE: `${process.execPath} ${binPath}` },
      encoding: 'utf8',
      timeout: 60_000,
    });
    code = result.status ?? -1;
    if (code !== 0) break;
  }
  return { code, summary: await readFile(summary, 'utf8'), output: await readFile(output, 'utf8') };
}

describe('action.yml', () => {
  it('is a composite action with the promised inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['command', 'config', 'spec', 'target', 'fail-on']));
  });

  it('lints: writes SARIF for code scanning, names it as an output and passes the exit code on', async () => {
    const result = await runAction({ command: 'lint', spec: 'openapi.yaml', 'fail-on': 'none', out: 'lint-report' }, 'lint');
    expect(result.code).toBe(0);
    expect(result.output).toContain('sarif=lint-report/report.sarif');
    expect(result.output).toContain('exit-code=0');
    const sarif = JSON.parse(await readFile(join(repo, 'lint-report', 'report.sarif'), 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
    expect(result.summary).toContain('faultline lint exited 0');

    const failing = await runAction({ command: 'lint', spec: 'openapi.yaml', 'fail-on': 'info', out: 'lint-report' }, 'lint-fail');
    expect(failing.code).toBe(1);
    expect(failing.output).toContain('exit-code=1');
  });

  it('diffs against the base branch and posts the Markdown as the job summary', async () => {
    const result = await runAction({ command: 'diff', spec: 'openapi.yaml', base: 'git:main:openapi.yaml', out: 'diff-report' }, 'diff');
    expect(result.code).toBe(1);
    expect(result.summary).toContain('DELETE /orders/{id}');
    expect(result.summary).toMatch(/breaking/i);
  });

  it('refuses an unknown command with exit 2', async () => {
    expect((await runAction({ command: 'deploy' }, 'bad')).code).toBe(2);
  });
});

describe('ci/gitlab/faultline.gitlab-ci.yml', () => {
  const template = parse(gitlabTemplate) as Record<string, {
    extends?: string; script?: string[]; after_script?: string[]; rules?: unknown[];
    artifacts?: { when: string; reports: { junit: string; codequality: string } };
  }>;

  it('defines the lint, diff and audit jobs with JUnit and code quality reports', () => {
    expect(Object.keys(template)).toEqual(expect.arrayContaining(['faultline-lint', 'faultline-diff', '.faultline-audit']));
    for (const job of ['faultline-lint', 'faultline-diff', '.faultline-audit']) expect(template[job]!.extends).toBe('.faultline');
    expect(template['.faultline']!.artifacts).toMatchObject({ when: 'always', reports: { junit: '$FAULTLINE_OUT/junit.xml', codequality: '$FAULTLINE_OUT/gl-code-quality.json' } });
    expect(template['faultline-lint']!.script!.join('\n')).toContain('lint "$FAULTLINE_SPEC"');
    expect(template['faultline-diff']!.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
  });

  it('turns report.json into a GitLab code quality report', async () => {
    await runAction({ command: 'lint', spec: 'openapi.yaml', 'fail-on': 'none', out: 'gl-report' }, 'gl');
    const script = template['.faultline']!.after_script!.join('\n');
    const result = spawnSync('sh', ['-c', script], { cwd: repo, env: { PATH: process.env['PATH']!, FAULTLINE_OUT: 'gl-report', FAULTLINE_SPEC: 'openapi.yaml' }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const issues = JSON.parse(await readFile(join(repo, 'gl-report', 'gl-code-quality.json'), 'utf8')) as { check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
    const report = JSON.parse(await readFile(join(repo, 'gl-report', 'report.json'), 'utf8')) as { findings: unknown[] };
    expect(issues).toHaveLength(report.findings.length);
    expect(issues[0]).toMatchObject({ location: { path: expect.stringContaining('openapi.yaml'), lines: { begin: expect.any(Number) } } });
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-baseline-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const spec = (extra: string[] = []) => [
  'openapi: 3.0.3',
  'info: { title: t, version: "1" }',
  'paths:',
  '  /orders:',
  '    get:',
  "      responses: { '200': { description: ok } }",
  ...extra,
].join('\n');

interface JsonReport {
  findings: { check: string; operation: string | null }[];
  suppressed?: { check: string; suppression: { reason: string } }[];
  notes: string[];
}

async function lint(specText: string, args: string[] = []): Promise<{ code: number | null; report: JsonReport; stderr: string }> {
  const file = join(dir, 'openapi.yaml');
  await writeFile(file, specText);
  const result = await runCli(['lint', file, '--format', 'json', '--fail-on', 'low', ...args]);
  return { code: result.code, report: (result.stdout ? JSON.parse(result.stdout) : { findings: [], notes: [] }) as JsonReport, stderr: result.stderr };
}

describe('faultline lint --baseline', () => {
  it('reports nothing new for an identical second run, and exactly the new fault after one is added', async () => {
    const first = await lint(spec());
    expect(first.report.findings.length).toBeGreaterThan(0);
    const baseline = join(dir, 'baseline.json');
    await writeFile(baseline, JSON.stringify(first.report));

    const again = await lint(spec(), ['--baseline', baseline]);
    expect(again.report.findings).toEqual([]);
    expect(again.code).toBe(0);
    expect(again.report.notes).toContain(`${first.report.findings.length} findings already in the baseline ${baseline} are not shown; 0 new.`);

    // One new fault, written above the operation's other lines so every line below it moves.
    const faulty = spec().replace('    get:', "    get:\n      requestBody:\n        content: { application/json: { schema: { type: object } } }");
    const moved = await lint(faulty, ['--baseline', baseline]);
    expect(moved.report.findings.map((f) => [f.check, f.operation])).toEqual([['lint.request-body-on-get', 'GET /orders']]);
  });

  it('refuses a baseline that is not a faultline report with one line and exit 2', async () => {
    const bogus = join(dir, 'bogus.json');
    await writeFile(bogus, '{"hello": 1}');
    const result = await lint(spec(), ['--baseline', bogus]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the baseline is not a faultline report');
  });
});

describe('faultline lint with ignores', () => {
  it('reports an ignored finding as suppressed with its reason until the ignore expires', async () => {
    const config = join(dir, 'faultline.yaml');
    const ignore = (until: string) => ['ignore:', '  - check: lint.operation-id-missing', '    operation: GET /orders', '    reason: generated client names it', `    until: '${until}'`].join('\n');
    await writeFile(config, ignore('2999-12-31'));
    const silenced = await lint(spec(), ['--config', config]);
    expect(silenced.report.findings.map((f) => f.check)).not.toContain('lint.operation-id-missing');
    expect(silenced.report.suppressed).toEqual([expect.objectContaining({ check: 'lint.operation-id-missing', suppression: expect.objectContaining({ reason: 'generated client names it' }) })]);

    await writeFile(config, ignore('2020-01-01'));
    const expired = await lint(spec(), ['--config', config]);
    expect(expired.report.findings.map((f) => f.check)).toContain('lint.operation-id-missing');
    expect(expired.report.notes.join('\n')).toContain('expired on 2020-01-01');
  });

  it('refuses an ignore without a reason, naming the line', async () => {
    const config = join(dir, 'faultline.yaml');
    await writeFile(config, ['ignore:', '  - check: lint.operation-id-missing'].join('\n'));
    const result = await lint(spec(), ['--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/faultline\.yaml:2.*reason/);
  });

  it('honours x-faultline-ignore in the description', async () => {
    const silenced = await lint(spec().replace('    get:', '    get:\n      x-faultline-ignore: [lint.operation-id-missing]'));
    expect(silenced.report.suppressed?.map((f) => f.check)).toEqual(['lint.operation-id-missing']);
  });
});

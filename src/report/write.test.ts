import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleReport } from './sample-report.test-helper.js';
import { renderReport, writeReports } from './write.js';

describe('writeReports', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'faultline-report-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the directory and writes every file format, returning the paths', async () => {
    const out = path.join(dir, 'nested', 'out');
    const paths = await writeReports(sampleReport(), out);
    expect(paths.map((p) => path.basename(p))).toEqual(['report.json', 'report.html', 'junit.xml', 'report.sarif']);
    expect((await readdir(out)).sort()).toEqual(['junit.xml', 'report.html', 'report.json', 'report.sarif']);
    const json = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as { schema: string; findings: unknown[] };
    expect(json.schema).toBe('faultline/report@1');
    expect(json.findings).toHaveLength(8);
    expect(await readFile(path.join(out, 'junit.xml'), 'utf8')).toMatch(/^<\?xml/);
  });

  it('overwrites the files of an earlier run', async () => {
    await writeReports(sampleReport(), dir);
    await writeReports(sampleReport([]), dir);
    const json = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as { findings: unknown[] };
    expect(json.findings).toEqual([]);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('renderReport', () => {
  it('renders the named format and passes options through', () => {
    expect(renderReport(sampleReport(), 'terminal', { color: false })).toContain('8 findings:');
    expect(renderReport(sampleReport(), 'terminal', { color: true })).toContain('\u001b[');
    expect(JSON.parse(renderReport(sampleReport(), 'sarif')).version).toBe('2.1.0');
  });
});

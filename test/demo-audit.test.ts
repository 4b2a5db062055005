import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CauseId } from '../src/core/causes.js';
import type { Report } from '../src/core/finding.js';
import { cleanOperations, plantedFaults } from '../demo/faults.js';
import { runCli } from './support/run-cli.js';

// Every cause has live checks; dependency-failures through the proxy the demo puts before the inventory.
const auditedCauses: readonly CauseId[] = [
  'insufficient-testing', 'poor-design-docs', 'unsecured-endpoints', 'permissions', 'session-management',
  'expiring-apis', 'bad-urls', 'complex-endpoints', 'public-exposure', 'monitoring-logging', 'dependency-failures',
];

let report: Report;
let out: string;
let exitCode: number | null;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'faultline-demo-'));
  const result = await runCli(['demo', '--format', 'json', '--out', out], { timeoutMs: 240_000 });
  exitCode = result.code;
  if (result.code !== 0) throw new Error(`faultline demo exited ${result.code}: ${result.stderr}`);
  report = JSON.parse(result.stdout) as Report;
}, 300_000);
afterAll(async () => rm(out, { recursive: true, force: true }));

describe('faultline demo', () => {
  it('audits the bundled API and writes every report', async () => {
    expect(exitCode).toBe(0);
    expect(report.kind).toBe('audit');
    expect(report.stats['operationsRequested']).toBe(report.stats['operations']);
    expect((await readdir(out)).sort()).toEqual(['junit.xml', 'permissions.csv', 'report.html', 'report.json', 'report.sarif']);
  });

  it('reaches every operation with a 2xx except the two planted dead routes, and says why those were not', () => {
    const unreached = (report.coverage ?? []).filter((entry) => !entry.reached);
    expect(report.coverage).toHaveLength(report.stats['operations']!);
    expect(unreached.map((entry) => [entry.operation, entry.reason])).toEqual([
      ['GET /categories', 'not-found'],
      ['GET /coupons', 'gone'],
    ]);
    expect(report.stats['operationsReached']).toBe(report.stats['operations']! - 2);
    expect(report.notes.some((note) => note.startsWith('Low coverage'))).toBe(false);
  });

  for (const fault of plantedFaults.filter((f) => auditedCauses.includes(f.cause))) {
    it(`finds the planted ${fault.cause} fault on ${fault.operation ?? 'the whole API'}: ${fault.description}`, () => {
      const matching = report.findings.filter(
        (f) => f.cause === fault.cause && (fault.operation === null || f.operation === fault.operation) && (fault.check === undefined || f.check === fault.check),
      );
      expect(matching.map((f) => f.check), `findings of ${fault.cause}: ${JSON.stringify(report.findings.filter((f) => f.cause === fault.cause).map((f) => [f.check, f.operation]))}`).not.toEqual([]);
      // A finding that saw a status shows the exchange; offline token findings (lifetime, weak secret) have none.
      for (const finding of matching.filter((f) => f.status !== null)) {
        expect(finding.evidence.length, `${finding.check} has evidence`).toBeGreaterThan(0);
      }
    });
  }

  it('flags no clean operation with a live finding', () => {
    const flagged = report.findings.filter((f) => !f.check.startsWith('lint.') && f.operation !== null && cleanOperations.includes(f.operation));
    expect(flagged.map((f) => `${f.check} ${f.operation}: ${f.detail}`)).toEqual([]);
  });
});

import { Command } from 'commander';
import pc from 'picocolors';
import { causes, type CauseId } from '../../core/causes.js';
import { FaultlineError } from '../../core/errors.js';
import type { Severity } from '../../core/severity.js';
import { allChecks } from '../../checks/registry.js';
import { allDiffChecks } from '../../diff/registry.js';
import { severityOfLevel } from '../../diff/run-diff.js';
import { selectChecks } from '../../engine/select.js';
import { collect } from '../options.js';

const kinds = ['lint', 'audit', 'load', 'diff'] as const;
type CatalogueKind = (typeof kinds)[number];

/** One row of the catalogue: every check faultline runs, whichever command runs it. */
export interface CatalogueEntry {
  readonly id: string;
  readonly cause: CauseId;
  /** 'lint' (faultline lint), 'audit' (live), 'load' (the audit's load phase), 'diff' (faultline diff). */
  readonly kind: CatalogueKind;
  readonly severity: Severity;
  readonly summary: string;
  readonly explanation?: string;
  readonly remedy: string;
}

/** The whole catalogue, in registry order: lint, audit and load checks, then diff checks. */
export function catalogue(): CatalogueEntry[] {
  const checks = allChecks.map(({ id, cause, kind, severity, summary, explanation, remedy }): CatalogueEntry => ({
    id, cause, kind: kind === 'audit' && id.startsWith('load.') ? 'load' : kind, severity, summary, explanation, remedy,
  }));
  const diffs = allDiffChecks.map(({ id, cause, level, summary, remedy }): CatalogueEntry => ({ id, cause, kind: 'diff', severity: severityOfLevel[level], summary, remedy }));
  return [...checks, ...diffs];
}

export function checksCommand(): Command {
  return new Command('checks')
    .description('print the catalogue of checks (lint, audit, load and diff): id, kind, cause, severity, summary')
    .option('--only <ids>', 'list only these checks or causes', collect, [])
    .option('--skip <ids>', 'leave out these checks or causes', collect, [])
    .option('--kind <kinds>', 'list only these kinds: lint, audit, load, diff (comma-separated, repeatable)', collect, [])
    .option('-f, --format <format>', 'text or json', 'text')
    .option('--no-color', 'no ANSI colours')
    .action((options: { only: string[]; skip: string[]; kind: string[]; format: string; color: boolean }) => {
      const wanted = options.kind.flatMap((k) => k.split(',')).map((k) => k.trim()).filter(Boolean);
      for (const kind of wanted) {
        if (!(kinds as readonly string[]).includes(kind)) throw new FaultlineError('E_USAGE', `unknown kind '${kind}' (known: ${kinds.join(', ')})`, { location: { field: '--kind' } });
      }
      const checks = selectChecks(catalogue(), { only: options.only, skip: options.skip }).filter((c) => wanted.length === 0 || wanted.includes(c.kind));
      if (options.format === 'json') {
        process.stdout.write(JSON.stringify(checks, null, 2) + '\n');
        return;
      }
      const color = options.color && Boolean(process.stdout.isTTY);
      const paint = (s: string) => (color ? pc.bold(s) : s);
      const idWidth = Math.max(...checks.map((c) => c.id.length), 5);
      const causeWidth = Math.max(...checks.map((c) => c.cause.length), 5);
      process.stdout.write(`${paint('check'.padEnd(idWidth))}  ${paint('kind ')}  ${paint('cause'.padEnd(causeWidth))}  ${paint('severity')}  ${paint('summary')}\n`);
      for (const check of checks) {
        process.stdout.write(`${check.id.padEnd(idWidth)}  ${check.kind.padEnd(5)}  ${check.cause.padEnd(causeWidth)}  ${check.severity.padEnd(8)}  ${check.summary}\n`);
      }
      const count = (key: (c: CatalogueEntry) => string) => {
        const counts = new Map<string, number>();
        for (const check of checks) counts.set(key(check), (counts.get(key(check)) ?? 0) + 1);
        return counts;
      };
      const byCause = count((c) => c.cause);
      const byKind = count((c) => c.kind);
      const coverage = Object.values(causes).map((cause) => `${cause.id} ${byCause.get(cause.id) ?? 0}`).join(', ');
      process.stdout.write(`\n${checks.length} checks: ${kinds.map((k) => `${k} ${byKind.get(k) ?? 0}`).join(', ')} (${coverage})\n`);
    });
}

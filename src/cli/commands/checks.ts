import { Command } from 'commander';
import pc from 'picocolors';
import { causes } from '../../core/causes.js';
import { allChecks } from '../../checks/registry.js';
import { selectChecks } from '../../engine/select.js';
import { collect } from '../options.js';

export function checksCommand(): Command {
  return new Command('checks')
    .description('print the catalogue of checks: id, cause, severity, summary')
    .option('--only <ids>', 'list only these checks or causes', collect, [])
    .option('--skip <ids>', 'leave out these checks or causes', collect, [])
    .option('-f, --format <format>', 'text or json', 'text')
    .option('--no-color', 'no ANSI colours')
    .action((options: { only: string[]; skip: string[]; format: string; color: boolean }) => {
      const checks = selectChecks(allChecks, { only: options.only, skip: options.skip });
      if (options.format === 'json') {
        const rows = checks.map(({ id, cause, kind, severity, summary, explanation, remedy }) => ({ id, cause, kind, severity, summary, explanation, remedy }));
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      const color = options.color && Boolean(process.stdout.isTTY);
      const paint = (s: string) => (color ? pc.bold(s) : s);
      const idWidth = Math.max(...checks.map((c) => c.id.length), 5);
      const causeWidth = Math.max(...checks.map((c) => c.cause.length), 5);
      process.stdout.write(`${paint('check'.padEnd(idWidth))}  ${paint('cause'.padEnd(causeWidth))}  ${paint('severity')}  ${paint('summary')}\n`);
      for (const check of checks) {
        process.stdout.write(`${check.id.padEnd(idWidth)}  ${check.cause.padEnd(causeWidth)}  ${check.severity.padEnd(8)}  ${check.summary}\n`);
      }
      const byCause = new Map<string, number>();
      for (const check of checks) byCause.set(check.cause, (byCause.get(check.cause) ?? 0) + 1);
      const coverage = Object.values(causes).map((cause) => `${cause.id} ${byCause.get(cause.id) ?? 0}`).join(', ');
      process.stdout.write(`\n${checks.length} checks (${coverage})\n`);
    });
}

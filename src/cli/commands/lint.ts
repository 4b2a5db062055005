import { Command } from 'commander';
import { parseSizeBytes } from '../../core/units.js';
import { allChecks } from '../../checks/registry.js';
import type { Check } from '../../checks/types.js';
import { finalReport } from '../../engine/events.js';
import { runLint } from '../../engine/lint-runner.js';
import { selectChecks } from '../../engine/select.js';
import { suppressFindings } from '../../engine/suppress.js';
import { loadConfig } from '../../config/load-config.js';
import { applyBaseline, todayUtc } from '../baseline-file.js';
import { loadSpec } from '../../spec/load.js';
import { exitCodeFor, parseFailOn } from '../exit.js';
import { emitReport, parseFormat } from '../output.js';
import { collect } from '../options.js';

export function lintCommand(): Command {
  return new Command('lint')
    .description('check an OpenAPI/Swagger description for the causes a spec can show (no requests sent)')
    .argument('<spec>', 'path or URL of the OpenAPI 3.x / Swagger 2.0 description (JSON or YAML)')
    .option('--only <ids>', 'run only these checks or causes (comma-separated, repeatable)', collect, [])
    .option('--skip <ids>', 'skip these checks or causes (comma-separated, repeatable)', collect, [])
    .option('-f, --format <format>', 'stdout format: terminal, json, html, junit, sarif', 'terminal')
    .option('-o, --out <dir>', 'write report.json, report.html, junit.xml and report.sarif into this directory')
    .option('--fail-on <severity>', 'exit 1 when a finding reaches this severity (critical|high|medium|low|info|none)', 'high')
    .option('-c, --config <file>', "faultline.yaml whose 'ignore:' list silences findings")
    .option('--baseline <report.json>', 'report only findings that are not in this earlier report')
    .option('--allow-remote-refs', 'follow $refs to http(s) URLs', false)
    .option('--max-spec-size <size>', 'refuse specs larger than this', '128MB')
    .option('--no-color', 'no ANSI colours')
    .option('-v, --verbose', 'list every finding in the terminal output', false)
    .action(async (specSource: string, options: LintOptions, command: Command) => {
      const failOn = parseFailOn(options.failOn);
      parseFormat(options.format);
      const checks = selectChecks(allChecks.filter((c): c is Check<'lint'> => c.kind === 'lint'), { only: options.only, skip: options.skip });
      const spec = await loadSpec(specSource, {
        allowRemoteRefs: options.allowRemoteRefs,
        maxBytes: parseSizeBytes(options.maxSpecSize, '--max-spec-size'),
      });
      const ignores = options.config ? (await loadConfig(options.config)).config.ignore : [];
      const found = suppressFindings(await finalReport(runLint(spec, checks)), { spec, ignores, today: todayUtc() });
      const report = await applyBaseline(found, options.baseline);
      await emitReport(report, { format: options.format, out: options.out, color: options.color, verbose: options.verbose, failOn });
      process.exitCode = exitCodeFor(report, failOn);
    });
}

interface LintOptions {
  only: string[];
  skip: string[];
  format: string;
  out?: string;
  failOn: string;
  allowRemoteRefs: boolean;
  config?: string;
  baseline?: string;
  maxSpecSize: string;
  color: boolean;
  verbose: boolean;
}

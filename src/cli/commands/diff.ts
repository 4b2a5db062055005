import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { FaultlineError } from '../../core/errors.js';
import type { Severity } from '../../core/severity.js';
import { renderDiffMarkdown } from '../../diff/markdown.js';
import { defaultSunsetDays, runDiff } from '../../diff/run-diff.js';
import { renderReport, writeReports } from '../../report/write.js';
import { loadSpec, specFromText } from '../../spec/load.js';
import type { SpecModel } from '../../spec/model.js';
import { exitCodeFor } from '../exit.js';
import { gitShow, parseGitSource } from '../git-show.js';

const diffFormats = ['text', 'json', 'markdown', 'sarif'] as const;
type DiffFormat = (typeof diffFormats)[number];

const failOnLevels: Readonly<Record<string, Severity>> = { breaking: 'high', warning: 'medium' };

export function diffCommand(): Command {
  return new Command('diff')
    .description('compare two versions of an OpenAPI description: breaking changes, deprecation policy, suggested version bump')
    .argument('<old>', 'the old version: a file, a URL, or git:REF:path (e.g. git:origin/main:openapi.yaml)')
    .argument('<new>', 'the new version: a file, a URL, or git:REF:path')
    .option('--fail-on <level>', 'exit 1 when a change reaches this level: breaking or warning', 'breaking')
    .option('-f, --format <format>', 'stdout format: text, json, markdown (a pull-request comment), sarif', 'text')
    .option('-o, --out <dir>', 'write report.json, report.html, junit.xml, report.sarif and diff.md into this directory')
    .option('--sunset-days <days>', 'notice a deprecation must give: its sunset at least this many days ahead', String(defaultSunsetDays))
    .action(async (oldSource: string, newSource: string, options: DiffOptions) => {
      const failOn = failOnLevels[options.failOn];
      if (!failOn) throw usage('--fail-on', `--fail-on must be breaking or warning (got '${options.failOn}')`);
      const format = options.format as DiffFormat;
      if (!diffFormats.includes(format)) throw usage('--format', `--format must be one of ${diffFormats.join(', ')} (got '${options.format}')`);
      const sunsetDays = Number(options.sunsetDays);
      if (!/^\d+$/.test(options.sunsetDays) || !Number.isSafeInteger(sunsetDays)) throw usage('--sunset-days', `--sunset-days must be a whole number of days (got '${options.sunsetDays}')`);
      const oldSpec = await readSpec(oldSource);
      const newSpec = await readSpec(newSource);
      const report = runDiff(oldSpec, newSpec, { sunsetDays, now: new Date() });
      process.stdout.write(render(report, format));
      if (options.out) {
        const written = await writeReports(report, options.out, { failOn });
        const markdownPath = path.join(options.out, 'diff.md');
        await mkdir(options.out, { recursive: true });
        await writeFile(markdownPath, renderDiffMarkdown(report), 'utf8');
        process.stderr.write(`faultline: wrote ${[...written, markdownPath].join(', ')}\n`);
      }
      process.exitCode = exitCodeFor(report, failOn);
    });
}

interface DiffOptions {
  failOn: string;
  format: string;
  out?: string;
  sunsetDays: string;
}

function usage(field: string, message: string): FaultlineError {
  return new FaultlineError('E_USAGE', message, { location: { field } });
}

function render(report: ReturnType<typeof runDiff>, format: DiffFormat): string {
  switch (format) {
    case 'markdown':
      return renderDiffMarkdown(report);
    case 'text':
      return renderReport(report, 'terminal', { color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'], failOn: 'high' });
    default:
      return renderReport(report, format);
  }
}

/** A file or URL goes through the loader; `git:REF:path` is read with `git show` and parsed from text. */
async function readSpec(source: string): Promise<SpecModel> {
  const git = parseGitSource(source);
  if (!git) return loadSpec(source);
  return specFromText(await gitShow(source, git), source);
}

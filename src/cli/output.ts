import type { Report } from '../core/finding.js';
import { FaultlineError } from '../core/errors.js';
import { isReportFormat, reportFormats, type ReportFormat } from '../report/define.js';
import { renderReport, writeReports } from '../report/write.js';
import type { FailOn } from './exit.js';

export interface OutputOptions {
  readonly format?: string;
  readonly out?: string;
  readonly color?: boolean;
  readonly verbose?: boolean;
  /** Terminal: print the permission matrix (`audit --matrix`). */
  readonly matrix?: boolean;
  readonly failOn: FailOn;
}

export function parseFormat(value: string | undefined): ReportFormat {
  const format = value ?? 'terminal';
  if (!isReportFormat(format)) {
    throw new FaultlineError('E_USAGE', `--format must be one of ${reportFormats.join(', ')} (got '${format}')`, { location: { field: '--format' } });
  }
  return format;
}

/** The report goes to stdout in the chosen format; files go to --out; paths written are said on stderr. */
export async function emitReport(report: Report, options: OutputOptions): Promise<void> {
  const format = parseFormat(options.format);
  const color = format === 'terminal' && options.color !== false && Boolean(process.stdout.isTTY);
  const failOn = options.failOn === 'none' ? 'critical' : options.failOn;
  // Teams that host the check pages themselves point every link at them (docs/checks in the package).
  const docsBaseUrl = process.env['FAULTLINE_DOCS_URL'] || undefined;
  const links = docsBaseUrl ? { docsBaseUrl: docsBaseUrl.endsWith('/') ? docsBaseUrl : `${docsBaseUrl}/` } : {};
  process.stdout.write(renderReport(report, format, { color, failOn, ...links, ...(options.verbose ? { verbose: true } : {}), ...(options.matrix ? { matrix: true } : {}) }));
  if (options.out) {
    const paths = await writeReports(report, options.out, { failOn, ...links });
    process.stderr.write(`faultline: wrote ${paths.join(', ')}\n`);
  }
}

import type { Report } from '../core/finding.js';
import type { Severity } from '../core/severity.js';

/** Every output format faultline can render a report in. */
export const reportFormats = ['terminal', 'json', 'html', 'junit', 'sarif', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface RenderOptions {
  /** ANSI colours in the terminal format. Off unless asked for, so piped output stays plain. */
  readonly color?: boolean;
  /** Terminal: list every finding instead of the first few per check. */
  readonly verbose?: boolean;
  /** Terminal: findings listed per check before "... and K more" (default 5). */
  readonly maxPerCheck?: number;
  /** JUnit: the lowest severity that counts as a failed test case (default 'high'). */
  readonly failOn?: Severity;
  /** SARIF: the directory spec paths are made relative to (default: the working directory). */
  readonly rootDir?: string;
  /** Terminal: print the permission matrix as a compact grid (`audit --matrix`). */
  readonly matrix?: boolean;
  /** Where the check pages live (ends in '/'); default: the pages shipped with the report's faultline version. */
  readonly docsBaseUrl?: string;
}

export interface Reporter<Format extends ReportFormat = ReportFormat> {
  readonly format: Format;
  /** The file written under `--out DIR`, or null for formats that only go to stdout. */
  readonly fileName: string | null;
  /** Whether `--out` writes this file for the report (default: always); the CSV needs a permission matrix. */
  readonly isFor?: (report: Report) => boolean;
  render(report: Report, options: RenderOptions): string;
}

/**
 * Declare a reporter: a pure function from a Report to text, plus the file name it is written to.
 *
 * @example
 * export const csvReporter = defineReporter({
 *   format: 'csv', fileName: 'report.csv',
 *   render: (report) => report.findings.map((f) => `${f.check},${f.severity}`).join('\n'),
 * });
 */
export function defineReporter<Format extends ReportFormat>(reporter: Reporter<Format>): Reporter<Format> {
  return reporter;
}

export function isReportFormat(value: string): value is ReportFormat {
  return (reportFormats as readonly string[]).includes(value);
}

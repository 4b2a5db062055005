import { FaultlineError } from '../core/errors.js';
import { reportFormats, type ReportFormat, type Reporter } from './define.js';
import { csvReporter } from './csv.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { sarifReporter } from './sarif.js';
import { terminalReporter } from './terminal.js';

/** Every reporter, the one place a format is listed. */
export const allReporters: readonly Reporter[] = [terminalReporter, jsonReporter, htmlReporter, junitReporter, sarifReporter, csvReporter];

/** The reporter for `format`; throws E_USAGE for a name that is not a format. */
export function getReporter(format: string): Reporter {
  const reporter = allReporters.find((r) => r.format === format);
  if (!reporter) {
    throw new FaultlineError('E_USAGE', `unknown report format '${format}' (expected one of: ${reportFormats.join(', ')})`);
  }
  return reporter;
}

export type { ReportFormat };

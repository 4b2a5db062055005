import type { Report } from '../core/finding.js';
import { defineReporter } from './define.js';
import { sortFindings } from './sort-findings.js';

/** The report as faultline/report@1 JSON (schema/report.schema.json), findings most severe first. */
export const jsonReporter = defineReporter({
  format: 'json',
  fileName: 'report.json',
  render(report: Report): string {
    // `schema` first so `head report.json` tells what the file is.
    const { schema: _schema, findings, ...rest } = report;
    return `${JSON.stringify({ schema: 'faultline/report@1', ...rest, findings: sortFindings(findings) }, null, 2)}\n`;
  },
});

import { defineReporter } from './define.js';

/** RFC 4180: quote a field when it holds a comma, a quote or a line break; double the quotes inside. */
function field(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The permission matrix as CSV (`permissions.csv`): one line per operation and principal, for a
 * spreadsheet or a diff between two nightly runs. Only audits that built a matrix write the file.
 */
export const csvReporter = defineReporter({
  format: 'csv',
  fileName: 'permissions.csv',
  isFor: (report) => report.permissionMatrix !== undefined,
  render(report): string {
    const lines = ['operation,group,requires,role,expected,status,verdict,why,finding'];
    for (const row of report.permissionMatrix?.rows ?? []) {
      for (const role of report.permissionMatrix!.roles) {
        const cell = row.cells[role];
        if (!cell) continue;
        lines.push([row.operation, row.group, row.requires, role, cell.expected, cell.status, cell.verdict, cell.why, cell.finding].map(field).join(','));
      }
    }
    return `${lines.join('\r\n')}\r\n`;
  },
});

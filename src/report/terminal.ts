import type { CauseId } from '../core/causes.js';
import { coverageSummary, lowCoverageWarning } from '../core/coverage.js';
import type { Finding, Report } from '../core/finding.js';
import type { PermissionMatrix, PermissionVerdict } from '../core/permission-matrix.js';
import { formatLocation } from '../core/location.js';
import { severities, type Severity } from '../core/severity.js';
import pc from 'picocolors';
import { checkDocsLink } from './catalogue.js';
import { suppressedSentence } from './suppressed.js';
import { defineReporter, type RenderOptions } from './define.js';
import { sortFindings } from './sort-findings.js';
import { causeTitle, summarizeByCause, totalsLine } from './summarize.js';
import { showControlChars } from './control-chars.js';

type Colors = ReturnType<typeof pc.createColors>;

const defaultMaxPerCheck = 5;

function safe(text: string): string {
  return showControlChars(text);
}

function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => `${indent}${line}`)
    .join('\n');
}

function badge(severity: Severity, c: Colors): string {
  // Without colour the padding that makes a coloured block would read as stray spaces.
  if (!c.isColorSupported) return `[${severity.toUpperCase()}]`;
  const label = ` ${severity.toUpperCase()} `;
  switch (severity) {
    case 'critical':
      return c.bold(c.bgRed(c.white(label)));
    case 'high':
      return c.bold(c.red(label));
    case 'medium':
      return c.yellow(label);
    case 'low':
      return c.cyan(label);
    case 'info':
      return c.dim(label);
  }
}

function header(report: Report, c: Colors): string[] {
  const lines = [c.bold(`faultline ${report.kind} report`)];
  if (report.spec) {
    const title = report.spec.title ? ` (${safe(report.spec.title)}${report.spec.version ? ` ${safe(report.spec.version)}` : ''})` : '';
    lines.push(`spec:   ${safe(report.spec.source)}${title}`);
  }
  if (report.target) lines.push(`target: ${safe(report.target)}`);
  const warning = report.coverage ? lowCoverageWarning(report.coverage) : null;
  if (warning) lines.push('', c.bold(c.yellow(`! ${warning}`)));
  return lines;
}

function causeSummary(report: Report, c: Colors): string[] {
  const summaries = summarizeByCause(report.findings);
  const width = Math.max(...summaries.map((s) => causeTitle(s.cause).length));
  const lines = [c.bold('By cause')];
  for (const summary of summaries) {
    const title = causeTitle(summary.cause).padEnd(width);
    if (summary.total === 0) {
      lines.push(`  ${c.green('✓')} ${title}  ${c.dim('no findings')}`);
      continue;
    }
    const counts = severities.filter((s) => summary.counts[s] > 0).map((s) => `${summary.counts[s]} ${s}`);
    lines.push(`  ${c.red('✗')} ${title}  ${counts.join(', ')}`);
  }
  return lines;
}

function findingLines(finding: Finding, c: Colors): string[] {
  const where = [finding.operation ? safe(finding.operation) : null, finding.status !== null ? `→ ${finding.status}` : null];
  const count = finding.count && finding.count > 1 ? c.dim(` (×${finding.count})`) : '';
  const lines = [`${badge(finding.severity, c)} ${c.bold(safe(finding.title))}${count}`];
  lines.push(`    ${c.dim(safe(finding.check))}${where.some(Boolean) ? `  ${where.filter(Boolean).join(' ')}` : ''}`);
  if (finding.detail) lines.push(indentLines(showControlChars(finding.detail, true), '    '));
  if (finding.location) lines.push(`    ${c.dim('at')} ${safe(formatLocation(finding.location))}`);
  if (finding.remedy) lines.push(`    ${c.dim('fix:')} ${safe(finding.remedy)}`);
  const curl = finding.evidence[0]?.curl;
  if (curl) lines.push(`    ${c.dim('$')} ${safe(curl)}`);
  return lines;
}

/** Findings of one cause, grouped by check, with at most `max` listed per check. */
function causeSection(cause: CauseId, findings: readonly Finding[], report: Report, options: RenderOptions, c: Colors): string[] {
  const lines = ['', c.bold(c.underline(`${causeTitle(cause)} (${findings.length})`))];
  const byCheck = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byCheck.get(finding.check) ?? [];
    list.push(finding);
    byCheck.set(finding.check, list);
  }
  const max = options.verbose ? Number.POSITIVE_INFINITY : Math.max(1, options.maxPerCheck ?? defaultMaxPerCheck);
  for (const [check, list] of byCheck) {
    for (const finding of list.slice(0, max)) lines.push('', ...findingLines(finding, c));
    if (list.length > max) lines.push('', c.dim(`    ... and ${list.length - max} more from ${safe(check)} (--verbose lists all)`));
    const docs = checkDocsLink(check, report, options.docsBaseUrl);
    if (docs) lines.push(c.dim(`    about ${safe(check)}: faultline explain ${safe(check)} or ${docs}`));
  }
  return lines;
}

const verdictMarks: Record<PermissionVerdict, string> = { allowed: '✓', denied: '·', violation: '✗', 'over-denied': '!', error: 'E', untested: '?' };

/** The permission matrix as a compact grid: a mark and the status per role, problem cells coloured. */
function matrixLines(matrix: PermissionMatrix, c: Colors): string[] {
  const width = Math.min(48, Math.max(...matrix.rows.map((row) => row.operation.length), 9));
  const column = Math.max(6, ...matrix.roles.map((role) => role.length + 1));
  const lines = ['', c.bold('Permission matrix'), `  ${'operation'.padEnd(width)}  ${matrix.roles.map((role) => role.padEnd(column)).join('')}`];
  for (const row of matrix.rows) {
    const name = row.operation.length > width ? `${row.operation.slice(0, width - 1)}…` : row.operation.padEnd(width);
    const cells = matrix.roles.map((role) => {
      const cell = row.cells[role];
      const text = cell ? `${verdictMarks[cell.verdict]}${cell.status ?? ''}`.padEnd(column) : '-'.padEnd(column);
      if (!cell) return text;
      return cell.verdict === 'violation' || cell.verdict === 'error' ? c.red(c.bold(text)) : cell.verdict === 'over-denied' ? c.yellow(text) : cell.verdict === 'untested' ? c.dim(text) : text;
    });
    lines.push(`  ${safe(name)}  ${cells.join('')}`);
  }
  lines.push(c.dim('  ✓ allowed  · denied  ✗ violation  ! over-denied  E error (5xx)  ? untested; the number is the status seen'));
  return lines;
}

/** A human summary for stdout: counts by cause, then the findings of each cause, then totals. */
export const terminalReporter = defineReporter({
  format: 'terminal',
  fileName: null,
  render(report: Report, options: RenderOptions): string {
    const c = pc.createColors(options.color === true);
    const sorted = sortFindings(report.findings);
    const lines = [...header(report, c), '', ...causeSummary(report, c)];
    // Causes in order of their most severe finding, because sorted is severity-first.
    const byCause = new Map<CauseId, Finding[]>();
    for (const finding of sorted) {
      const list = byCause.get(finding.cause) ?? [];
      list.push(finding);
      byCause.set(finding.cause, list);
    }
    for (const [cause, list] of byCause) lines.push(...causeSection(cause, list, report, options, c));
    if (options.matrix && report.permissionMatrix) lines.push(...matrixLines(report.permissionMatrix, c));
    // The low-coverage warning already heads the report.
    const warning = report.coverage ? lowCoverageWarning(report.coverage) : null;
    const notes = report.notes.filter((note) => note !== warning);
    const suppressed = report.suppressed ?? [];
    if (suppressed.length > 0) {
      lines.push('', c.bold(`Suppressed (${suppressed.length}, not counted)`));
      for (const finding of suppressed) lines.push(`  - ${safe(suppressedSentence(finding))}`);
    }
    if (notes.length > 0) {
      lines.push('', c.bold('Notes'));
      for (const note of notes) lines.push(`  - ${safe(note)}`);
    }
    const counts = totalsLine(report.findings);
    lines.push('', report.findings.length === 0 ? c.green(counts) : c.bold(counts));
    if (report.coverage && report.coverage.length > 0) {
      const summary = coverageSummary(report.coverage);
      const line = `${summary.sentence.charAt(0).toUpperCase()}${summary.sentence.slice(1)}, in ${report.stats['requests'] ?? 0} requests.`;
      lines.push(summary.reached === summary.total ? c.green(line) : summary.isLow ? c.yellow(line) : line);
    }
    return `${lines.join('\n')}\n`;
  },
});

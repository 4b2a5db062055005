import { createHash } from 'node:crypto';
import { causeIds } from '../core/causes.js';
import { coverageSummary, lowCoverageWarning, type CoverageEntry } from '../core/coverage.js';
import type { Finding, Report } from '../core/finding.js';
import { formatLocation } from '../core/location.js';
import { severities } from '../core/severity.js';
import { checkDocsLink } from './catalogue.js';
import { suppressedSentence } from './suppressed.js';
import { defineReporter, type RenderOptions } from './define.js';
import { reportCss, reportJs } from './html-assets.js';
import { escapeHtml } from './html-escape.js';
import { evidenceView, scriptSafeJson, type EvidenceView } from './html-evidence.js';
import { matrixSection } from './html-matrix.js';
import { sortFindings } from './sort-findings.js';
import { causeTitle, summarizeByCause, totalsLine, type CauseSummary } from './summarize.js';

function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function scorecardCard(summary: CauseSummary): string {
  const failing = summary.total > 0;
  const classes = ['card', failing ? 'fail' : 'pass', summary.highest ? `sev-${summary.highest}` : ''].filter(Boolean).join(' ');
  const counts = failing
    ? severities
        .filter((s) => summary.counts[s] > 0)
        .map((s) => `<span class="count" data-severity="${s}">${summary.counts[s]} ${s}</span>`)
        .join(' · ')
    : 'No findings';
  return (
    `<button type="button" class="${classes}" data-cause="${escapeHtml(summary.cause)}" data-status="${failing ? 'fail' : 'pass'}" ` +
    `data-total="${summary.total}" aria-pressed="false" title="Show only ${escapeHtml(causeTitle(summary.cause))}">` +
    `<span class="card-title">${escapeHtml(causeTitle(summary.cause))}</span>` +
    `<span class="card-status">${failing ? 'FAIL' : 'PASS'}</span>` +
    `<span class="card-counts">${counts}</span></button>`
  );
}

function fact(name: string, value: string): string {
  return `<div><dt>${name}</dt><dd>${value}</dd></div>`;
}

// Evidence is the bulk of a big report, so it is not put into the DOM up front: the page builds it
// from the JSON block when a finding's <details> is first opened.
function evidenceDetails(finding: Finding, index: number): string {
  if (finding.evidence.length === 0) return '';
  return (
    `<details class="evidence" data-evidence="${index}"><summary>Evidence (${finding.evidence.length})</summary>` +
    '<noscript><p>Evidence needs JavaScript; every exchange is in report.json.</p></noscript></details>'
  );
}

function findingArticle(finding: Finding, index: number, docs: string | undefined): string {
  const severity = escapeHtml(finding.severity);
  const facts = [
    fact('Cause', escapeHtml(causeTitle(finding.cause))),
    fact('Check', docs ? `<a href="${escapeHtml(docs)}"><code>${escapeHtml(finding.check)}</code></a>` : `<code>${escapeHtml(finding.check)}</code>`),
    finding.operation ? fact('Operation', `<code>${escapeHtml(finding.operation)}</code>`) : '',
    finding.status !== null ? fact('Status', String(finding.status)) : '',
    finding.location ? fact('Location', `<code>${escapeHtml(formatLocation(finding.location))}</code>`) : '',
    finding.count && finding.count > 1 ? fact('Seen', `${finding.count} times`) : '',
  ].join('');
  return (
    `<article class="finding sev-${severity}" id="finding-${index}" data-cause="${escapeHtml(finding.cause)}" data-severity="${severity}" data-check="${escapeHtml(finding.check)}">` +
    `<div><span class="badge sev-${severity}">${severity}</span><h3>${escapeHtml(finding.title)}</h3></div>` +
    `<dl class="facts">${facts}</dl>` +
    (finding.detail ? `<p class="detail">${escapeHtml(finding.detail, true)}</p>` : '') +
    (finding.remedy ? `<p class="remedy"><strong>Fix:</strong> ${escapeHtml(finding.remedy, true)}</p>` : '') +
    evidenceDetails(finding, index) +
    '</article>'
  );
}

// The stats a reader meets most, in words; any other stat keeps its key.
const statWords: Readonly<Record<string, string>> = {
  operations: 'operations',
  operationsReached: 'reached with a 2xx',
  operationsRequested: 'answered anything',
  requests: 'requests',
  transportErrors: 'without a response',
  checks: 'checks',
  findings: 'findings',
};

function statPhrase(name: string, value: number): string {
  if (name === 'durationMs') return `${(value / 1000).toFixed(1)} s`;
  return `${value} ${statWords[name] ?? name}`;
}

function headerSection(report: Report): string {
  const lines: string[] = [];
  if (report.spec) {
    const title = [report.spec.title, report.spec.version].filter(Boolean).join(' ');
    lines.push(`Spec: <code>${escapeHtml(report.spec.source)}</code>${title ? ` — ${escapeHtml(title)}` : ''}`);
  }
  if (report.target) lines.push(`Target: <code>${escapeHtml(report.target)}</code>`);
  lines.push(`Run: ${escapeHtml(report.startedAt)} → ${escapeHtml(report.finishedAt)}`);
  const stats = Object.entries(report.stats).map(([name, value]) => escapeHtml(statPhrase(name, value)));
  if (stats.length > 0) lines.push(`Covered: ${stats.join(', ')}`);
  return `<header><h1>faultline ${escapeHtml(report.kind)} report</h1>${lines.map((l) => `<p class="meta-line">${l}</p>`).join('')}</header>`;
}

function filtersSection(summaries: readonly CauseSummary[], total: number): string {
  const causeOptions = summaries
    .map((s) => `<option value="${escapeHtml(s.cause)}">${escapeHtml(causeTitle(s.cause))} (${s.total})</option>`)
    .join('');
  const severityOptions = severities.map((s) => `<option value="${s}">${s}${s === 'info' ? '' : ' and above'}</option>`).join('');
  return (
    '<section class="filters" aria-label="Filters">' +
    `<label>Cause <select data-testid="filter-cause"><option value="">All causes</option>${causeOptions}</select></label>` +
    `<label>Severity <select data-testid="filter-severity"><option value="">Any severity</option>${severityOptions}</select></label>` +
    '<button type="button" data-testid="filter-reset">Show all</button>' +
    `<span class="shown"><span data-testid="visible-count">${total}</span> of ${total} findings shown</span>` +
    '</section>'
  );
}

function statusList(entry: CoverageEntry): string {
  const parts = Object.entries(entry.statuses).map(([status, count]) => `<span class="status s${escapeHtml(status.charAt(0))}xx">${escapeHtml(status)}</span>${count > 1 ? ` ×${count}` : ''}`);
  if (entry.transportErrors > 0) parts.push(`no response ×${entry.transportErrors}`);
  return parts.join(' ') || '—';
}

/** Per operation: requests, statuses seen, reached with a valid request or why not. Unreached rows first. */
function coverageSection(coverage: readonly CoverageEntry[]): string {
  if (coverage.length === 0) return '';
  const summary = coverageSummary(coverage);
  const rows = [...coverage.filter((c) => !c.reached), ...coverage.filter((c) => c.reached)]
    .map(
      (entry) =>
        `<tr class="${entry.reached ? 'reached' : 'unreached'}" data-reached="${entry.reached}">` +
        `<td><code>${escapeHtml(entry.operation)}</code></td>` +
        `<td class="num">${entry.requests}</td><td class="num">${entry.validRequests}</td>` +
        `<td>${statusList(entry)}</td>` +
        `<td>${entry.reached ? 'yes' : `<strong>no</strong>: ${escapeHtml(entry.why ?? entry.reason ?? '')}${entry.stopped ? ' (the audit stopped sending to it)' : ''}`}</td></tr>`,
    )
    .join('');
  return (
    `<section class="coverage" aria-label="Coverage"><details${summary.reached < summary.total ? ' open' : ''}><summary><h2>Coverage: ${escapeHtml(summary.sentence)}</h2></summary>` +
    '<table data-testid="coverage"><thead><tr><th>Operation</th><th>Requests</th><th>Valid</th><th>Statuses</th><th>Reached with a 2xx</th></tr></thead>' +
    `<tbody>${rows}</tbody></table></details></section>`
  );
}

/**
 * One self-contained HTML file: scorecard of the eleven causes, filters, and every finding rendered
 * server-side (so it reads without JS too); evidence is embedded as JSON and shown when a finding's
 * <details> is opened.
 */
export const htmlReporter = defineReporter({
  format: 'html',
  fileName: 'report.html',
  render(report: Report, options: RenderOptions): string {
    const findings = sortFindings(report.findings);
    const summaries = summarizeByCause(findings);
    const evidence: Array<EvidenceView | null> = findings.map((f) => (f.evidence.length > 0 ? evidenceView(f.evidence) : null));
    const csp = `default-src 'none'; style-src ${cspHash(reportCss)}; script-src ${cspHash(reportJs)}; base-uri 'none'; form-action 'none'`;
    const title = `faultline ${report.kind} report${report.spec?.title ? ` — ${report.spec.title}` : ''}`;
    const notes =
      report.notes.length > 0
        ? `<section class="notes"><h2>Notes</h2><ul>${report.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></section>`
        : '';
    return [
      '<!doctype html>',
      '<html lang="en"><head><meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
      '<meta name="referrer" content="no-referrer">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${escapeHtml(title)}</title>`,
      `<style>${reportCss}</style>`,
      '</head><body><div class="page">',
      headerSection(report),
      report.coverage && lowCoverageWarning(report.coverage) ? `<p class="warning" role="alert" data-testid="low-coverage">${escapeHtml(lowCoverageWarning(report.coverage)!)}</p>` : '',
      `<p class="totals" data-testid="totals">${escapeHtml(totalsLine(findings))}</p>`,
      `<section class="scorecard" aria-label="Causes">${summaries.map(scorecardCard).join('')}</section>`,
      // The matrix answers "who can do what" at a glance, so it comes before the list of findings.
      matrixSection(report.permissionMatrix, findings),
      filtersSection(summaries, findings.length),
      `<main id="findings">${findings.map((finding, index) => findingArticle(finding, index, checkDocsLink(finding.check, report, options.docsBaseUrl))).join('\n')}</main>`,
      `<p class="empty" id="no-match"${findings.length === 0 ? '' : ' hidden'}>${findings.length === 0 ? 'No findings.' : 'No findings match the filters.'}</p>`,
      coverageSection(report.coverage ?? []),
      (report.suppressed ?? []).length > 0
        ? `<section class="notes" data-testid="suppressed"><h2>Suppressed (not counted)</h2><ul>${report.suppressed!.map((f) => `<li>${escapeHtml(suppressedSentence(f))}</li>`).join('')}</ul></section>`
        : '',
      notes,
      `<footer>Generated by faultline ${escapeHtml(report.tool.version)} · schema ${escapeHtml(report.schema)} · ${causeIds.length} causes checked</footer>`,
      '</div>',
      `<script type="application/json" id="evidence-data">${scriptSafeJson(evidence)}</script>`,
      `<script>${reportJs}</script>`,
      '</body></html>',
      '',
    ].join('\n');
  },
});

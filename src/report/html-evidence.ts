import type { Evidence } from '../core/finding.js';
import { truncateText } from './control-chars.js';
import { escapeHtml } from './html-escape.js';

/** Bounds that keep a report of thousands of findings a file a browser opens quickly. */
export const htmlLimits = { evidencePerFinding: 3, bodyChars: 2000, headerChars: 300 } as const;

function block(text: string, maxChars: number): string {
  const { text: kept, cutChars } = truncateText(text, maxChars);
  const cut = cutChars > 0 ? `\n<span class="cut">… ${cutChars} more characters (see report.json)</span>` : '';
  return `${escapeHtml(kept, true)}${cut}`;
}

function headerLines(headers: Readonly<Record<string, string>>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${truncateText(value, htmlLimits.headerChars).text}`)
    .join('\n');
}

function exchange(evidence: Evidence): string {
  const { request, response } = evidence;
  const requestText = [`${request.method} ${request.url}`, headerLines(request.headers)].filter(Boolean).join('\n');
  const parts = [`<h4>Request</h4><pre>${escapeHtml(requestText, true)}${request.body ? `\n\n${block(request.body, htmlLimits.bodyChars)}` : ''}</pre>`];
  if (response) {
    const took = response.durationMs !== undefined ? ` (${Math.round(response.durationMs)} ms)` : '';
    const head = [`HTTP ${response.status}${took}`, headerLines(response.headers)].filter(Boolean).join('\n');
    const recorderCut = response.bodyTruncated ? '\n<span class="cut">… body truncated by the recorder</span>' : '';
    const body = response.body ? `\n\n${block(response.body, htmlLimits.bodyChars)}${recorderCut}` : recorderCut;
    parts.push(`<h4>Response</h4><pre>${escapeHtml(head, true)}${body}</pre>`);
  } else {
    parts.push('<h4>Response</h4><p>No response.</p>');
  }
  if (evidence.error) parts.push(`<h4>Error</h4><pre>${escapeHtml(evidence.error, true)}</pre>`);
  if (evidence.note) parts.push(`<p>${escapeHtml(evidence.note)}</p>`);
  parts.push(`<h4>Reproduce</h4><pre class="curl">${escapeHtml(evidence.curl, true)}</pre>`);
  return `<div class="exchange">${parts.join('')}</div>`;
}

/** The finding's request/response pairs in a closed <details>, so a long report stays scannable. */
export function evidenceDetails(evidence: readonly Evidence[]): string {
  if (evidence.length === 0) return '';
  const shown = evidence.slice(0, htmlLimits.evidencePerFinding);
  const more = evidence.length - shown.length;
  const moreText = more > 0 ? `<p class="cut">${more} more exchange${more === 1 ? '' : 's'} in report.json</p>` : '';
  return `<details><summary>Evidence (${evidence.length})</summary>${shown.map(exchange).join('')}${moreText}</details>`;
}

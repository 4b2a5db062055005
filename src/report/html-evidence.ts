import type { Evidence } from '../core/finding.js';
import { showControlChars, truncateText } from './control-chars.js';

/** Bounds that keep a report of thousands of findings a file a browser opens quickly. */
export const htmlLimits = { evidencePerFinding: 3, bodyChars: 2000, headerChars: 300 } as const;

/** One exchange as plain display text. The page's script puts it into the DOM with textContent only. */
export interface ExchangeView {
  readonly request: string;
  readonly requestCut?: string;
  readonly response: string;
  readonly responseCut?: string;
  readonly error?: string;
  readonly note?: string;
  readonly curl: string;
}

export interface EvidenceView {
  readonly exchanges: readonly ExchangeView[];
  /** Exchanges left out of the page (they stay in report.json). */
  readonly more: number;
}

function shown(text: string): string {
  return showControlChars(text, true);
}

function withBody(head: string, body: string | undefined): { text: string; cut?: string } {
  if (!body) return { text: shown(head) };
  const { text, cutChars } = truncateText(body, htmlLimits.bodyChars);
  const cut = cutChars > 0 ? `… ${cutChars} more characters (see report.json)` : undefined;
  return { text: shown(`${head}\n\n${text}`), ...(cut ? { cut } : {}) };
}

function headerLines(headers: Readonly<Record<string, string>>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${truncateText(value, htmlLimits.headerChars).text}`)
    .join('\n');
}

function exchangeView(evidence: Evidence): ExchangeView {
  const { request, response } = evidence;
  const requestPart = withBody([`${request.method} ${request.url}`, headerLines(request.headers)].filter(Boolean).join('\n'), request.body);
  let responsePart: { text: string; cut?: string } = { text: 'No response.' };
  if (response) {
    const took = response.durationMs !== undefined ? ` (${Math.round(response.durationMs)} ms)` : '';
    responsePart = withBody([`HTTP ${response.status}${took}`, headerLines(response.headers)].filter(Boolean).join('\n'), response.body);
    if (response.bodyTruncated) responsePart = { ...responsePart, cut: [responsePart.cut, 'body truncated by the recorder'].filter(Boolean).join('; ') };
  }
  return {
    request: requestPart.text,
    ...(requestPart.cut ? { requestCut: requestPart.cut } : {}),
    response: responsePart.text,
    ...(responsePart.cut ? { responseCut: responsePart.cut } : {}),
    ...(evidence.error ? { error: shown(evidence.error) } : {}),
    ...(evidence.note ? { note: shown(evidence.note) } : {}),
    curl: shown(evidence.curl),
  };
}

/** What the page shows of a finding's evidence: the first few exchanges, bodies cut to a bound. */
export function evidenceView(evidence: readonly Evidence[]): EvidenceView {
  const kept = evidence.slice(0, htmlLimits.evidencePerFinding);
  return { exchanges: kept.map(exchangeView), more: evidence.length - kept.length };
}

/**
 * JSON for a `<script type="application/json">` element. Every `<` is written as `\u003c`, so no
 * `</script>` or `<!--` in a hostile body can end the element early; JSON.parse reads it back unchanged.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

import type { ThresholdOutcome } from '../findings.js';
import type { LoadResult, OperationStats } from '../result.js';
import { lineChart } from './svg-chart.js';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string) => text.replace(/[&<>"']/g, (ch) => entities[ch] ?? ch);
const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 1)} ms`);
const perSecond = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(1)}k/s` : `${Math.round(value)}/s`);

const style = `
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:920px;color:#1d2330;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.meta{color:#5b6475}.pass{color:#17803d;font-weight:600}.fail{color:#b42318;font-weight:600}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{text-align:right;padding:4px 8px;border-bottom:1px solid #e4e7ec}th:first-child,td:first-child{text-align:left}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #e4e7ec;border-radius:8px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:20px}.chart{width:100%;height:auto;border:1px solid #e4e7ec;border-radius:8px}
.grid{stroke:#eef0f3}.tick,.legend{font-size:11px;fill:#5b6475}
`;

function operationRow(op: OperationStats): string {
  const l = op.latencyMs;
  const statuses = Object.entries(op.statuses).map(([status, count]) => `${status}: ${count}`).concat(Object.entries(op.errors).map(([code, count]) => `${code}: ${count}`)).join(', ');
  return `<tr><td>${esc(op.name)}</td><td>${op.completed}</td><td>${perSecond(op.throughputPerSecond)}</td><td>${ms(l.min)}</td><td>${ms(l.p50)}</td><td>${ms(l.p90)}</td><td>${ms(l.p95)}</td><td>${ms(l.p99)}</td><td>${ms(l.p999)}</td><td>${ms(l.max)}</td><td>${(op.errorRate * 100).toFixed(2)}%</td><td>${op.dropped}</td><td>${esc(statuses)}</td></tr>`;
}

/** `load.html`: one self-contained page (inline CSS and SVG, no scripts, no network). */
export function renderLoadHtml(result: LoadResult, outcomes: readonly ThresholdOutcome[]): string {
  const t = result.total;
  const latency = lineChart('Latency over time', [
    { label: 'p50', color: '#2e90fa', points: result.timeline.map((s) => [s.second + 0.5, s.p50Ms] as const) },
    { label: 'p90', color: '#f79009', points: result.timeline.map((s) => [s.second + 0.5, s.p90Ms] as const) },
    { label: 'p99', color: '#d92d20', points: result.timeline.map((s) => [s.second + 0.5, s.p99Ms] as const) },
  ], ms);
  const throughput = lineChart('Throughput', [
    { label: 'completed/s', color: '#12b76a', points: result.timeline.map((s) => [s.second + 0.5, s.completed] as const) },
    { label: 'failed/s', color: '#d92d20', points: result.timeline.map((s) => [s.second + 0.5, s.failed] as const) },
    { label: 'dropped/s', color: '#7a5af8', points: result.timeline.map((s) => [s.second + 0.5, s.dropped] as const) },
  ], perSecond);
  const thresholds = outcomes.length === 0 ? '<p class="meta">No thresholds were set.</p>' : `<table><tr><th>threshold</th><th>scope</th><th>observed</th><th>result</th></tr>${outcomes.map((o) => `<tr><td>${esc(o.threshold)}</td><td>${esc(o.operation ?? 'whole run')}</td><td>${esc(o.observedText)}</td><td class="${o.passed ? 'pass' : 'fail'}">${o.passed ? 'pass' : 'FAIL'}</td></tr>`).join('')}</table>`;
  const contributors = result.contributors.length <= 1 ? '' : `<h2>Generators</h2><table><tr><th>generator</th><th>share</th><th>status</th><th>planned</th><th>completed</th><th>lost</th></tr>${result.contributors.map((c) => `<tr><td>${esc(c.id)}</td><td>${c.share.index}/${c.share.count}</td><td class="${c.status === 'ok' ? 'pass' : 'fail'}">${esc(c.status)}${c.detail ? `: ${esc(c.detail)}` : ''}</td><td>${c.planned}</td><td>${c.completed}</td><td>${c.lost}</td></tr>`).join('')}</table>`;
  const notes = result.notes.length === 0 ? '' : `<h2>Notes</h2><ul>${result.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`;
  const failedCount = outcomes.filter((o) => !o.passed).length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>faultline load: ${esc(result.target)}</title><style>${style}</style></head><body>
<h1>faultline load</h1>
<p class="meta">${esc(result.target)} · ${esc(result.executor.kind)} (${result.model} model) · ${esc(result.startedAt)} · ${(result.durationMs / 1000).toFixed(1)} s</p>
<p class="${failedCount > 0 ? 'fail' : 'pass'}">${outcomes.length === 0 ? '' : failedCount > 0 ? `${failedCount} of ${outcomes.length} thresholds failed` : `all ${outcomes.length} thresholds passed`}</p>
<div class="cards">
<div class="card">requests<b>${t.completed}</b></div><div class="card">throughput<b>${perSecond(t.throughputPerSecond)}</b></div>
<div class="card">p50<b>${ms(t.latencyMs.p50)}</b></div><div class="card">p99<b>${ms(t.latencyMs.p99)}</b></div>
<div class="card">errors<b>${(t.errorRate * 100).toFixed(2)}%</b></div><div class="card">dropped<b>${t.dropped}</b></div>
</div>
<h2>Thresholds</h2>${thresholds}
<h2>Latency over time</h2>${latency}
<p class="meta">Latency counts from when each request was due, so waiting for a connection is included (no coordinated omission). Per-second percentiles are approximate (about 9%); the tables are exact (HDR histograms).</p>
<h2>Throughput</h2>${throughput}
<h2>Operations</h2>
<table><tr><th>operation</th><th>requests</th><th>rate</th><th>min</th><th>p50</th><th>p90</th><th>p95</th><th>p99</th><th>p99.9</th><th>max</th><th>errors</th><th>dropped</th><th>statuses</th></tr>
${[...result.operations, ...(result.operations.length > 1 ? [t] : [])].map(operationRow).join('\n')}</table>
${contributors}${notes}
</body></html>
`;
}

/** `load.json`: the full result and the threshold outcomes. */
export function renderLoadJson(result: LoadResult, outcomes: readonly ThresholdOutcome[]): string {
  return `${JSON.stringify({ ...result, thresholds: outcomes }, null, 2)}\n`;
}

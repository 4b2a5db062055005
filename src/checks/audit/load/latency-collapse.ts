import type { AuditExchange, AuditServices, BurstLoad, ProbeRequest } from '../../types.js';
import { defineCheck } from '../../define.js';
import { evidenceOf, isSuccess } from '../evidence.js';

const burst = { count: 20, concurrency: 10 };
const maxOperations = 6;
// Slower routes would make one burst take many seconds; they are load testing's job, not a probe's.
// The bound is loose because the examples phase pays for the first connection and a busy machine.
const maxExampleMs = 1000;
// No new burst starts after this long, so a run of slow routes cannot hold the audit up.
const maxCheckMs = 30_000;
// Both must hold: a ratio alone fires on sub-millisecond loopback noise, a difference alone on slow networks.
const minRatio = 4;
const minIncreaseMs = 150;

/** Nearest-rank 95th percentile. */
function p95(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

export const latencyCollapse = defineCheck({
  id: 'load.latency-collapse',
  cause: 'insufficient-testing',
  kind: 'audit',
  severity: 'medium',
  summary: 'Latency collapses when a few requests arrive at once',
  explanation:
    'A route that is quick alone but several times slower with ten requests in flight serialises its work somewhere: a global lock, a single connection, synchronous CPU work on the event loop. Real traffic is concurrent, so its users see the slow figure, and it was never load tested.',
  remedy:
    'Find the shared resource the requests queue on (a connection pool of one, a mutex, blocking work on the event loop) and remove or widen it; then keep a small load test with a p95 threshold (faultline load) in CI.',
  async *run({ spec, audit }) {
    // Only a route whose work holds something shared for a while can lose 150 ms at concurrency 10,
    // so the routes that were slowest alone in the examples phase are tried first.
    const examples = new Map<string, AuditExchange>();
    for (const exchange of audit.exchanges()) {
      if (exchange.phase !== 'examples' || exchange.request.method !== 'GET' || !exchange.operation || !isSuccess(exchange)) continue;
      if (exchange.timings.durationMs <= maxExampleMs) examples.set(exchange.operation, exchange);
    }
    const candidates = [...examples.values()].sort((a, b) => b.timings.durationMs - a.timings.durationMs);
    // Leave at least half of what is left to the checks that run after this one.
    const allowed = Math.min(maxOperations, Math.floor(audit.remainingRequests() / 2 / (burst.count * 2)));
    const deadline = Date.now() + maxCheckMs;
    for (const example of candidates.slice(0, allowed)) {
      if (Date.now() > deadline) return;
      const operation = spec.operations.find((op) => op.key === example.operation);
      const request = operation ? audit.requestFor(operation) : null;
      if (!operation || !request) continue;
      const first = await measure(audit, { ...request, operation: operation.key });
      if (!first) return;
      if (first.togetherMs - first.aloneMs <= minIncreaseMs) continue;
      // Noise only ever adds latency: a pause of the machine (GC, a busy neighbour) stretches every
      // request in flight at once and looks like a collapse, a slow sample inflates the baseline. So a
      // second burst follows, and each figure is the lower of the two; a queue in the API shows up twice.
      const second = await measure(audit, { ...request, operation: operation.key });
      if (!second) return;
      const aloneMs = Math.min(first.aloneMs, second.aloneMs);
      const togetherMs = Math.min(first.togetherMs, second.togetherMs);
      if (togetherMs <= aloneMs * minRatio || togetherMs - aloneMs <= minIncreaseMs) continue;
      const load = second.load;
      yield {
        operation: operation.key,
        status: second.slowest.response?.status ?? null,
        detail: `p95 latency rose from ${aloneMs} ms with one request at a time to ${togetherMs} ms with ${burst.concurrency} in flight (${(togetherMs / Math.max(aloneMs, 1)).toFixed(1)}×; lower of two bursts: ${first.aloneMs} → ${first.togetherMs} ms and ${second.aloneMs} → ${second.togetherMs} ms). Under load, ${load.sent} requests were started on schedule at ${load.ratePerSecond}/s, the rate that keeps ${burst.concurrency} in flight at the solo latency, and timed from their scheduled start: p50 ${Math.round(load.p50Ms)} ms, max ${Math.round(load.maxMs)} ms${outcomes(load)}.`,
        evidence: [evidenceOf(second.slowest, `slowest of the requests sent one at a time: ${Math.round(second.slowest.timings.durationMs)} ms`)],
      };
    }
  },
});

/** One burst's p95 latencies, alone and under load, in whole milliseconds, and its slowest solo exchange. */
async function measure(audit: AuditServices, request: ProbeRequest) {
  const result = await audit.burst(request, burst);
  const load = result?.load;
  if (!result || !load || load.responses === 0 || result.sequentialMs.length === 0) return null;
  const slowest = [...result.exchanges].sort((a, b) => b.timings.durationMs - a.timings.durationMs)[0]!;
  return { aloneMs: Math.round(p95(result.sequentialMs)), togetherMs: Math.round(load.p95Ms), slowest, load };
}

/** ", statuses 200×18, 503×2, 1 timeout" when anything but the first status showed up. */
function outcomes(load: BurstLoad): string {
  const statuses = Object.entries(load.statuses);
  const errors = Object.entries(load.errors);
  if (statuses.length <= 1 && errors.length === 0 && load.dropped === 0) return '';
  const parts = [...statuses.map(([status, count]) => `${status}×${count}`), ...errors.map(([code, count]) => `${code}×${count}`)];
  if (load.dropped > 0) parts.push(`${load.dropped} dropped`);
  return `; outcomes ${parts.join(', ')}`;
}

import type { AuditExchange, AuditServices, ProbeRequest } from '../../types.js';
import { defineCheck } from '../../define.js';
import { evidenceOf, isSuccess } from '../evidence.js';

const burst = { count: 20, concurrency: 10 };
const maxOperations = 6;
// Slower routes would make one burst take many seconds; they are load testing's job, not a probe's.
const maxExampleMs = 250;
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
    for (const example of candidates.slice(0, allowed)) {
      const operation = spec.operations.find((op) => op.key === example.operation);
      const request = operation ? audit.requestFor(operation) : null;
      if (!operation || !request) continue;
      const first = await measure(audit, { ...request, operation: operation.key });
      if (!first) return;
      if (!first.isCollapse) continue;
      // A pause of the machine (GC, a busy neighbour) stretches every request in flight at once and
      // looks like a collapse; a queue in the API shows up again, so it takes two bursts to report.
      const second = await measure(audit, { ...request, operation: operation.key });
      if (!second?.isCollapse) continue;
      yield {
        operation: operation.key,
        status: second.slowest.response?.status ?? null,
        detail: `p95 latency rose from ${second.aloneMs} ms with one request at a time to ${second.togetherMs} ms with ${burst.concurrency} in flight (${second.ratio}×; the burst before: ${first.aloneMs} → ${first.togetherMs} ms; ${burst.count} requests each way).`,
        evidence: [evidenceOf(second.slowest, `slowest of the burst: ${Math.round(second.slowest.timings.durationMs)} ms`)],
      };
    }
  },
});

/** One burst's verdict: sequential and concurrent p95 (whole ms) and whether they show a collapse. */
async function measure(audit: AuditServices, request: ProbeRequest) {
  const result = await audit.burst(request, burst);
  if (!result || result.sequentialMs.length === 0 || result.concurrentMs.length === 0) return null;
  const alone = p95(result.sequentialMs);
  const together = p95(result.concurrentMs);
  const slowest = [...result.exchanges].sort((a, b) => b.timings.durationMs - a.timings.durationMs)[0]!;
  return {
    aloneMs: Math.round(alone),
    togetherMs: Math.round(together),
    ratio: (together / Math.max(alone, 0.1)).toFixed(1),
    isCollapse: together > alone * minRatio && together - alone > minIncreaseMs,
    slowest,
  };
}

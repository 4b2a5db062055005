import type { ThresholdOutcome } from '../findings.js';
import type { LoadResult, OperationStats } from '../result.js';

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)}s` : `${value.toFixed(value < 10 ? 2 : 1)}ms`);

function executorLine(result: LoadResult): string {
  const e = result.executor;
  switch (e.kind) {
    case 'constant-arrival-rate':
      return `${e.ratePerSecond}/s for ${e.durationMs / 1000}s`;
    case 'ramping-arrival-rate':
      return `from ${e.startRatePerSecond}/s through ${e.stages.map((s) => `${s.durationMs / 1000}s:${s.target}`).join(',')}`;
    case 'constant-vus':
      return `${e.vus} VUs for ${e.durationMs / 1000}s`;
    case 'ramping-vus':
      return `from ${e.startVus} VUs through ${e.stages.map((s) => `${s.durationMs / 1000}s:${s.target}`).join(',')}`;
  }
}

function operationLines(op: OperationStats): string[] {
  const l = op.latencyMs;
  const outcomes = [...Object.entries(op.statuses), ...Object.entries(op.errors)].map(([key, count]) => `${key}×${count}`).join(' ');
  return [
    `  ${op.name}`,
    `    requests ${op.completed} (${op.throughputPerSecond.toFixed(1)}/s)  failed ${op.failed} (${(op.errorRate * 100).toFixed(2)}%)  dropped ${op.dropped}  ${outcomes}`,
    `    latency  min ${ms(l.min)}  p50 ${ms(l.p50)}  p90 ${ms(l.p90)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}  p99.9 ${ms(l.p999)}  max ${ms(l.max)}`,
  ];
}

/** The end-of-run summary for stdout, in the spirit of k6's. */
export function renderLoadText(result: LoadResult, outcomes: readonly ThresholdOutcome[]): string {
  const lines = [
    `faultline load ${result.target}`,
    `  ${result.executor.kind} ${executorLine(result)} (${result.model} model), ${(result.durationMs / 1000).toFixed(1)}s, planned ${result.planned}, ${result.maxOpenConnections} connection${result.maxOpenConnections === 1 ? '' : 's'}`,
    '',
    ...(result.operations.length > 1 ? [...operationLines(result.total), ''] : []),
    ...result.operations.flatMap((op) => [...operationLines(op), '']),
  ];
  if (outcomes.length > 0) {
    lines.push('  thresholds');
    for (const outcome of outcomes) {
      lines.push(`    ${outcome.passed ? '✓' : '✗'} ${outcome.threshold}  ${outcome.observedText}${outcome.passed ? '' : '  FAILED'}`);
    }
    lines.push('');
  }
  for (const contributor of result.contributors.filter((c) => c.status !== 'ok')) {
    lines.push(`  generator ${contributor.id} ${contributor.status}${contributor.detail ? `: ${contributor.detail}` : ''}${contributor.lost ? ` (${contributor.lost} planned requests lost)` : ''}`);
  }
  if (result.generator) {
    const g = result.generator;
    lines.push(`  generator: ${g.threads} thread${g.threads === 1 ? '' : 's'}, ${((g.cpuUserMs + g.cpuSystemMs) / 1000).toFixed(2)} CPU-s (user ${g.cpuUserMs} ms, sys ${g.cpuSystemMs} ms), ${g.requestsPerCpuSecond} requests per CPU-second`);
  }
  for (const note of result.notes) lines.push(`  note: ${note}`);
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

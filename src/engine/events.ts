import type { Finding, Report } from '../core/finding.js';

/** What the engine tells its consumers (terminal progress, report builder, store, dashboard). */
export type EngineEvent =
  | { readonly type: 'run-started'; readonly kind: Report['kind']; readonly checks: number; readonly operations: number }
  | { readonly type: 'phase-started'; readonly phase: string; readonly planned?: number }
  | { readonly type: 'request'; readonly phase: string; readonly operation: string | null; readonly status: number | null; readonly durationMs: number; readonly error?: string }
  | { readonly type: 'finding'; readonly finding: Finding }
  | { readonly type: 'check-crashed'; readonly check: string; readonly message: string }
  | { readonly type: 'note'; readonly message: string }
  | { readonly type: 'phase-finished'; readonly phase: string; readonly requests: number; readonly findings: number }
  | { readonly type: 'run-finished'; readonly report: Report };

/** Drain an event stream and return the final report (the last event of every run). */
export async function finalReport(events: AsyncIterable<EngineEvent>, onEvent?: (event: EngineEvent) => void): Promise<Report> {
  let report: Report | undefined;
  for await (const event of events) {
    onEvent?.(event);
    if (event.type === 'run-finished') report = event.report;
  }
  if (!report) throw new Error('engine ended without a run-finished event');
  return report;
}

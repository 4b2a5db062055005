import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { latencyCollapse } from './latency-collapse.js';

function specWith(path: string) {
  return { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { [path]: { get: { responses: { '200': { description: 'ok' } } } } } };
}

/** Every job waits for the one before it, then holds the only slot for `workMs`. */
function singleSlotQueue(workMs: number): { run(): Promise<void>; close(): void } {
  let tail = Promise.resolve();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  return {
    run() {
      const job = tail.then(() => new Promise<void>((resolve) => timers.add(setTimeout(resolve, workMs))));
      tail = job;
      return job;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
    },
  };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('load.latency-collapse', () => {
  it('reports a route whose requests queue behind each other under a concurrent burst', { timeout: 30_000 }, async () => {
    const queue = singleSlotQueue(50);
    const server = await startServer(async (_request, response) => {
      await queue.run();
      json(response, 200, { ok: true });
    });
    close = async () => {
      queue.close();
      await server.close();
    };
    const report = await auditWith([latencyCollapse], specWith('/report'), server.url, { timeoutMs: 5000 });
    const findings = findingsOf(report, 'load.latency-collapse');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'insufficient-testing', severity: 'medium', operation: 'GET /report', status: 200 });
    expect(findings[0]!.detail).toMatch(/^p95 latency rose from \d+ ms with one request at a time to \d+ ms with 10 in flight/);
    expect(findings[0]!.evidence[0]!.request.url).toMatch(/\/report$/);
  });

  it('stays silent on a route that answers at once however many requests arrive', { timeout: 30_000 }, async () => {
    const server = await startServer((_request, response) => json(response, 200, { ok: true }));
    close = server.close;
    const report = await auditWith([latencyCollapse], specWith('/fast'), server.url);
    expect(findingsOf(report, 'load.latency-collapse')).toEqual([]);
    // The route was burst (one example, then at least 20 alone and 20 together).
    expect(report.stats['requests']).toBeGreaterThanOrEqual(41);
  });
});

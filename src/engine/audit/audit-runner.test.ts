import { afterEach, describe, expect, it } from 'vitest';
import { defineCheck } from '../../checks/define.js';
import type { Check } from '../../checks/types.js';
import { json, startServer } from './audit-harness.test-helper.js';
import { runWith } from './audit-run.test-helper.js';

const ok = { '200': { description: 'ok' }, '400': { description: 'bad' } };
const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/things': {
      get: { parameters: [{ name: 'limit', in: 'query', required: true, schema: { type: 'integer', minimum: 1, maximum: 50 } }], responses: ok },
      post: {
        requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 8 }, n: { type: 'integer', minimum: 0, maximum: 9 } } } } } },
        responses: ok,
      },
    },
  },
};

function auditCheck(id: `${string}.${string}`, run: Check<'audit'>['run']): Check<'audit'> {
  return defineCheck({ id, cause: 'insufficient-testing', kind: 'audit', severity: 'medium', summary: `summary of ${id}`, explanation: 'x', remedy: 'fix it', run });
}

/** A check that asks for request after request until the audit says no (bounded, as every loop must be). */
const greedy = auditCheck('test.greedy', async function* ({ audit }) {
  for (let i = 0; i < 5_000; i++) if (!(await audit.probe({ method: 'GET', path: '/things?limit=1', operation: 'GET /things' }))) break;
  yield* [];
});

/** The same, but 40 requests at a time, so the budget is raced. */
const greedyConcurrent = auditCheck('test.greedy-concurrent', async function* ({ audit }) {
  for (let round = 0; round < 100; round++) {
    const results = await Promise.all(Array.from({ length: 40 }, () => audit.probe({ method: 'GET', path: '/things?limit=2', operation: 'GET /things' })));
    if (results.some((r) => r === null)) break;
  }
  yield* [];
});

describe('runAudit', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function countingServer(delayMs = 0) {
    const server = await startServer(async (request, response) => {
      counter.count++;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (!response.destroyed) json(response, request.method === 'POST' ? 400 : 200, { ok: true });
    });
    const counter = { count: 0, url: server.url };
    close = server.close;
    return counter;
  }

  it.each([25, 300])('never sends more requests than the budget of %i, and says the budget ran out', async (maxRequests) => {
    const server = await countingServer();
    const { report } = await runWith(spec, server.url, { checks: [greedy], maxRequests });
    expect(server.count).toBe(maxRequests);
    expect(report.stats['requests']).toBe(maxRequests);
    expect(report.notes).toContain(`request budget of ${maxRequests} reached: the audit stopped early; raise budget.requests or budget.time to cover more`);
  });

  it('never sends more than the budget when a check sends many requests at once', async () => {
    const server = await countingServer();
    const { report } = await runWith(spec, server.url, { checks: [greedyConcurrent], maxRequests: 230 });
    expect(server.count).toBe(230);
    expect(report.stats['requests']).toBe(230);
  });

  it('keeps a share of the budget for the live checks', async () => {
    const server = await countingServer();
    let left = -1;
    const measure = auditCheck('test.measure', async function* ({ audit }) {
      left = audit.remainingRequests();
      yield* [];
    });
    await runWith(spec, server.url, { checks: [measure], maxRequests: 1000 });
    expect(left).toBeGreaterThanOrEqual(350);
  });

  it('stops at the time budget against a slow server, with requests still left, and says so', async () => {
    const server = await countingServer(150);
    const { report } = await runWith(spec, server.url, { checks: [greedy], maxRequests: 5_000, maxDurationMs: 1_500 });
    expect(server.count).toBeLessThan(100);
    expect(report.notes).toContain('time budget of 2 s reached: the audit stopped early; raise budget.requests or budget.time to cover more');
  });

  it('records a check that throws as check-crashed, keeps what it found, and runs the next check', async () => {
    const server = await countingServer();
    const crashing = auditCheck('test.crashing', async function* () {
      yield { operation: 'GET /things', detail: 'found before the crash' };
      throw new Error('boom');
    });
    const after = auditCheck('test.after', function* () {
      yield { operation: 'POST /things', detail: 'found after the crash' };
    });
    const { report, events } = await runWith(spec, server.url, { checks: [crashing, after] });
    expect(events).toContainEqual({ type: 'check-crashed', check: 'test.crashing', message: 'boom' });
    expect(report.notes).toContain('check test.crashing crashed: boom');
    expect(report.findings.map((f) => [f.check, f.detail])).toEqual([
      ['test.crashing', 'found before the crash'],
      ['test.after', 'found after the crash'],
    ]);
    expect(events.at(-1)?.type).toBe('run-finished');
  });

  it('records a lint check that throws during an audit as check-crashed too', async () => {
    const server = await countingServer();
    const lintCrash = defineCheck({
      id: 'lint.crashing',
      cause: 'poor-design-docs',
      kind: 'lint',
      severity: 'low',
      summary: 's',
      explanation: 'x',
      remedy: 'x',
      *run() {
        throw new Error('lint boom');
      },
    });
    const { report, events } = await runWith(spec, server.url, { checks: [lintCrash], maxRequests: 30 });
    expect(report.notes).toContain('check lint.crashing crashed: lint boom');
    expect(events).toContainEqual({ type: 'check-crashed', check: 'lint.crashing', message: 'lint boom' });
  });

  it('keeps one finding per check, operation and title, with the number of repeats', async () => {
    const server = await countingServer();
    const noisy = auditCheck('test.noisy', function* () {
      for (let i = 0; i < 3; i++) yield { operation: 'GET /things', detail: `seen time ${i + 1}` };
      yield { operation: 'POST /things', detail: 'elsewhere' };
      yield { operation: 'GET /things', title: 'a different problem', detail: 'other' };
    });
    const { report, events } = await runWith(spec, server.url, { checks: [noisy] });
    expect(report.findings.map((f) => [f.operation, f.title, f.detail, f.count])).toEqual([
      ['GET /things', 'summary of test.noisy', 'seen time 1', 3],
      ['POST /things', 'summary of test.noisy', 'elsewhere', undefined],
      ['GET /things', 'a different problem', 'other', undefined],
    ]);
    expect(report.stats['findings']).toBe(3);
    // Consumers see each finding once, when it is first found.
    expect(events.filter((e) => e.type === 'finding')).toHaveLength(3);
  });

  it('fills a finding from the check: cause, severity, remedy, and the status of its evidence', async () => {
    const server = await countingServer();
    const withEvidence = auditCheck('test.evidence', async function* ({ audit }) {
      const exchange = await audit.probe({ method: 'GET', path: '/things?limit=3', operation: 'GET /things' });
      if (exchange?.response) yield { operation: 'GET /things', detail: 'd', evidence: [{ request: exchange.request, response: exchange.response, curl: exchange.curl }] };
    });
    const { report } = await runWith(spec, server.url, { checks: [withEvidence] });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ check: 'test.evidence', cause: 'insufficient-testing', severity: 'medium', remedy: 'fix it', status: 200, operation: 'GET /things' });
  });

  it('emits run-started, the phases in order, and run-finished last', async () => {
    const server = await countingServer();
    const { events, report } = await runWith(spec, server.url, { maxRequests: 100 });
    expect(events[0]).toMatchObject({ type: 'run-started', kind: 'audit', operations: 2 });
    expect(events.filter((e) => e.type === 'phase-started').map((e) => (e as { phase: string }).phase)).toEqual(['lint', 'examples', 'reach', 'negative', 'fuzz', 'explore', 'checks']);
    expect(events.at(-1)).toEqual({ type: 'run-finished', report });
    const requestEvents = events.filter((e) => e.type === 'request').length;
    expect(requestEvents).toBe(server.count);
    // The server answers every POST with 400: reached only by GET, and the coverage says why not by POST.
    expect(report.stats['operationsReached']).toBe(1);
    expect(report.coverage?.find((c) => c.operation.startsWith('GET'))).toMatchObject({ reached: true });
    expect(report.coverage?.find((c) => c.operation.startsWith('POST'))).toMatchObject({ reached: false, reason: 'rejected' });
    expect(report.target).toBe(server.url);
  });
});

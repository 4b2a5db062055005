import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../http/test-support/hostile-server.js';
import { decodeHistogram, mergeEncoded, summarize } from './histogram.js';
import { runShare } from './run-share.js';
import { startStallServer, trueStallLatencyMs } from './stall-server.test-helper.js';
import type { Executor, LoadPlan, RequestTemplate } from './types.js';

let server: TestServer | null = null;
let raw: NetServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  await new Promise<void>((resolve) => (raw ? raw.close(() => resolve()) : resolve()));
  raw = null;
});

const get = (path: string, weight = 1): RequestTemplate => ({ name: `GET ${path}`, method: 'GET', path, headers: {}, weight });

function plan(target: string, executor: Executor, overrides: Partial<LoadPlan> = {}): LoadPlan {
  return { target, requests: [get('/a')], executor, connections: 20, maxInFlight: 1000, timeoutMs: 3000, connectTimeoutMs: 1000, maxIterations: 100_000, ...overrides };
}

describe('runShare (open model)', () => {
  it('sends exactly the scheduled number of requests at a constant rate and reads every response', async () => {
    server = await startTestServer((req, res) => res.end(req.url === '/b' ? 'bee' : 'ok'));
    const result = await runShare({
      plan: plan(server.url, { kind: 'constant-arrival-rate', ratePerSecond: 200, durationMs: 1000 }, { requests: [get('/a', 3), get('/b', 1)] }),
      share: { index: 0, count: 1 },
      startAt: Date.now() + 50,
    });
    const [a, b] = result.operations;
    expect(result.planned).toBe(200);
    expect(a!.sent + b!.sent).toBe(200);
    expect(a!.responses + b!.responses).toBe(200);
    expect(a!.statuses).toEqual({ '200': a!.responses });
    expect(a!.sent).toBeGreaterThan(b!.sent);
    expect(server.received).toHaveLength(200);
    expect(summarize(mergeEncoded([a!.histogram, b!.histogram])).count).toBe(200);
    expect(result.timeline.reduce((sum, second) => sum + second.completed, 0)).toBe(200);
  });

  it('follows a ramping arrival rate to exactly the integral of its stages', async () => {
    server = await startTestServer((_req, res) => res.end('ok'));
    const result = await runShare({
      plan: plan(server.url, { kind: 'ramping-arrival-rate', startRatePerSecond: 0, stages: [{ durationMs: 1000, target: 200 }, { durationMs: 500, target: 0 }] }),
      share: { index: 0, count: 1 },
      startAt: Date.now(),
    });
    expect(result.planned).toBe(150);
    expect(result.operations[0]!.responses).toBe(150);
    const [first, second] = result.timeline;
    // 100 due in the first second (the ramp up), 50 in the half second of the ramp down.
    expect(first!.sent).toBe(100);
    expect(second!.sent).toBe(50);
  });

  it('owns only its share of the iterations, so shares add up to the schedule', async () => {
    server = await startTestServer((_req, res) => res.end('ok'));
    const startAt = Date.now() + 50;
    const executor: Executor = { kind: 'constant-arrival-rate', ratePerSecond: 150, durationMs: 1000 };
    const results = await Promise.all([0, 1, 2].map((index) => runShare({ plan: plan(server!.url, executor), share: { index, count: 3 }, startAt })));
    expect(results.map((r) => r.planned)).toEqual([50, 50, 50]);
    expect(results.reduce((sum, r) => sum + r.operations[0]!.responses, 0)).toBe(150);
  });

  it('counts failed statuses and drops iterations beyond the in-flight limit', async () => {
    server = await startTestServer((_req, res) => setTimeout(() => { res.statusCode = 503; res.end('busy'); }, 1000));
    const result = await runShare({
      plan: plan(server.url, { kind: 'constant-arrival-rate', ratePerSecond: 100, durationMs: 500 }, { maxInFlight: 10 }),
      share: { index: 0, count: 1 },
      startAt: Date.now(),
    });
    const op = result.operations[0]!;
    expect(op.sent).toBe(10);
    expect(op.dropped).toBe(40);
    expect(op.failed).toBe(10);
    expect(op.statuses).toEqual({ '503': 10 });
  });

  it('measures latency from the scheduled time when a server stalls 1 s in every 2 s (no coordinated omission)', async () => {
    const stallMs = 1000;
    const periodMs = 2000;
    const stall = await startStallServer(stallMs, periodMs);
    try {
      const rate = 500;
      const durationMs = 6000;
      const startAt = Date.now() + 100;
      const t0 = performance.now() + (startAt - Date.now());
      const result = await runShare({
        plan: plan(stall.url, { kind: 'constant-arrival-rate', ratePerSecond: rate, durationMs }, { connections: 1000, maxInFlight: 5000 }),
        share: { index: 0, count: 1 },
        startAt,
      });
      // The true latency of request i: the rest of the stall it is due in, or nothing.
      const expected = Array.from({ length: (rate * durationMs) / 1000 }, (_, i) => trueStallLatencyMs(stall, t0 + (i * 1000) / rate, stallMs, periodMs)).sort((x, y) => x - y);
      const at = (p: number) => expected[Math.ceil((p / 100) * expected.length) - 1]!;
      const measured = summarize(decodeHistogram(result.operations[0]!.histogram));
      expect(measured.count).toBe(3000);
      expect(at(90)).toBeGreaterThan(700);
      // Within 10% below (timers fire late, never early) and 15% above (a busy machine adds its own delay).
      const figures = `measured p90 ${measured.p90} / p99 ${measured.p99}, true ${at(90)} / ${at(99)}`;
      expect(measured.p90, figures).toBeGreaterThan(at(90) * 0.9);
      expect(measured.p90, figures).toBeLessThan(at(90) * 1.15);
      expect(measured.p99, figures).toBeGreaterThan(at(99) * 0.9);
      expect(measured.p99, figures).toBeLessThan(at(99) * 1.15);
      expect(measured.p50).toBeLessThan(at(50) + 100);
    } finally {
      await stall.close();
    }
  });
});

describe('runShare (closed model)', () => {
  it('keeps the VUs busy for the duration and never more than VUs in flight', async () => {
    let inFlight = 0;
    let most = 0;
    server = await startTestServer((_req, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight--;
        res.end('ok');
      }, 20);
    });
    const result = await runShare({ plan: plan(server.url, { kind: 'constant-vus', vus: 4, durationMs: 600 }), share: { index: 0, count: 1 }, startAt: Date.now() });
    const op = result.operations[0]!;
    expect(most).toBeLessThanOrEqual(4);
    expect(op.responses).toBe(op.sent);
    expect(op.responses).toBeGreaterThan(8);
    expect(result.planned).toBe(op.sent);
  });

  it('ramps the VUs up and down with the stages', async () => {
    let inFlight = 0;
    let most = 0;
    server = await startTestServer((_req, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight--;
        res.end('ok');
      }, 30);
    });
    const result = await runShare({ plan: plan(server.url, { kind: 'ramping-vus', startVus: 0, stages: [{ durationMs: 500, target: 6 }, { durationMs: 500, target: 0 }] }), share: { index: 0, count: 1 }, startAt: Date.now() });
    expect(most).toBeGreaterThanOrEqual(3);
    expect(most).toBeLessThanOrEqual(6);
    expect(result.operations[0]!.responses).toBe(result.operations[0]!.sent);
  });

  it('stops at the iteration bound before the time bound', async () => {
    server = await startTestServer((_req, res) => res.end('ok'));
    const result = await runShare({ plan: plan(server.url, { kind: 'constant-vus', vus: 3, durationMs: 30_000 }, { maxIterations: 30 }), share: { index: 0, count: 1 }, startAt: Date.now() });
    expect(result.operations[0]!.sent).toBe(30);
  });
});

describe('runShare (hostile targets)', () => {
  it('gives up on a target that resets every connection, saying why', async () => {
    raw = createNetServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    await new Promise<void>((resolve) => raw!.listen(0, '127.0.0.1', resolve));
    const port = (raw.address() as AddressInfo).port;
    const started = Date.now();
    const result = await runShare({ plan: plan(`http://127.0.0.1:${port}`, { kind: 'constant-arrival-rate', ratePerSecond: 100, durationMs: 10_000 }), share: { index: 0, count: 1 }, startAt: Date.now() });
    expect(result.aborted).toMatch(/no response to \d+ requests \(CONNECTION_RESET\)/);
    expect(result.operations[0]!.errors['CONNECTION_RESET']).toBeGreaterThanOrEqual(20);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('times requests out from their due time and counts them as errors', async () => {
    server = await startTestServer(() => undefined);
    const result = await runShare({ plan: plan(server.url, { kind: 'constant-arrival-rate', ratePerSecond: 20, durationMs: 200 }, { timeoutMs: 300 }), share: { index: 0, count: 1 }, startAt: Date.now() });
    expect(result.operations[0]!.errors).toEqual({ TIMEOUT_TOTAL: 4 });
  });
});

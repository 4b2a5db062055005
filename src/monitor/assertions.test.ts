import { describe, expect, it } from 'vitest';
import { monitorAssertionsSchema } from '../config/schema.js';
import type { Exchange } from '../http/types.js';
import { evaluateAssertions, readJsonPath, statusMatches } from './assertions.js';

function exchange(status: number, json: unknown, headers: Record<string, string> = {}, durationMs = 10): Exchange {
  return {
    request: { method: 'GET', url: 'http://127.0.0.1/', headers: {} },
    response: { status, headers, bodyBytes: 0, json },
    timings: { startedAt: 0, durationMs },
    curl: 'curl http://127.0.0.1/',
  };
}

describe('monitor assertions', () => {
  it('reads dotted, bracketed and indexed JSON paths and reports missing ones', () => {
    const body = { data: { items: [{ id: 7 }], 'odd key': true } };
    expect(readJsonPath(body, '$.data.items[0].id')).toEqual({ exists: true, value: 7 });
    expect(readJsonPath(body, "$.data['odd key']")).toEqual({ exists: true, value: true });
    expect(readJsonPath(body, '$')).toEqual({ exists: true, value: body });
    expect(readJsonPath(body, '$.data.items[3]')).toEqual({ exists: false });
    expect(readJsonPath(body, '$.data.toString')).toEqual({ exists: false });
    expect(readJsonPath(body, '$.data..items')).toEqual({ exists: false });
  });

  it('matches exact statuses and classes such as 2xx', () => {
    expect(statusMatches(200, 200)).toBe(true);
    expect(statusMatches('2xx', 204)).toBe(true);
    expect(statusMatches('2XX', 301)).toBe(false);
    expect(statusMatches('404', 404)).toBe(true);
  });

  it('passes a healthy response and names each failed assertion', () => {
    const assert = monitorAssertionsSchema.parse({ status: [200, '3xx'], latency: '< 500ms', headers: { 'Content-Type': 'json' }, json: [{ path: '$.status', equals: 'ok' }] });
    expect(evaluateAssertions(assert, exchange(200, { status: 'ok' }, { 'content-type': 'application/json' })).every((a) => a.ok)).toBe(true);
    const failed = evaluateAssertions(assert, exchange(503, { status: 'down' }, {}, 900)).filter((a) => !a.ok);
    expect(failed.map((a) => a.assertion)).toEqual(['status', 'latency', 'header Content-Type', 'json $.status']);
    expect(failed[0]?.detail).toBe('status 503, expected 200 or 3xx');
  });

  it('accepts any 2xx or 3xx when no status is given', () => {
    const assert = monitorAssertionsSchema.parse({});
    expect(evaluateAssertions(assert, exchange(302, undefined))[0]?.ok).toBe(true);
    expect(evaluateAssertions(assert, exchange(404, undefined))[0]?.ok).toBe(false);
  });
});

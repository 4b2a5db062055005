import type { MonitorConfig } from '../config/schema.js';
import type { Exchange } from '../http/types.js';

/** One assertion's outcome, stored with the result and shown in the dashboard. */
export interface AssertionResult {
  readonly assertion: string;
  readonly ok: boolean;
  readonly detail: string;
}

type Assertions = MonitorConfig['assert'];

/** Evaluate the assertions that need only the exchange (status, latency, headers, JSON paths). */
export function evaluateAssertions(assert: Assertions, exchange: Exchange): AssertionResult[] {
  const response = exchange.response;
  if (!response || exchange.error) return [];
  const results: AssertionResult[] = [];
  const accepted = assert.status === undefined ? ['2xx', '3xx'] : Array.isArray(assert.status) ? assert.status : [assert.status];
  const statusOk = accepted.some((want) => statusMatches(want, response.status));
  results.push({ assertion: 'status', ok: statusOk, detail: `status ${response.status}${statusOk ? '' : `, expected ${accepted.join(' or ')}`}` });
  if (assert.latency !== undefined) {
    const took = Math.round(exchange.timings.durationMs);
    const ok = exchange.timings.durationMs <= assert.latency;
    results.push({ assertion: 'latency', ok, detail: `${took} ms${ok ? ' ≤ ' : ' > '}${assert.latency} ms` });
  }
  for (const [name, want] of Object.entries(assert.headers ?? {})) {
    const got = response.headers[name.toLowerCase()];
    const ok = got !== undefined && got.toLowerCase().includes(want.toLowerCase());
    results.push({ assertion: `header ${name}`, ok, detail: got === undefined ? `header ${name} missing` : `${name}: ${got}` });
  }
  for (const rule of assert.json ?? []) {
    const found = response.json === undefined ? { exists: false as const } : readJsonPath(response.json, rule.path);
    if (response.json === undefined) {
      results.push({ assertion: `json ${rule.path}`, ok: false, detail: `body is not JSON${response.jsonError ? ` (${response.jsonError})` : ''}` });
      continue;
    }
    if (rule.equals !== undefined) {
      const ok = found.exists && deepEqual(found.value, rule.equals);
      results.push({ assertion: `json ${rule.path}`, ok, detail: found.exists ? `${rule.path} = ${JSON.stringify(found.value)}` : `${rule.path} missing` });
    } else {
      const want = rule.exists ?? true;
      results.push({ assertion: `json ${rule.path}`, ok: found.exists === want, detail: `${rule.path} ${found.exists ? 'present' : 'missing'}` });
    }
  }
  return results;
}

export function statusMatches(want: number | string, status: number): boolean {
  if (typeof want === 'number') return want === status;
  if (/^[1-5]xx$/i.test(want)) return Math.floor(status / 100) === Number(want[0]);
  return Number(want) === status;
}

/** A small JSON path: `$`, `.name`, `['name']`, `[0]`. Enough for health bodies; no filters or wildcards. */
export function readJsonPath(value: unknown, path: string): { exists: true; value: unknown } | { exists: false } {
  const steps: (string | number)[] = [];
  const pattern = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/g;
  const rest = path.slice(1);
  let consumed = 0;
  for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) {
    if (match.index !== consumed) return { exists: false };
    consumed = pattern.lastIndex;
    steps.push(match[2] !== undefined ? Number(match[2]) : (match[1] ?? match[3] ?? match[4] ?? ''));
  }
  if (consumed !== rest.length) return { exists: false };
  let current: unknown = value;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(current) || step >= current.length) return { exists: false };
      current = current[step];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, step)) return { exists: false };
      current = (current as Record<string, unknown>)[step];
    }
  }
  return { exists: true, value: current };
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

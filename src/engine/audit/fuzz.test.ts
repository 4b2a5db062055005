import { afterEach, describe, expect, it } from 'vitest';
import type { AuditExchange } from '../../checks/types.js';
import { createHttpClient } from '../../http/client.js';
import type { HttpClient } from '../../http/types.js';
import { specFromObject } from '../../spec/load.js';
import { json, startServer } from './audit-harness.test-helper.js';
import { RequestBudget } from './budget.js';
import { fuzzOperation, isFailure } from './fuzz.js';
import { validParts } from './request-builder.js';
import { AuditSession } from './services.js';
import { runWith } from './audit-run.test-helper.js';

const spec = specFromObject({
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/widgets': {
      post: {
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string', maxLength: 12 },
                  count: { type: 'integer', minimum: 0, maximum: 100 },
                  tags: { type: 'array', maxItems: 5, items: { type: 'string', maxLength: 6 } },
                  note: { type: 'string', maxLength: 20 },
                  flag: { type: 'boolean' },
                  level: { type: 'string', enum: ['low', 'high'] },
                },
              },
            },
          },
        },
        responses: { '201': { description: 'created' }, '400': { description: 'invalid' } },
      },
    },
    '/plain': { post: { requestBody: { content: { 'text/plain': { schema: { type: 'string' } } } }, responses: { '200': { description: 'ok' } } } },
  },
});
const createWidget = spec.operations.find((o) => o.key === 'POST /widgets')!;

/** The server's own validation of the schema above: 400 for anything it does not describe. */
function isValidWidget(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const w = body as Record<string, unknown>;
  if (typeof w['name'] !== 'string' || w['name'].length > 12) return false;
  if ('count' in w && !(Number.isInteger(w['count']) && (w['count'] as number) >= 0 && (w['count'] as number) <= 100)) return false;
  if ('tags' in w && !(Array.isArray(w['tags']) && w['tags'].length <= 5 && w['tags'].every((t) => typeof t === 'string' && t.length <= 6))) return false;
  if ('note' in w && !(typeof w['note'] === 'string' && w['note'].length <= 20)) return false;
  if ('flag' in w && typeof w['flag'] !== 'boolean') return false;
  if ('level' in w && !['low', 'high'].includes(w['level'] as string)) return false;
  return true;
}

describe('fuzzOperation', () => {
  let close: (() => Promise<void>) | undefined;
  let client: HttpClient | undefined;
  afterEach(async () => {
    await client?.close();
    await close?.();
    client = undefined;
    close = undefined;
  });

  /** A widget API that crashes on a count above 10 or more than two tags, and answers 400 to invalid input. */
  async function start(maxRequests = 1000, isCrashing = true) {
    const seen: { status: number; body: string }[] = [];
    const server = await startServer((request, response) => {
      let body: unknown;
      try {
        body = JSON.parse(request.body);
      } catch {
        seen.push({ status: 400, body: request.body });
        return json(response, 400, { error: 'malformed' });
      }
      const w = body as { count?: number; tags?: unknown[] };
      const status = !isValidWidget(body) ? 400 : isCrashing && ((w.count ?? 0) > 10 || (w.tags?.length ?? 0) > 2) ? 500 : 201;
      seen.push({ status, body: request.body });
      json(response, status, status === 201 ? { id: seen.length } : { error: String(status) });
    });
    close = server.close;
    client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: 2000 });
    const session = new AuditSession({ spec, client, target: server.url, roles: [], budget: new RequestBudget(maxRequests, 60_000), isDestructiveAllowed: true, isExposureProbing: false, timeoutMs: 2000 });
    session.phase = 'fuzz';
    return { seen, session };
  }

  it('shrinks a crash to the smallest body that still causes it: the required field and one optional field at its boundary', async () => {
    const { seen, session } = await start();
    const outcome = await fuzzOperation(spec, createWidget, validParts(spec, createWidget, session.pool), null, (request, meta) => session.send({ ...request, ...meta }), {
      numRuns: 60,
      maxShrinkRequests: 400,
      seed: 3,
    });
    expect(outcome.failure).toBeDefined();
    const failing = outcome.failure!.exchange;
    expect(failing.response?.status).toBe(500);
    expect(failing.inputKind).toBe('valid');
    expect(failing.mutation).toBeUndefined();
    expect([{ name: '', count: 11 }, { name: '', tags: ['', '', ''] }]).toContainEqual(JSON.parse(failing.request.body!));
    expect(outcome.failure!.shrinks).toBeGreaterThan(0);
    // Everything that reached the server was counted; the run stayed inside its allowance.
    expect(outcome.sent).toBe(seen.length);
    expect(seen.length).toBeLessThanOrEqual(60 + 400);
  });

  it('keeps every passing exchange and, of the failures, only the minimal one', async () => {
    const { seen, session } = await start();
    const outcome = await fuzzOperation(spec, createWidget, validParts(spec, createWidget, session.pool), null, (request, meta) => session.send({ ...request, ...meta }), {
      numRuns: 60,
      maxShrinkRequests: 400,
      seed: 3,
    });
    const crashes = seen.filter((s) => s.status === 500);
    expect(crashes.length).toBeGreaterThan(1);
    const keptFailures = outcome.kept.filter((e) => isFailure(e, e.mutation !== undefined));
    expect(keptFailures).toEqual([outcome.failure!.exchange]);
    expect(outcome.kept.at(-1)).toBe(outcome.failure!.exchange);
    const passingSent = seen.filter((s) => s.status !== 500).map((s) => s.body).sort();
    expect(outcome.kept.slice(0, -1).map((e) => e.request.body).sort()).toEqual(passingSent);
    expect(passingSent.length).toBeGreaterThan(0);
  });

  it('reports no failure and keeps every exchange when nothing fails', async () => {
    const { seen, session } = await start(1000, false);
    const outcome = await fuzzOperation(spec, createWidget, validParts(spec, createWidget, session.pool), null, (request, meta) => session.send({ ...request, ...meta }), { numRuns: 20, maxShrinkRequests: 20, seed: 1 });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.sent).toBe(20);
    expect(outcome.kept).toHaveLength(20);
    expect(new Set(seen.map((s) => s.status))).toEqual(new Set([201, 400]));
  });

  it('stops sending once the budget says no, and counts only what was sent', async () => {
    const { seen, session } = await start(7);
    const outcome = await fuzzOperation(spec, createWidget, validParts(spec, createWidget, session.pool), null, (request, meta) => session.send({ ...request, ...meta }), { numRuns: 50, maxShrinkRequests: 50, seed: 3 });
    expect(seen).toHaveLength(7);
    expect(outcome.sent).toBe(7);
  });

  it('sends nothing to an operation without a JSON body', async () => {
    const { seen, session } = await start();
    const plain = spec.operations.find((o) => o.key === 'POST /plain')!;
    const outcome = await fuzzOperation(spec, plain, validParts(spec, plain, session.pool), null, (request, meta) => session.send({ ...request, ...meta }), { numRuns: 10, maxShrinkRequests: 10, seed: 1 });
    expect(outcome).toEqual({ kept: [], sent: 0 });
    expect(seen).toEqual([]);
  });
});

describe('isFailure', () => {
  const exchange = (status: number | null): AuditExchange =>
    ({ request: { method: 'POST', url: 'http://127.0.0.1/x', headers: {} }, response: status === null ? null : { status }, operation: null, phase: 'fuzz', role: null, inputKind: 'valid' }) as unknown as AuditExchange;

  it('counts a 5xx for any input and a 2xx for broken input as failures', () => {
    expect(isFailure(exchange(500), false)).toBe(true);
    expect(isFailure(exchange(503), true)).toBe(true);
    expect(isFailure(exchange(201), true)).toBe(true);
  });

  it('counts a 2xx for valid input, a 4xx, a redirect and a transport error as passing', () => {
    expect(isFailure(exchange(201), false)).toBe(false);
    expect(isFailure(exchange(400), true)).toBe(false);
    expect(isFailure(exchange(302), true)).toBe(false);
    expect(isFailure(exchange(null), false)).toBe(false);
  });
});

describe('fuzzing parameters', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => stop?.());

  it('fuzzes an object-typed query parameter (a LoopBack filter) without crashing, sending it as JSON', async () => {
    const seen: string[] = [];
    const server = await startServer((request, response) => {
      seen.push(request.url ?? '');
      json(response, 200, []);
    });
    stop = server.close;
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/todos': {
          get: {
            parameters: [{ name: 'filter', in: 'query', schema: { type: 'object', properties: { where: { type: 'object', additionalProperties: true }, limit: { type: 'integer' } } } }],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    };
    const { report, events } = await runWith(document, server.url, { maxRequests: 1000 });
    expect(report.notes.join('\n')).not.toMatch(/internal|crash/i);
    expect(events.filter((e) => e.type === 'request' && e.phase === 'fuzz').length).toBeGreaterThan(0);
    const filters = seen.map((url) => new URL(url, 'http://x').searchParams.get('filter')).filter((f): f is string => f !== null);
    expect(filters.length).toBeGreaterThan(0);
    // Generated objects go as JSON, never '[object Object]' (mutations send 'not-an-object' on purpose).
    expect(filters.some((filter) => filter.startsWith('{') && typeof JSON.parse(filter) === 'object')).toBe(true);
    expect(filters.filter((filter) => filter.includes('[object'))).toEqual([]);
  });
});

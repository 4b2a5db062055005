import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, json, startServer } from './audit-harness.test-helper.js';
import { FailingOperations } from './failing-operations.js';

describe('FailingOperations', () => {
  it('gives up on an operation after three transport errors in a row, once, with a note naming the codes', () => {
    const failing = new FailingOperations();
    expect(failing.record('GET /a', { errorCode: 'TIMEOUT_TOTAL' })).toBeNull();
    expect(failing.record('GET /a', { errorCode: 'CONNECTION_RESET' })).toBeNull();
    expect(failing.isGivenUp('GET /a')).toBe(false);
    const note = failing.record('GET /a', { errorCode: 'TIMEOUT_TOTAL' });
    expect(note).toMatch(/stopped sending to GET \/a after 3 transport errors in a row \(TIMEOUT_TOTAL, CONNECTION_RESET\)/);
    expect(failing.isGivenUp('GET /a')).toBe(true);
    expect(failing.record('GET /a', { errorCode: 'TIMEOUT_TOTAL' })).toBeNull();
    expect(failing.notes()).toEqual([note]);
    expect(failing.isGivenUp('GET /b')).toBe(false);
  });

  it('starts counting again after a complete response', () => {
    const failing = new FailingOperations();
    failing.record('GET /a', { errorCode: 'TIMEOUT_TOTAL' });
    failing.record('GET /a', { errorCode: 'TIMEOUT_TOTAL' });
    failing.record('GET /a', {});
    failing.record('GET /a', { errorCode: 'TIMEOUT_TOTAL' });
    failing.record('GET /a', { errorCode: 'TIMEOUT_TOTAL' });
    expect(failing.isGivenUp('GET /a')).toBe(false);
  });

  it('does not count failures of its own making, timeouts cut at the audit deadline, or requests without an operation', () => {
    const failing = new FailingOperations(1);
    failing.record('GET /a', { errorCode: 'INVALID_REQUEST' });
    failing.record('GET /a', { errorCode: 'CLIENT_CLOSED' });
    failing.record('GET /a', { errorCode: 'TIMEOUT_TOTAL', isCutByDeadline: true });
    failing.record(null, { errorCode: 'TIMEOUT_TOTAL' });
    expect(failing.isGivenUp('GET /a')).toBe(false);
    expect(failing.isGivenUp(null)).toBe(false);
    expect(failing.notes()).toEqual([]);
  });
});

describe('an audit with an operation that never answers', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('sends it three requests, notes that it gave up, and still sends every phase to the other operations', async () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        // Sorted first for traffic, so a phase that stopped at the first given-up operation would starve /b.
        '/a': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { n: { type: 'integer' } } } } } }, responses: { '200': { description: 'ok' } } } },
        '/b': {
          get: {
            parameters: [{ name: 'limit', in: 'query', required: true, schema: { type: 'integer', minimum: 1, maximum: 10 }, example: 2 }],
            responses: { '200': { description: 'ok' }, '400': { description: 'bad' } },
          },
        },
      },
    };
    const seen: string[] = [];
    const server = await startServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      if (request.url === '/a') return; // never answers
      json(response, 200, { ok: true });
    });
    close = server.close;
    const report = await auditWith([], spec, server.url, { timeoutMs: 300 });
    expect(seen.filter((line) => line === 'POST /a')).toHaveLength(3);
    expect(report.notes).toContain('stopped sending to POST /a after 3 transport errors in a row (TIMEOUT_TOTAL); its later requests were skipped');
    // The example, then the negative phase's mutations of `limit` (wrong type, below minimum, above maximum).
    const toB = seen.filter((line) => line.startsWith('GET /b'));
    expect(toB).toContain('GET /b?limit=2');
    expect(toB).toContain('GET /b?limit=0');
    expect(toB).toContain('GET /b?limit=11');
  });
});

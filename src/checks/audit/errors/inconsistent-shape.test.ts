import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import type { Handler } from '../../../engine/audit/audit-harness.test-helper.js';
import { inconsistentShape } from './inconsistent-shape.js';

const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 }, example: 1 };
const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/items/{id}': { get: { parameters: [id], responses: { '200': { description: 'ok' }, '400': { description: 'bad' }, '404': { description: 'no' } } } },
    '/users/{id}': { get: { parameters: [id], responses: { '200': { description: 'ok' }, '400': { description: 'bad' } } } },
    '/orders/{id}': { get: { parameters: [id], responses: { '200': { description: 'ok' }, '400': { description: 'bad' } } } },
    '/legacy/{id}': { get: { parameters: [id], responses: { '200': { description: 'ok' }, '400': { description: 'bad' } } } },
  },
};

function problem(response: Parameters<Handler>[1], status: number): void {
  response.writeHead(status, { 'content-type': 'application/problem+json' });
  response.end(JSON.stringify({ type: 'about:blank', title: 'Bad Request', status, detail: 'no' }));
}

/** Every operation answers a non-positive or non-numeric id with an error; /legacy in text, the others as asked. */
function server(legacyShape: 'text' | 'problem'): Handler {
  return (request, response) => {
    const [, collection, raw] = (request.url ?? '').split('?')[0]!.split('/');
    if (/^[1-9]\d*$/.test(raw ?? '')) return json(response, 200, { id: Number(raw) });
    if (collection === 'legacy' && legacyShape === 'text') {
      response.writeHead(400, { 'content-type': 'text/plain' });
      return void response.end('ERROR: bad id');
    }
    return problem(response, 400);
  };
}

/** Operations answer bad ids with JSON { message }; unknown paths get Express's HTML page or the same JSON. */
function messageServer(unknownPaths: 'html' | 'json', special: Record<string, [number, string, string]> = {}): Handler {
  return (request, response) => {
    const path = (request.url ?? '').split('?')[0]!;
    const planted = special[path];
    if (planted) {
      response.writeHead(planted[0], { 'content-type': planted[1] });
      return void response.end(planted[2]);
    }
    const [, collection, raw] = path.split('/');
    if (!['items', 'users', 'orders', 'legacy'].includes(collection ?? '') || raw === undefined) {
      if (unknownPaths === 'json') return json(response, 404, { message: 'Not found' });
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      return void response.end(`<!DOCTYPE html><html><head><title>Error</title></head><body><pre>Cannot GET ${path}</pre></body></html>`);
    }
    if (/^[1-9]\d*$/.test(raw)) return json(response, 200, { id: Number(raw) });
    return json(response, 400, { message: 'bad id' });
  };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function findingsFor(handler: Handler) {
  const started = await startServer(handler);
  close = started.close;
  return findingsOf(await auditWith([inconsistentShape], spec, started.url), 'errors.inconsistent-shape');
}

describe('errors.inconsistent-shape', () => {
  it('reports mixed error shapes for the API and, as low, the operation that breaks the majority shape', async () => {
    const findings = await findingsFor(server('text'));
    expect(findings.map((f) => [f.operation, f.severity])).toEqual([
      [null, 'medium'],
      ['GET /legacy/{id}', 'low'],
    ]);
    expect(findings[0]).toMatchObject({ cause: 'complex-endpoints' });
    expect(findings[0]!.detail).toMatch(/problem details ×\d+ \(e\.g\. GET \/\w+\/\{id\} 400\); plain text ×\d+ \(e\.g\. GET \/legacy\/\{id\} 400\)/);
    expect(findings[0]!.evidence.map((e) => e.note)).toEqual(['problem details', 'plain text']);
    expect(findings[1]!.evidence[0]!.request.url).toContain('/legacy/');
    expect(findings[1]!.status).toBe(400);
  });

  it('stays silent when every error is problem details', async () => {
    expect(await findingsFor(server('problem'))).toEqual([]);
  });

  it('counts the framework\'s HTML 404 page for an unknown path beside JSON { message } errors', async () => {
    const findings = await findingsFor(messageServer('html'));
    expect(findings.map((f) => [f.operation, f.severity])).toEqual([[null, 'medium']]);
    expect(findings[0]!.detail).toMatch(/JSON \{message\} ×\d+ \(e\.g\. GET \/\w+\/\{id\} 400\); HTML ×1 \(e\.g\. GET \/faultline-[0-9a-f]+ \(not in the spec\) 404\)/);
    expect(findings[0]!.evidence.map((e) => e.note)).toEqual(['JSON {message}', 'HTML']);
  });

  it('counts the body of a status the spec does not document', async () => {
    const findings = await findingsFor(messageServer('json', { '/orders/1': [418, 'text/plain', 'I am a teapot'] }));
    // Generated traffic may reach the undocumented status more than once; the shape and its example are what count.
    expect(findings[0]!.detail).toMatch(/plain text ×\d+ \(e\.g\. GET \/orders\/\{id\} 418\)/);
  });

  it('stays silent when unknown paths answer the same JSON { message } as the operations', async () => {
    expect(await findingsFor(messageServer('json'))).toEqual([]);
  });
});

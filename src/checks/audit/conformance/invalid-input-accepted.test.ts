import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { invalidInputAccepted } from './invalid-input-accepted.js';

const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/orders': {
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['quantity'], properties: { quantity: { type: 'integer', minimum: 1, maximum: 50 } } } } } },
        responses: { '201': { description: 'created' }, '400': { description: 'bad input' } },
      },
    },
    '/search': {
      get: {
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 20 }, example: 'cup' },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 }, example: 10 },
        ],
        responses: { '200': { description: 'found' }, '400': { description: 'bad input' } },
      },
    },
  },
};

function isValidOrder(body: string): boolean {
  try {
    const quantity = (JSON.parse(body) as { quantity?: unknown }).quantity;
    return Number.isInteger(quantity) && (quantity as number) >= 1 && (quantity as number) <= 50;
  } catch {
    return false;
  }
}

function isValidSearch(url: string): boolean {
  const query = new URL(url, 'http://x').searchParams;
  const q = query.get('q');
  const limit = query.get('limit');
  const isLimitValid = limit === null || (/^\d+$/.test(limit) && Number(limit) >= 1 && Number(limit) <= 100);
  return q !== null && q.length >= 1 && q.length <= 20 && isLimitValid;
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('conformance.invalid-input-accepted', () => {
  it('reports each operation that answers schema-breaking input with 2xx, high when it writes', async () => {
    const server = await startServer((request, response) => {
      if (request.method === 'POST') return json(response, 201, { id: 1 });
      return json(response, 200, { items: [] });
    });
    close = server.close;
    const report = await auditWith([invalidInputAccepted], spec, server.url);
    const findings = findingsOf(report, 'conformance.invalid-input-accepted');
    expect(findings.map((f) => f.operation).sort()).toEqual(['GET /search', 'POST /orders']);
    const post = findings.find((f) => f.operation === 'POST /orders')!;
    expect(post).toMatchObject({ cause: 'insufficient-testing', severity: 'high', status: 201 });
    expect(post.detail).toMatch(/instead of 400\/422/);
    expect(post.detail).toContain('body.quantity');
    expect(post.evidence[0]!.request.method).toBe('POST');
    const get = findings.find((f) => f.operation === 'GET /search')!;
    expect(get.severity).toBe('medium');
    // Six mutations of q and limit: five are named, the sixth is counted.
    expect(get.detail).toMatch(/^6 invalid inputs were answered 2xx/);
    expect(get.detail).toContain('query.q: required parameter missing (200)');
    expect(get.detail).toMatch(/, and 1 more\.$/);
  });

  it('stays silent when the API rejects invalid input with 400', async () => {
    const server = await startServer((request, response) => {
      if (request.method === 'POST') {
        if (!/^application\/json/.test(request.headers['content-type'] ?? '')) return json(response, 415, { title: 'unsupported media type' });
        return isValidOrder(request.body) ? json(response, 201, { id: 1 }) : json(response, 400, { title: 'invalid' });
      }
      return isValidSearch(request.url ?? '') ? json(response, 200, { items: [] }) : json(response, 400, { title: 'invalid' });
    });
    close = server.close;
    const report = await auditWith([invalidInputAccepted], spec, server.url);
    expect(findingsOf(report, 'conformance.invalid-input-accepted')).toEqual([]);
    expect(report.stats['requests']).toBeGreaterThan(10);
  });
});

describe('conformance.invalid-input-accepted and JSON sent as text/plain', () => {
  const noteSpec = (security: unknown[] | undefined) => ({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
    paths: {
      '/notes': {
        post: {
          ...(security ? { security } : {}),
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['text'], properties: { text: { type: 'string', maxLength: 50 } } }, example: { text: 'hi' } } } },
          responses: { '201': { description: 'created' }, '400': { description: 'bad input' } },
        },
      },
    },
  });
  // Validates the JSON, but does not look at the content type: text/plain gets through.
  const lenient = async () =>
    startServer((request, response) => {
      try {
        const text = (JSON.parse(request.body) as { text?: unknown }).text;
        return typeof text === 'string' && text.length <= 50 ? json(response, 201, { text }) : json(response, 400, { title: 'bad' });
      } catch {
        return json(response, 400, { title: 'bad' });
      }
    });
  const textPlain = (report: Awaited<ReturnType<typeof auditWith>>) => findingsOf(report, 'conformance.invalid-input-accepted').filter((f) => f.detail.includes('text/plain'));

  it('reports it where a cookie (or nothing) authenticates: a page elsewhere can send it with the visitor’s cookies', async () => {
    for (const security of [undefined, [{ session: [] }]]) {
      const server = await lenient();
      try {
        const roles = security ? [{ name: 'user', scopes: [], headers: { cookie: 'sid=abc' } }] : [];
        expect(textPlain(await auditWith([invalidInputAccepted], noteSpec(security), server.url, { roles }))).toHaveLength(1);
      } finally {
        await server.close();
      }
    }
  });

  it('leaves it out where only a header credential authenticates, which no cross-site form can send', async () => {
    const server = await lenient();
    try {
      const roles = [{ name: 'user', scopes: [], headers: { authorization: 'Bearer abc' } }];
      expect(textPlain(await auditWith([invalidInputAccepted], noteSpec([{ bearer: [] }]), server.url, { roles }))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

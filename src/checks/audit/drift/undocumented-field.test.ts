import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { undocumentedField } from './undocumented-field.js';

const user = { type: 'object', properties: { id: { type: 'integer' }, username: { type: 'string' } } };
const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/users': { get: { responses: { '200': { description: 'users', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: user } } } } } } } } },
    '/settings': {
      get: { responses: { '200': { description: 'free-form', content: { 'application/json': { schema: { type: 'object', additionalProperties: true, properties: { theme: { type: 'string' } } } } } } } },
    },
  },
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('drift.undocumented-field', () => {
  it('reports the fields a response has beyond its schema, once per field and operation', async () => {
    const server = await startServer((request, response) => {
      if (request.url === '/settings') return json(response, 200, { theme: 'dark', beta: true });
      return json(response, 200, {
        items: [
          { id: 1, username: 'alice', passwordHash: 'x' },
          { id: 2, username: 'bob', passwordHash: 'y' },
        ],
        nextCursor: 'abc',
      });
    });
    close = server.close;
    const report = await auditWith([undocumentedField], spec, server.url);
    const findings = findingsOf(report, 'drift.undocumented-field');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'poor-design-docs', severity: 'low', operation: 'GET /users', status: 200 });
    expect(findings[0]!.detail).toBe('2 undocumented response fields: /items/*/passwordHash, /nextCursor.');
    expect(findings[0]!.evidence[0]!.request.url).toMatch(/\/users$/);
  });

  it('stays silent when bodies hold only documented fields or the schema allows extras', async () => {
    const server = await startServer((request, response) => {
      if (request.url === '/settings') return json(response, 200, { theme: 'dark', beta: true });
      return json(response, 200, { items: [{ id: 1, username: 'alice' }] });
    });
    close = server.close;
    const report = await auditWith([undocumentedField], spec, server.url);
    expect(findingsOf(report, 'drift.undocumented-field')).toEqual([]);
    expect(report.stats['requests']).toBeGreaterThanOrEqual(2);
  });

  it('ignores successes to invalid input, whose fields can echo what faultline sent, but judges error bodies', async () => {
    // json-server 0.17 adds a key named after any _embed value, so _embed=<not in the enum> comes back as a field.
    const embedSpec = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/posts/{id}': {
          get: {
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'integer' }, example: 1 },
              { name: '_embed', in: 'query', schema: { type: 'string', enum: ['comments'] } },
            ],
            responses: {
              '200': {
                description: 'post',
                content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'integer' }, comments: { type: 'array' } } } } },
              },
              '400': {
                description: 'bad id',
                content: { 'application/json': { schema: { type: 'object', properties: { message: { type: 'string' } } } } },
              },
            },
          },
        },
      },
    };
    const embedded: string[] = [];
    const server = await startServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      if (!/^\/posts\/\d+$/.test(url.pathname)) return json(response, 400, { error: 'bad id' });
      const embed = url.searchParams.get('_embed');
      if (embed) embedded.push(embed);
      return json(response, 200, embed ? { id: 1, [embed]: [] } : { id: 1 });
    });
    close = server.close;
    const report = await auditWith([undocumentedField], embedSpec, server.url);
    expect(embedded.some((value) => value !== 'comments')).toBe(true);
    const findings = findingsOf(report, 'drift.undocumented-field');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ operation: 'GET /posts/{id}', status: 400, detail: '1 undocumented response field: /error.' });
  });
});

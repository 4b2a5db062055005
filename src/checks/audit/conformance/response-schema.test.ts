import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { responseSchema } from './response-schema.js';

const user = { type: 'object', required: ['id', 'username'], additionalProperties: false, properties: { id: { type: 'integer' }, username: { type: 'string' } } };
const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/users/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 }, example: 1 }],
        responses: { '200': { description: 'the user', content: { 'application/json': { schema: user } } }, '400': { description: 'bad id' } },
      },
    },
    '/report': {
      get: {
        responses: {
          '200': {
            description: 'the report',
            headers: { 'X-Total-Count': { required: true, schema: { type: 'integer' } } },
            content: { 'application/json': { schema: { type: 'object', properties: { total: { type: 'integer' } } } } },
          },
        },
      },
    },
  },
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('conformance.response-schema', () => {
  it('reports bodies, content types and headers that depart from the spec on valid requests', async () => {
    const server = await startServer((request, response) => {
      if (request.url === '/report') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<h1>total: 3</h1>');
        return;
      }
      return json(response, 200, { id: String(request.url?.split('/').pop()), username: 'bob', internalNotes: 'vip' });
    });
    close = server.close;
    const report = await auditWith([responseSchema], spec, server.url);
    const findings = findingsOf(report, 'conformance.response-schema');
    expect(findings.map((f) => f.operation).sort()).toEqual(['GET /report', 'GET /users/{id}']);
    const users = findings.find((f) => f.operation === 'GET /users/{id}')!;
    expect(users).toMatchObject({ cause: 'poor-design-docs', severity: 'medium', status: 200 });
    expect(users.detail).toContain('/id must be integer');
    expect(users.detail).toContain('internalNotes');
    expect(users.evidence[0]!.request.url).toMatch(/\/users\/1$/);
    const reportFinding = findings.find((f) => f.operation === 'GET /report')!;
    expect(reportFinding.detail).toContain('required header X-Total-Count is missing');
    expect(reportFinding.detail).toContain('content type text/html is not documented');
  });

  it('stays silent when every response matches its documented schema, type and headers', async () => {
    const server = await startServer((request, response) => {
      if (request.url === '/report') return json(response, 200, { total: 3 }, { 'x-total-count': '3' });
      const id = Number(request.url?.split('/').pop());
      if (!Number.isInteger(id) || id < 1) return json(response, 400, { title: 'bad id' });
      return json(response, 200, { id, username: 'bob' });
    });
    close = server.close;
    const report = await auditWith([responseSchema], spec, server.url);
    expect(findingsOf(report, 'conformance.response-schema')).toEqual([]);
    expect(report.stats['requests']).toBeGreaterThan(2);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditExchange } from '../../checks/types.js';
import { createHttpClient } from '../../http/client.js';
import type { HttpClient } from '../../http/types.js';
import { specFromObject } from '../../spec/load.js';
import type { Operation } from '../../spec/model.js';
import { startServer } from './audit-harness.test-helper.js';
import { checkConformance, documentedResponse, undocumentedFields } from './conformance.js';
import { createSchemaValidator } from '../../spec/schema-validator.js';

const json = (schema: unknown) => ({ 'application/json': { schema } });
const spec = specFromObject({
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/pets': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            headers: { 'X-Total-Count': { required: true, schema: { type: 'integer' } }, 'X-Page': { schema: { type: 'integer' } } },
            content: json({ type: 'array', items: { $ref: '#/components/schemas/Pet' } }),
          },
          '201': { description: 'any json', content: { 'application/*': { schema: { type: 'object' } } } },
          '202': { description: 'anything', content: { '*/*': { schema: { type: 'string' } } } },
          '204': { description: 'empty' },
          '4XX': { description: 'client error', content: json({ $ref: '#/components/schemas/Problem' }) },
          '404': { description: 'missing', content: { 'text/plain': { schema: { type: 'string' } } } },
          default: { description: 'other', content: json({ type: 'object', required: ['error'], properties: { error: { type: 'string' } } }) },
        },
      },
    },
    '/strict': { get: { responses: { '200': { description: 'ok', content: json({ type: 'object', properties: { a: { type: 'string' } } }) } } } },
  },
  components: {
    schemas: {
      Pet: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer' }, name: { type: 'string' }, tag: { type: 'string', nullable: true } } },
      Problem: { type: 'object', required: ['title'], properties: { title: { type: 'string' }, status: { type: 'integer' } } },
    },
  },
});
const listPets = spec.operations.find((o) => o.key === 'GET /pets') as Operation;
const strict = spec.operations.find((o) => o.key === 'GET /strict') as Operation;

describe('documentedResponse', () => {
  it('takes the exact status first, then its range, then default', () => {
    expect(documentedResponse(listPets, 404)?.status).toBe('404');
    expect(documentedResponse(listPets, 409)?.status).toBe('4XX');
    expect(documentedResponse(listPets, 503)?.status).toBe('default');
    expect(documentedResponse(strict, 500)).toBeUndefined();
  });

  it('matches a range written in lower case', () => {
    const spec2 = specFromObject({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/x': { get: { responses: { '5xx': { description: 'e' } } } } } });
    expect(documentedResponse(spec2.operations[0]!, 502)?.status).toBe('5xx');
  });
});

describe('checkConformance against live responses', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let client: HttpClient;
  let reply: { status: number; headers: Record<string, string>; body: string } = { status: 200, headers: {}, body: '' };
  const validator = createSchemaValidator(spec);

  beforeAll(async () => {
    server = await startServer((_request, response) => {
      response.writeHead(reply.status, reply.headers);
      response.end(reply.body);
    });
    client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: 2000 });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  async function problems(operation: Operation, status: number, headers: Record<string, string>, body: unknown) {
    reply = { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
    const exchange = await client.send({ method: 'GET', url: `${server.url}${operation.path}` });
    const audited: AuditExchange = { ...exchange, operation: operation.key, phase: 'test', role: null, inputKind: 'valid' };
    return checkConformance(spec, validator, operation, audited);
  }

  it('finds nothing wrong with a response that keeps every promise', async () => {
    const body = [{ id: 1, name: 'Rex', tag: null }];
    expect(await problems(listPets, 200, { 'content-type': 'application/json; charset=utf-8', 'x-total-count': '1' }, body)).toEqual([]);
  });

  it('reports a status the operation does not document, and nothing else about it', async () => {
    expect(await problems(strict, 500, { 'content-type': 'text/html' }, '<h1>oops</h1>')).toEqual([
      { kind: 'status', message: 'status 500 is not documented (documented: 200)' },
    ]);
  });

  it('reports a missing required header but not a missing optional one', async () => {
    expect(await problems(listPets, 200, { 'content-type': 'application/json' }, [])).toEqual([
      { kind: 'header', message: 'required header X-Total-Count is missing', path: 'X-Total-Count' },
    ]);
  });

  it('reports a body that breaks the schema, with the path into the body', async () => {
    const found = await problems(listPets, 200, { 'content-type': 'application/json', 'x-total-count': '1' }, [{ id: 'one', name: 'Rex' }]);
    expect(found).toEqual([{ kind: 'schema', message: '/0/id must be integer', path: '/0/id' }]);
  });

  it('reports fields the schema does not list', async () => {
    const found = await problems(listPets, 200, { 'content-type': 'application/json', 'x-total-count': '1' }, [{ id: 1, name: 'Rex', secret: 'x' }]);
    expect(found).toEqual([{ kind: 'undocumented-field', message: 'field /0/secret is not in the documented schema', path: '/0/secret' }]);
  });

  it('accepts application/problem+json for a documented application/json, via the 4XX range', async () => {
    expect(await problems(listPets, 422, { 'content-type': 'application/problem+json' }, { title: 'bad', status: 422 })).toEqual([]);
    const found = await problems(listPets, 422, { 'content-type': 'application/problem+json' }, { status: 422 });
    expect(found.map((p) => p.kind)).toEqual(['schema']);
  });

  it('accepts any subtype for application/* and any type for */*', async () => {
    expect(await problems(listPets, 201, { 'content-type': 'application/json' }, {})).toEqual([]);
    expect(await problems(listPets, 202, { 'content-type': 'text/plain' }, 'hello')).toEqual([]);
  });

  it('reports a content type the status does not document', async () => {
    expect(await problems(listPets, 200, { 'content-type': 'text/html', 'x-total-count': '0' }, '<html></html>')).toEqual([
      { kind: 'content-type', message: 'content type text/html is not documented for 200 (documented: application/json)' },
    ]);
    expect(await problems(listPets, 404, { 'content-type': 'application/json' }, {})).toEqual([
      { kind: 'content-type', message: 'content type application/json is not documented for 404 (documented: text/plain)' },
    ]);
  });

  it('falls back to the default response', async () => {
    expect(await problems(listPets, 503, { 'content-type': 'application/json' }, { error: 'down' })).toEqual([]);
    expect((await problems(listPets, 503, { 'content-type': 'application/json' }, { message: 'down' })).map((p) => p.kind)).toEqual(['schema', 'undocumented-field']);
  });

  it('reports a JSON body that does not parse', async () => {
    const found = await problems(listPets, 200, { 'content-type': 'application/json', 'x-total-count': '1' }, '[{"id": 1,');
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('schema');
    expect(found[0]!.message).toMatch(/^body is not valid JSON/);
  });

  it('does not judge the body of a response without one', async () => {
    expect(await problems(listPets, 204, {}, '')).toEqual([]);
    expect(await problems(listPets, 200, { 'x-total-count': '0' }, '')).toEqual([]);
  });
});

describe('undocumentedFields', () => {
  const resolve = spec.resolve;

  it('walks nested objects and array items and gives JSON pointers', () => {
    const schema = { type: 'object', properties: { pets: { type: 'array', items: { $ref: '#/components/schemas/Pet' } }, meta: { type: 'object', properties: { page: { type: 'integer' } } } } };
    const value = { pets: [{ id: 1, name: 'a' }, { id: 2, name: 'b', colour: 'red' }], meta: { page: 1, cursor: 'x' }, extra: true };
    expect(undocumentedFields(schema, value, resolve)).toEqual(['/pets/1/colour', '/meta/cursor', '/extra']);
  });

  it('counts fields of allOf branches as documented', () => {
    const schema = { allOf: [{ $ref: '#/components/schemas/Pet' }, { properties: { age: { type: 'integer' } } }] };
    expect(undocumentedFields(schema, { id: 1, name: 'a', age: 3, x: 1 }, resolve)).toEqual(['/x']);
  });

  it('accepts any field where the schema allows more: additionalProperties, patternProperties, oneOf, or no property list', () => {
    expect(undocumentedFields({ type: 'object', properties: { a: {} }, additionalProperties: true }, { b: 1 }, resolve)).toEqual([]);
    expect(undocumentedFields({ type: 'object', properties: { a: {} }, additionalProperties: { type: 'string' } }, { b: 'x' }, resolve)).toEqual([]);
    expect(undocumentedFields({ type: 'object', properties: { a: {} }, patternProperties: { '^x-': {} } }, { 'x-b': 1 }, resolve)).toEqual([]);
    expect(undocumentedFields({ oneOf: [{ properties: { a: {} } }] }, { b: 1 }, resolve)).toEqual([]);
    expect(undocumentedFields({ type: 'object' }, { b: 1 }, resolve)).toEqual([]);
  });

  it('stops at ten fields', () => {
    const value = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, i]));
    expect(undocumentedFields({ type: 'object', properties: { a: {} } }, value, resolve)).toHaveLength(10);
  });
});

import { describe, expect, it } from 'vitest';
import type { Role } from '../../checks/types.js';
import { specFromObject } from '../../spec/load.js';
import type { Operation, SpecModel } from '../../spec/model.js';
import { assemble, isRoleAllowed, isSecured, requestFor, validParts } from './request-builder.js';
import { exampleFor } from './schema-arbitrary.js';
import { ValuePool } from './value-pool.js';

const ok = { '200': { description: 'ok' } };

function specOf(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): SpecModel {
  return specFromObject({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths, ...extra });
}

function op(spec: SpecModel, key: string): Operation {
  const found = spec.operations.find((o) => o.key === key);
  if (!found) throw new Error(`no operation ${key}`);
  return found;
}

const files = specOf({
  '/users': {
    post: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } }, responses: ok },
  },
  '/users/{userId}/files/{fileName}': {
    get: {
      parameters: [
        { name: 'userId', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
        { name: 'fileName', in: 'path', required: true, schema: { type: 'string' }, example: 'my report/v1.txt' },
        { name: 'q', in: 'query', required: true, schema: { type: 'string' }, example: 'a&b=c d' },
        { name: 'tags', in: 'query', schema: { type: 'array', items: { type: 'string' } }, example: ['x', 'y'] },
        { name: 'filter', in: 'query', schema: { type: 'object' }, example: { a: 1 } },
        { name: 'page', in: 'query', schema: { type: 'integer' } },
        { name: 'X-Trace', in: 'header', required: true, schema: { type: 'string' }, example: 'T-1' },
        { name: 'pref', in: 'cookie', required: true, schema: { type: 'string' }, example: 'dark mode' },
        { name: 'sess', in: 'cookie', required: true, schema: { type: 'string' }, example: 'a;b' },
      ],
      responses: ok,
    },
  },
});
const getFile = op(files, 'GET /users/{userId}/files/{fileName}');

describe('validParts and assemble', () => {
  it('puts path, query, header and cookie parameters where they belong, encoded', () => {
    const request = assemble(getFile, validParts(files, getFile, new ValuePool()), null);
    const userId = exampleFor({ type: 'integer', minimum: 1 }, files.resolve);
    expect(request.method).toBe('GET');
    expect(request.path).toBe(`/users/${String(userId)}/files/my%20report%2Fv1.txt?q=a%26b%3Dc+d&tags=x&tags=y&filter=%7B%22a%22%3A1%7D`);
    expect(request.headers).toEqual({ 'x-trace': 'T-1', cookie: 'pref=dark%20mode; sess=a%3Bb' });
    expect(request.body).toBeUndefined();
    expect(request.operation).toBe('GET /users/{userId}/files/{fileName}');
    expect(request.role).toBeNull();
  });

  it('leaves out optional parameters that have no example', () => {
    const parts = validParts(files, getFile, new ValuePool());
    expect(Object.keys(parts.query)).toEqual(['q', 'tags', 'filter']);
  });

  it('uses an id learnt from a create response for a path parameter without an example', () => {
    const pool = new ValuePool();
    pool.learn(op(files, 'POST /users'), null, { id: 41, name: 'a' });
    pool.learn(op(files, 'POST /users'), null, { id: 42, name: 'b' });
    const request = assemble(getFile, validParts(files, getFile, pool), null);
    expect(request.path.startsWith('/users/42/files/')).toBe(true);
  });

  it('prefers the spec example over a learnt id, and an OpenAPI link value over both', () => {
    const spec = specOf({
      '/users': { post: { responses: ok } },
      '/users/{userId}': {
        get: { operationId: 'getUser', parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'integer' }, example: 7 }], responses: ok },
      },
    });
    const getUser = op(spec, 'GET /users/{userId}');
    const pool = new ValuePool();
    pool.learn(op(spec, 'POST /users'), null, { id: 42 });
    expect(assemble(getUser, validParts(spec, getUser, pool), null).path).toBe('/users/7');
    pool.learnLink('getUser', 'userId', 99);
    expect(assemble(getUser, validParts(spec, getUser, pool), null).path).toBe('/users/99');
  });

  it('sends the media type example as JSON, before the schema example', () => {
    const spec = specOf({
      '/pets': {
        post: {
          requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', example: 'Rex' } } }, example: { name: 'Tom' } } } },
          responses: ok,
        },
        put: { requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', example: 'Rex' } } } } } }, responses: ok },
      },
    });
    const post = assemble(op(spec, 'POST /pets'), validParts(spec, op(spec, 'POST /pets'), new ValuePool()), null);
    expect(post.headers).toEqual({ 'content-type': 'application/json' });
    expect(post.body).toBe('{"name":"Tom"}');
    const put = assemble(op(spec, 'PUT /pets'), validParts(spec, op(spec, 'PUT /pets'), new ValuePool()), null);
    expect(put.body).toBe('{"name":"Rex"}');
  });

  it('prefers JSON over form encoding, and encodes a form body when that is all there is', () => {
    const spec = specOf({
      '/a': { post: { requestBody: { content: { 'application/x-www-form-urlencoded': { example: { a: 'x y' } }, 'application/vnd.api+json': { example: { b: 1 } } } }, responses: ok } },
      '/b': { post: { requestBody: { content: { 'application/x-www-form-urlencoded': { example: { a: 'x y', n: { m: 1 } } } } }, responses: ok } },
    });
    const a = assemble(op(spec, 'POST /a'), validParts(spec, op(spec, 'POST /a'), new ValuePool()), null);
    expect(a.headers?.['content-type']).toBe('application/vnd.api+json');
    expect(a.body).toBe('{"b":1}');
    const b = assemble(op(spec, 'POST /b'), validParts(spec, op(spec, 'POST /b'), new ValuePool()), null);
    expect(b.headers?.['content-type']).toBe('application/x-www-form-urlencoded');
    expect(b.body).toBe('a=x+y&n=%7B%22m%22%3A1%7D');
  });

  it('sends malformed body text as given, with a JSON content type', () => {
    const request = assemble(getFile, { path: {}, query: {}, headers: {} }, null, {}, '{"x":');
    expect(request.body).toBe('{"x":');
    expect(request.headers?.['content-type']).toBe('application/json');
  });

  it("lower-cases the role's header names and lets a check's extra headers replace them", () => {
    const role: Role = { name: 'admin', headers: { Authorization: 'Bearer admin', 'X-Api-Key': 'k' }, scopes: [] };
    const parts = { path: {}, query: {}, headers: {} };
    const asAdmin = assemble(getFile, parts, role);
    expect(asAdmin.headers).toEqual({ authorization: 'Bearer admin', 'x-api-key': 'k' });
    expect(asAdmin.role).toBe('admin');
    const tampered = assemble(getFile, parts, role, { AUTHORIZATION: 'Bearer forged' });
    expect(tampered.headers).toEqual({ authorization: 'Bearer forged', 'x-api-key': 'k' });
  });

  it("sends a role's session cookie together with the operation's cookie parameters", () => {
    const role: Role = { name: 'user', headers: { Cookie: 'sid=abc' }, scopes: [] };
    const request = assemble(getFile, validParts(files, getFile, new ValuePool()), role);
    expect(request.headers?.['cookie']).toBe('sid=abc; pref=dark%20mode; sess=a%3Bb');
  });
});

describe('security: OR of alternatives, AND of schemes inside one', () => {
  const spec = specOf(
    {
      '/public': { get: { security: [], responses: ok } },
      '/inherited': { get: { responses: ok } },
      '/either': { get: { security: [{ oauth: ['read'] }, { oauth: ['admin'] }], responses: ok } },
      '/both': { get: { security: [{ oauth: ['read', 'write'], key: [] }], responses: ok } },
      '/optional': { get: { security: [{}, { oauth: ['read'] }], responses: ok } },
    },
    {
      security: [{ key: [] }],
      components: {
        securitySchemes: {
          key: { type: 'apiKey', in: 'header', name: 'X-Key' },
          oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example/token', scopes: { read: 'r', write: 'w', admin: 'a' } } } },
        },
      },
    },
  );
  const reader: Role = { name: 'reader', headers: { authorization: 'Bearer r' }, scopes: ['read'] };
  const writer: Role = { name: 'writer', headers: { authorization: 'Bearer w' }, scopes: ['read', 'write'] };
  const admin: Role = { name: 'admin', headers: { authorization: 'Bearer a' }, scopes: ['admin'] };
  const nobody: Role = { name: 'nobody', headers: { authorization: 'Bearer n' }, scopes: [] };

  it('treats an explicitly public operation as open to every role and not secured', () => {
    const o = op(spec, 'GET /public');
    expect(isSecured(o)).toBe(false);
    expect([reader, nobody].every((r) => isRoleAllowed(o, r))).toBe(true);
  });

  it('applies the document security to an operation without its own', () => {
    expect(isSecured(op(spec, 'GET /inherited'))).toBe(true);
    expect(isRoleAllowed(op(spec, 'GET /inherited'), nobody)).toBe(true);
  });

  it('allows a role that satisfies any one alternative', () => {
    const o = op(spec, 'GET /either');
    expect(isSecured(o)).toBe(true);
    expect(isRoleAllowed(o, reader)).toBe(true);
    expect(isRoleAllowed(o, admin)).toBe(true);
    expect(isRoleAllowed(o, nobody)).toBe(false);
  });

  it('needs every scope of an alternative', () => {
    const o = op(spec, 'GET /both');
    expect(isRoleAllowed(o, reader)).toBe(false);
    expect(isRoleAllowed(o, writer)).toBe(true);
  });

  it('reads an empty alternative as anonymous access: not secured, and every role allowed', () => {
    const o = op(spec, 'GET /optional');
    expect(isSecured(o)).toBe(false);
    expect(isRoleAllowed(o, nobody)).toBe(true);
  });

  it('sends the first allowed role to a secured operation and nothing to an open one', () => {
    const pool = new ValuePool();
    expect(requestFor(spec, op(spec, 'GET /both'), pool, [reader, writer])?.role).toBe('writer');
    expect(requestFor(spec, op(spec, 'GET /both'), pool, [reader, writer])?.headers).toEqual({ authorization: 'Bearer w' });
    expect(requestFor(spec, op(spec, 'GET /both'), pool, [reader])?.role).toBeNull();
    expect(requestFor(spec, op(spec, 'GET /optional'), pool, [reader])?.role).toBeNull();
    expect(requestFor(spec, op(spec, 'GET /either'), pool, [reader], { role: null })?.headers).toEqual({});
    expect(requestFor(spec, op(spec, 'GET /public'), pool, [reader], { role: admin })?.role).toBe('admin');
  });

  it('aims at the path parameters and headers a check asks for', () => {
    const s = specOf({ '/items/{id}': { delete: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: 'x' }], responses: ok } } });
    const request = requestFor(s, s.operations[0]!, new ValuePool(), [], { pathParams: { id: 'a b' }, headers: { 'X-Probe': '1' } });
    expect(request?.path).toBe('/items/a%20b');
    expect(request?.method).toBe('DELETE');
    expect(request?.headers).toEqual({ 'x-probe': '1' });
  });
});

describe('header parameters OpenAPI says to ignore', () => {
  // OpenAPI 3: a header parameter named Accept, Content-Type or Authorization "SHALL be ignored".
  const spec = specOf({
    '/me': {
      get: {
        parameters: [
          { name: 'Authorization', in: 'header', required: true, schema: { type: 'string' }, example: 'Bearer <your token>' },
          { name: 'Accept', in: 'header', required: true, schema: { type: 'string' }, example: 'text/html' },
        ],
        responses: ok,
      },
    },
  });

  it("keep the role's credentials rather than the placeholder from the spec", () => {
    const role: Role = { name: 'user', headers: { Authorization: 'Bearer real' }, scopes: [] };
    const request = requestFor(spec, spec.operations[0]!, new ValuePool(), [role], { role });
    expect(request?.headers?.['authorization']).toBe('Bearer real');
    expect(request?.headers?.['accept']).toBeUndefined();
  });
});

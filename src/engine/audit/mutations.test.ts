import { Ajv } from 'ajv';
import addFormatsPkg from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { specFromObject } from '../../spec/load.js';
import type { Operation } from '../../spec/model.js';
import { bodyMutations, parameterMutations, violationsOf } from './mutations.js';
import type { RequestParts } from './request-builder.js';

const addFormats = addFormatsPkg.default;

function ajvFor(options: { coerceTypes?: boolean } = {}) {
  const ajv = new Ajv({ strict: false, allErrors: true, ...options });
  addFormats(ajv);
  return ajv;
}

// Written in JSON Schema 2019+ terms (numeric exclusive bounds) so plain ajv can judge the mutated bodies.
const orderSchema = {
  type: 'object',
  required: ['name', 'quantity', 'email'],
  properties: {
    id: { type: 'integer', readOnly: true },
    name: { type: 'string', minLength: 1, maxLength: 10 },
    quantity: { type: 'integer', minimum: 1, maximum: 99 },
    ratio: { type: 'number', exclusiveMinimum: 0 },
    email: { type: 'string', format: 'email' },
    kind: { type: 'string', enum: ['retail', 'wholesale'] },
    when: { type: 'string', format: 'date-time' },
    day: { type: 'string', format: 'date' },
    site: { type: 'string', format: 'uri' },
    ip: { type: 'string', format: 'ipv4' },
    active: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    shipping: { $ref: '#/components/schemas/Address' },
  },
};
const validOrder = { name: 'box', quantity: 3, ratio: 0.5, email: 'a@example.com', kind: 'retail', when: '2024-01-02T03:04:05Z', day: '2024-01-02', site: 'https://example.com/x', ip: '10.0.0.1', active: true, tags: ['a'], shipping: { city: 'Oslo' } };

const spec = specFromObject({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/orders/{orderId}': {
      put: {
        parameters: [
          { name: 'orderId', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
          { name: 'limit', in: 'query', required: true, schema: { type: 'integer', minimum: 1, maximum: 50 } },
          { name: 'sort', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'] } },
          { name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string', maxLength: 8 } },
          { name: 'session', in: 'cookie', required: true, schema: { type: 'string', minLength: 4 } },
          { name: 'labels', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
        ],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } },
        responses: { '200': { description: 'ok' } },
      },
    },
  },
  components: {
    schemas: {
      Order: orderSchema,
      Address: { type: 'object', required: ['city'], properties: { city: { type: 'string' } } },
    },
  },
});
const operation = spec.operations[0] as Operation;
const base: RequestParts = {
  path: { orderId: 7 },
  query: { limit: 10, sort: 'asc' },
  headers: { 'x-tenant': 'acme' },
  body: validOrder,
};

describe('bodyMutations', () => {
  const ajv = ajvFor();
  ajv.addSchema(spec.document as object, 'spec');
  const validate = ajv.compile({ $ref: 'spec#/components/schemas/Order' });

  it('starts from a body that is valid, so every failure below is the mutation', () => {
    expect(validate(validOrder)).toBe(true);
  });

  it('makes every body invalid against the schema, each mutation in its own way', () => {
    // Malformed JSON and the text/plain content type break the request, not the body's schema.
    const mutations = bodyMutations(spec, operation).filter((m) => m.description !== 'body: malformed JSON' && !m.description.includes('text/plain'));
    expect(mutations.length).toBeGreaterThan(15);
    const stillValid = mutations.filter((m) => validate(JSON.parse(JSON.stringify(m.apply(base).parts.body))));
    expect(stillValid.map((m) => m.description)).toEqual([]);
    expect(new Set(mutations.map((m) => m.description)).size).toBe(mutations.length);
  });

  it('breaks one field and leaves the rest of the body as it was', () => {
    for (const mutation of bodyMutations(spec, operation)) {
      const field = /^body\.(\w+):/.exec(mutation.description)?.[1];
      if (!field) continue;
      const body = mutation.apply(base).parts.body as Record<string, unknown>;
      const { [field]: broken, ...rest } = body;
      const { [field]: original, ...expected } = validOrder as Record<string, unknown>;
      expect(rest, mutation.description).toEqual(expected);
      expect(broken, mutation.description).not.toEqual(original);
    }
  });

  it('names the violations it makes', () => {
    const names = bodyMutations(spec, operation).map((m) => m.description);
    expect(names).toEqual(
      expect.arrayContaining([
        'body: malformed JSON',
        'body: valid JSON sent as text/plain',
        'body: an array instead of an object',
        'body.email: required field missing',
        'body.quantity: wrong type (expected integer)',
        'body.quantity: below minimum 1',
        'body.quantity: above maximum 99',
        'body.ratio: not above 0',
        'body.name: longer than maxLength 10',
        'body.name: shorter than minLength 1',
        'body.kind: not one of the enum values',
        'body.day: not a valid date',
        'body.shipping: wrong type (expected object)',
      ]),
    );
  });

  it('never sends a readOnly field, even broken', () => {
    expect(bodyMutations(spec, operation).some((m) => m.description.startsWith('body.id:'))).toBe(false);
  });

  it('sends malformed JSON as the raw body text', () => {
    const malformed = bodyMutations(spec, operation).find((m) => m.description === 'body: malformed JSON')!;
    const { bodyText } = malformed.apply(base);
    expect(() => JSON.parse(bodyText!)).toThrow();
  });

  it('has nothing to break when the operation takes no JSON body', () => {
    const noBody = specFromObject({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/x': { post: { requestBody: { content: { 'text/plain': { schema: { type: 'string' } } } }, responses: { '200': { description: 'ok' } } } } },
    });
    expect(bodyMutations(noBody, noBody.operations[0]!)).toEqual([]);
  });
});

describe('violationsOf', () => {
  it('goes below an OpenAPI 3.0 exclusive minimum too', () => {
    const violations = violationsOf({ type: 'number', minimum: 0, exclusiveMinimum: true });
    expect(violations).toContainEqual({ what: 'below minimum 0', value: -1 });
  });

  it('finds nothing to break in an unconstrained schema', () => {
    expect(violationsOf({})).toEqual([]);
  });
});

describe('parameterMutations', () => {
  const mutations = parameterMutations(spec, operation);
  const names = mutations.map((m) => m.description);
  const parameters = Object.fromEntries(operation.parameters.map((p) => [p.name, p]));

  it('drops each required query and header parameter, but never a path parameter', () => {
    expect(names).toContain('query.limit: required parameter missing');
    expect(names).toContain('header.X-Tenant: required parameter missing');
    expect(names).not.toContain('path.orderId: required parameter missing');
    expect(mutations.find((m) => m.description === 'query.limit: required parameter missing')!.apply(base).parts.query).toEqual({ sort: 'asc' });
    // Header names are lower-cased in the parts, so the removal must use the lower-case name.
    expect(mutations.find((m) => m.description === 'header.X-Tenant: required parameter missing')!.apply(base).parts.headers).toEqual({});
  });

  it('leaves cookies alone and does not send a number to a string parameter as a type error', () => {
    expect(names.some((n) => n.startsWith('cookie.'))).toBe(false);
    expect(names).not.toContain('header.X-Tenant: wrong type (expected string)');
    expect(names).not.toContain('query.sort: wrong type (expected string)');
  });

  it('does not pretend to break Authorization, Accept or Content-Type header parameters, which are never sent', () => {
    const withAuth = specFromObject({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/me': {
          get: {
            parameters: [
              { name: 'Authorization', in: 'header', required: true, schema: { type: 'string', minLength: 10 } },
              { name: 'content-type', in: 'header', required: true, schema: { type: 'string', enum: ['application/json'] } },
            ],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    });
    expect(parameterMutations(withAuth, withAuth.operations[0]!)).toEqual([]);
  });

  it('puts every out-of-schema value on the wire as a string that the parameter schema rejects', () => {
    const ajv = ajvFor({ coerceTypes: true });
    const valueMutations = mutations.filter((m) => !m.description.endsWith('required parameter missing'));
    expect(valueMutations.map((m) => m.description)).toEqual(
      expect.arrayContaining([
        'path.orderId: wrong type (expected integer)',
        'path.orderId: below minimum 1',
        'query.limit: above maximum 50',
        'query.sort: not one of the enum values',
        'header.X-Tenant: longer than maxLength 8',
        'query.labels: wrong type (expected array)',
      ]),
    );
    for (const mutation of valueMutations) {
      const [place, name] = mutation.description.split(':')[0]!.split('.') as [string, string];
      const parts = mutation.apply(base).parts;
      const bag = place === 'path' ? parts.path : place === 'query' ? parts.query : parts.headers;
      const value = bag[place === 'header' ? name.toLowerCase() : name];
      expect(typeof value, mutation.description).toBe('string');
      // As a server reads it: a string, coerced to the declared type.
      const holder = { value };
      const isValid = ajv.validate({ type: 'object', properties: { value: parameters[name]!.schema } }, holder);
      expect(isValid, `${mutation.description} sent ${JSON.stringify(value)}`).toBe(false);
    }
  });
});

describe('content-type mutation', () => {
  it('sends the valid JSON body under text/plain', () => {
    const mutation = bodyMutations(spec, operation).find((m) => m.description === 'body: valid JSON sent as text/plain')!;
    const applied = mutation.apply(base);
    expect(applied.parts.media?.mediaType).toBe('text/plain');
    expect(applied.parts.body).toEqual(base.body);
  });
});

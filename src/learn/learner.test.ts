import { describe, expect, it } from 'vitest';
import { Learner } from './learner.js';
import { toOpenApi } from './to-openapi.js';
import type { TrafficSample } from './types.js';

function sample(method: string, url: string, status: number, response?: unknown, options: { headers?: [string, string][]; body?: unknown; responseHeaders?: [string, string][] } = {}): TrafficSample {
  return {
    method,
    url: new URL(url, 'http://127.0.0.1:3000'),
    requestHeaders: options.headers ?? [],
    ...(options.body !== undefined ? { requestBody: { mediaType: 'application/json', text: JSON.stringify(options.body) } } : {}),
    status,
    responseHeaders: options.responseHeaders ?? [],
    ...(response !== undefined ? { responseBody: { mediaType: 'application/json', text: JSON.stringify(response) } } : {}),
  };
}

function learn(samples: TrafficSample[]) {
  const learner = new Learner();
  for (const s of samples) learner.add(s);
  return toOpenApi(learner.finish());
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Learner path templates', () => {
  it('templates integer, UUID and hex ids and names them after the collection', () => {
    const { document } = learn([
      sample('GET', '/orders/1', 200, { id: 1 }),
      sample('GET', '/orders/2', 200, { id: 2 }),
      sample('GET', '/orders/2/line-items/3f2504e0-4f89-11d3-9a0c-0305e82c3301', 200, {}),
      sample('GET', '/blobs/5f2b3c4d5e6f7a8b9c0d1e2f', 200, {}),
      sample('GET', '/orders/search', 200, []),
    ]);
    expect(Object.keys(document['paths'] as Json).sort()).toEqual(['/blobs/{blobId}', '/orders/search', '/orders/{orderId}', '/orders/{orderId}/line-items/{lineItemId}']);
    const get = (document['paths'] as Json)['/orders/{orderId}'].get;
    expect(get.parameters[0]).toMatchObject({ name: 'orderId', in: 'path', required: true, schema: { type: 'integer' } });
    expect(get['x-faultline-samples']).toBe(2);
    expect((document['paths'] as Json)['/orders/{orderId}/line-items/{lineItemId}'].get.parameters[1].schema).toEqual({ type: 'string', format: 'uuid' });
  });

  it('templates a word the API gave as an identifying value, and ten or more words in one place', () => {
    const users = ['alice', 'bob', 'carol'];
    const tags = Array.from({ length: 12 }, (_, i) => `tag${String.fromCharCode(97 + i)}`);
    const { document } = learn([
      ...users.map((name) => sample('GET', `/users/${name}`, 200, { username: name })),
      sample('GET', '/users', 200, users.map((username) => ({ username }))),
      ...tags.map((tag) => sample('GET', `/tags/${tag}/posts`, 200, [])),
      sample('GET', '/docs/latest', 200, {}),
      sample('GET', '/docs/current', 200, {}),
    ]);
    expect(Object.keys(document['paths'] as Json).sort()).toEqual(['/docs/current', '/docs/latest', '/tags/{tagId}/posts', '/users', '/users/{username}']);
    expect((document['paths'] as Json)['/users/{username}'].get['x-faultline-samples']).toBe(3);
  });
});

describe('Learner schemas', () => {
  it('merges bodies: required when in every sample, formats, nullable, arrays, small closed enums', () => {
    const orders = Array.from({ length: 9 }, (_, i) => ({
      id: i + 1,
      status: ['open', 'paid', 'shipped'][i % 3],
      createdAt: `2024-01-0${i + 1}T10:00:00Z`,
      email: `buyer${i}@shop.example`,
      website: 'https://shop.example/x',
      coupon: i % 2 === 0 ? null : 'SAVE10',
      items: [{ sku: `S-${i}`, qty: i + 1, price: 9.5 }],
      ...(i === 0 ? { note: 'gift' } : {}),
    }));
    const { document } = learn(orders.map((order) => sample('GET', `/orders/${order.id}`, 200, order)));
    const schema = (document['paths'] as Json)['/orders/{orderId}'].get.responses['200'].content['application/json'].schema;
    expect(schema.required).toEqual(['id', 'status', 'createdAt', 'email', 'website', 'coupon', 'items']);
    expect(schema.properties.status).toEqual({ type: 'string', enum: ['open', 'paid', 'shipped'] });
    expect(schema.properties.createdAt).toEqual({ type: 'string', format: 'date-time' });
    expect(schema.properties.email).toEqual({ type: 'string', format: 'email' });
    expect(schema.properties.website).toEqual({ type: 'string', format: 'uri' });
    expect(schema.properties.coupon).toEqual({ type: ['string', 'null'] });
    expect(schema.properties.note).toEqual({ type: 'string' });
    expect(schema.properties.items).toEqual({
      type: 'array',
      items: { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'integer' }, price: { type: 'number' } }, required: ['sku', 'qty', 'price'] },
    });
  });

  it('keeps one response per status, and query parameters with their types and required-ness', () => {
    const { document } = learn([
      sample('GET', '/products?page=1&q=shoe', 200, []),
      sample('GET', '/products?page=2', 200, []),
      sample('GET', '/products?page=x&tag=a&tag=b', 400, { error: 'bad page' }),
    ]);
    const get = (document['paths'] as Json)['/products'].get;
    expect(Object.keys(get.responses)).toEqual(['200', '400']);
    const byName = Object.fromEntries(get.parameters.map((p: Json) => [p.name, p]));
    expect(byName['page']).toMatchObject({ in: 'query', required: true, schema: { type: ['string', 'integer'] } });
    expect(byName['q']).toMatchObject({ required: false, schema: { type: 'string' } });
    expect(byName['tag']).toMatchObject({ schema: { type: 'array', items: { type: 'string' } } });
  });
});

describe('Learner security and redaction', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNlY3JldC12YWx1ZQ';
  const samples = [
    sample('POST', '/login', 200, { token: jwt, user: { email: 'alice@corp.example', phone: '+44 20 7946 0958', name: 'Alice Liddell' } }, { body: { username: 'alice', password: 'hunter2-very-secret' } }),
    sample('GET', '/me', 200, { id: 1 }, { headers: [['authorization', `Bearer ${jwt}`]] }),
    sample('GET', '/me', 401, { error: 'no' }),
    sample('GET', '/reports?api_key=k-123456789', 200, {}),
    sample('GET', '/keys', 200, { echo: 'xk-abcdef-0123' }, { headers: [['x-api-key', 'xk-abcdef-0123']] }),
    sample('GET', '/basket', 200, {}, { headers: [['cookie', 'theme=dark; sid=s3ss10n-v4lue-xyz']] }),
    sample('GET', '/admin', 200, {}, { headers: [['authorization', 'Basic YWRtaW46cGFzc3dvcmQ=']] }),
    sample('GET', '/public', 200, {}, { headers: [['authorization', `Bearer ${jwt}`]] }),
    sample('GET', '/public', 200, {}),
  ];

  it('describes bearer, basic, API key (header and query) and cookie schemes, and who needs them', () => {
    const { document } = learn(samples);
    expect((document['components'] as Json).securitySchemes).toEqual({
      apiKeyQuery: { type: 'apiKey', in: 'query', name: 'api_key' },
      basicAuth: { type: 'http', scheme: 'basic' },
      bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      sidCookie: { type: 'apiKey', in: 'cookie', name: 'sid' },
      xApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
    });
    const paths = document['paths'] as Json;
    expect(paths['/me'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(paths['/public'].get.security).toEqual([{ bearerAuth: [] }, {}]);
    expect(paths['/login'].post.security).toBeUndefined();
    expect(paths['/reports'].get.parameters).toBeUndefined();
  });

  it('never writes a credential value or personal data into the description', () => {
    const text = JSON.stringify(learn(samples).document);
    for (const secret of ['c2lnbmF0dXJlLXNlY3JldC12YWx1ZQ', 'hunter2-very-secret', 'k-123456789', 'xk-abcdef-0123', 's3ss10n-v4lue-xyz', 'YWRtaW46cGFzc3dvcmQ=', 'alice@corp.example', '7946', 'Alice Liddell']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('«redacted:');
  });
});

describe('Learner response headers', () => {
  it('documents the headers clients act on (cookies, redirects, limits), not transport ones', () => {
    const { document } = learn([
      sample('POST', '/login', 200, {}, { responseHeaders: [['set-cookie', 'sid=abc; HttpOnly'], ['date', 'x'], ['x-request-id', 'r1']] }),
      sample('POST', '/login', 200, {}, { responseHeaders: [['set-cookie', 'sid=def; HttpOnly'], ['date', 'x']] }),
    ]);
    expect((document['paths'] as Json)['/login'].post.responses['200'].headers).toEqual({ 'Set-Cookie': { required: true, schema: { type: 'string' } }, 'X-Request-Id': { schema: { type: 'string' } } });
  });
});

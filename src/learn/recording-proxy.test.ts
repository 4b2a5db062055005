import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { isFaultlineError } from '../core/errors.js';
import { HarWriter } from './har-writer.js';
import { learnFromHars } from './learn-har.js';
import { Learner } from './learner.js';
import { startRecordingProxy } from './recording-proxy.js';
import { toOpenApi, type LearntDescription } from './to-openapi.js';

// The fixture API: bearer-protected users, API-key orders, a cookie session, a gzip listing.
const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSJ9.Zml4dHVyZS1zaWduYXR1cmUtdmFsdWU';
const apiKey = 'fixture-api-key-9f8e7d6c';
const sessionId = 'fixture-session-0a1b2c3d4e';
const password = 'fixture-password-correct-horse';
const users = ['alice', 'bob', 'carol'].map((username, i) => ({ id: randomUUID(), username, email: `${username}@people.example`, createdAt: `2024-0${i + 1}-01T09:00:00Z` }));
const orders = Array.from({ length: 9 }, (_, i) => ({ id: 100 + i, status: ['open', 'paid', 'shipped'][i % 3]!, total: 10 + i * 2.5, coupon: i % 2 ? 'SAVE10' : null }));

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function fixtureApi(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://fixture');
  const body = await readBody(request);
  const [, first, second] = url.pathname.split('/');
  if (request.method === 'POST' && url.pathname === '/login') {
    const input = JSON.parse(body) as { username: string; password: string };
    if (input.password !== password) return send(response, 401, { error: 'wrong password' });
    return send(response, 200, { token: jwt, user: users[0] }, { 'set-cookie': `sid=${sessionId}; HttpOnly; Path=/` });
  }
  if (first === 'users') {
    if (request.headers.authorization !== `Bearer ${jwt}`) return send(response, 401, { error: 'sign in' });
    if (!second) return send(response, 200, users);
    const user = users.find((u) => u.username === second);
    return user ? send(response, 200, user) : send(response, 404, { error: 'no such user' });
  }
  if (first === 'orders') {
    if (request.headers['x-api-key'] !== apiKey) return send(response, 403, { error: 'api key' });
    if (!second) {
      const listed = orders.filter((o) => !url.searchParams.has('status') || o.status === url.searchParams.get('status'));
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(JSON.stringify(listed)));
      return;
    }
    const order = orders.find((o) => o.id === Number(second));
    return order ? send(response, 200, order) : send(response, 404, { error: 'no such order' });
  }
  if (url.pathname === '/basket') {
    return request.headers.cookie?.includes(`sid=${sessionId}`) ? send(response, 200, { items: [] }) : send(response, 401, { error: 'no session' });
  }
  send(response, 404, { error: 'not found' });
}

let api: Server;
let apiUrl: string;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-record-'));
  api = createServer((request, response) => void fixtureApi(request, response));
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => api.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** A client session against the proxy: sign in, browse users with the token, orders with the key, the basket with the cookie. */
async function browse(base: string): Promise<void> {
  const json = { 'content-type': 'application/json' };
  await fetch(`${base}/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'alice', password: 'wrong-guess' }) }).then((r) => r.text());
  const login = await fetch(`${base}/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'alice', password }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { token } = (await login.json()) as { token: string };
  const bearer = { authorization: `Bearer ${token}` };
  await fetch(`${base}/users`).then((r) => r.text());
  const listed = (await fetch(`${base}/users`, { headers: bearer }).then((r) => r.json())) as { username: string }[];
  for (const user of listed) await fetch(`${base}/users/${user.username}`, { headers: bearer }).then((r) => r.text());
  const key = { 'x-api-key': apiKey, 'accept-encoding': 'gzip' };
  for (const status of ['open', 'paid']) await fetch(`${base}/orders?status=${status}&page=1`, { headers: key }).then((r) => r.text());
  await fetch(`${base}/orders?page=2`, { headers: key }).then((r) => r.text());
  for (const order of orders) await fetch(`${base}/orders/${order.id}`, { headers: key }).then((r) => r.text());
  await fetch(`${base}/orders/999`, { headers: key }).then((r) => r.text());
  await fetch(`${base}/basket`, { headers: { cookie: `theme=dark; ${cookie}` } }).then((r) => r.text());
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function expectFixtureLearnt({ document }: LearntDescription): void {
  const paths = document['paths'] as Json;
  expect(Object.keys(paths).sort()).toEqual(['/basket', '/login', '/orders', '/orders/{orderId}', '/users', '/users/{username}']);
  expect(paths['/users/{username}'].get.parameters[0]).toMatchObject({ name: 'username', in: 'path', schema: { type: 'string' } });
  expect(paths['/orders/{orderId}'].get.parameters[0]).toMatchObject({ name: 'orderId', schema: { type: 'integer' } });
  expect(Object.keys(paths['/orders/{orderId}'].get.responses)).toEqual(['200', '404']);
  const order = paths['/orders/{orderId}'].get.responses['200'].content['application/json'].schema;
  expect(order).toEqual({
    type: 'object',
    properties: { id: { type: 'integer' }, status: { type: 'string', enum: ['open', 'paid', 'shipped'] }, total: { type: 'number' }, coupon: { type: ['string', 'null'] } },
    required: ['id', 'status', 'total', 'coupon'],
  });
  const user = paths['/users'].get.responses['200'].content['application/json'].schema.items;
  expect(user.properties).toEqual({ id: { type: 'string', format: 'uuid' }, username: { type: 'string' }, email: { type: 'string', format: 'email' }, createdAt: { type: 'string', format: 'date-time' } });
  const query = Object.fromEntries(paths['/orders'].get.parameters.map((p: Json) => [p.name, p]));
  expect(query['page']).toMatchObject({ required: true, schema: { type: 'integer' } });
  expect(query['status']).toMatchObject({ required: false, schema: { type: 'string' } });
  expect((document['components'] as Json).securitySchemes).toEqual({
    bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    sidCookie: { type: 'apiKey', in: 'cookie', name: 'sid' },
    xApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
  });
  expect(paths['/users/{username}'].get.security).toEqual([{ bearerAuth: [] }]);
  expect(paths['/orders'].get.security).toEqual([{ xApiKey: [] }]);
  expect(paths['/basket'].get.security).toEqual([{ sidCookie: [] }]);
}

function expectNoCredential(text: string): void {
  for (const secret of [jwt.split('.')[2]!, apiKey, sessionId, password]) expect(text).not.toContain(secret);
}

/** Descriptions are shared more widely than traffic: their examples lose personal data too. */
function expectNoCredentialOrPersonalData(text: string): void {
  expectNoCredential(text);
  expect(text).not.toContain('@people.example');
}

describe('recording proxy', () => {
  it('records a real client through the proxy; the description and the HAR it writes carry no credential', async () => {
    const learner = new Learner();
    const har = join(dir, 'fixture.har');
    const writer = new HarWriter(har);
    const proxy = await startRecordingProxy({
      listen: '127.0.0.1:0',
      upstream: apiUrl,
      onSample(sample, timing) {
        learner.add(sample);
        writer.add(sample, timing);
      },
    });
    try {
      await browse(proxy.url);
    } finally {
      await proxy.close();
      await writer.close();
    }
    expect(proxy.recorded()).toBe(21);
    const live = toOpenApi(learner.finish());
    expectFixtureLearnt(live);
    expectNoCredentialOrPersonalData(stringify(live.document));

    const harText = await readFile(har, 'utf8');
    expectNoCredential(harText);
    const fromHar = new Learner();
    await learnFromHars([har], fromHar);
    const learnt = toOpenApi(fromHar.finish());
    expectFixtureLearnt(learnt);
    expectNoCredentialOrPersonalData(stringify(learnt.document));
  });

  it('listens on loopback only', async () => {
    const error = await startRecordingProxy({ listen: '0.0.0.0:0', upstream: apiUrl, onSample: () => undefined }).catch((e: unknown) => e);
    expect(isFaultlineError(error) && error.toLine()).toMatch(/^--listen: the recording proxy listens on loopback only/);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import type { Role } from '../../types.js';
import { bearerRole, callerOf, securedSpec } from '../auth/auth-api.test-helper.js';
import { objectLevelAccess } from './object-level-access.js';
import { slugBlogSpec, startSlugBlog } from './slug-blog.test-helper.js';

const order = { type: 'object', properties: { id: { type: 'integer' }, item: { type: 'string' }, owner: { type: 'string' } } };
const product = { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } };
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }];
const create = (schema: object) => ({
  security: [{ oauth: ['write'] }],
  requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { item: { type: 'string' } } }, example: { item: 'cup', name: 'cup' } } } },
  responses: { '201': { description: 'created', content: { 'application/json': { schema } } } },
});
const read = (schema: object) => ({ parameters: idParam, responses: { '200': { description: 'ok', content: { 'application/json': { schema } } }, '404': { description: 'none' } } });
const spec = securedSpec({
  '/orders': { post: create(order) },
  '/orders/{id}': { get: read(order) },
  '/orders/{id}/invoice': { get: read({ type: 'object', properties: { total: { type: 'integer' } } }) },
  // A shared catalogue: anyone may read any product, and the spec says nothing about owners.
  '/products': { post: create(product) },
  '/products/{id}': { get: read(product) },
});

/** Orders belong to their creator; `isOrderChecked` says whether GET /orders/{id} enforces that. */
async function shop(isOrderChecked: boolean) {
  const records = new Map<number, { id: number; owner: string }>();
  const server = await startServer(async (request, response) => {
    const caller = await callerOf(request);
    if (!caller) return json(response, 401, { title: 'token required' });
    const [, collection, id, sub] = request.url!.split('/');
    if (request.method === 'POST') {
      const record = { id: records.size + 1, owner: caller.sub };
      records.set(record.id, record);
      return json(response, 201, collection === 'orders' ? { ...record, item: 'cup' } : { id: record.id, name: 'cup' });
    }
    const record = records.get(Number(id));
    const isOwnCheck = collection === 'orders' && (sub === 'invoice' || isOrderChecked);
    if (!record || (isOwnCheck && record.owner !== caller.sub && !caller.scopes.includes('admin'))) return json(response, 404, { title: 'no such record' });
    json(response, 200, sub === 'invoice' ? { total: 10 } : record);
  });
  close = server.close;
  return server;
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function roles(): Promise<Role[]> {
  return [await bearerRole('writer', ['read', 'write']), await bearerRole('reader', ['read']), await bearerRole('admin', ['admin', 'read', 'write'])];
}

describe('permissions.object-level-access', () => {
  it("reports a reader getting the writer's order, with the creation and the access as evidence", async () => {
    const server = await shop(false);
    const report = await auditWith([objectLevelAccess], spec, server.url, { roles: await roles() });
    const findings = findingsOf(report, 'permissions.object-level-access');
    expect(findings.map((f) => f.operation)).toEqual(['GET /orders/{id}']);
    expect(findings[0]).toMatchObject({ cause: 'permissions', severity: 'high', status: 200 });
    expect(findings[0]!.detail).toMatch(/^Role reader got 200 .* which role writer created; .*owner field 'owner'/);
    const [creation, access] = findings[0]!.evidence;
    expect(creation!.request.method).toBe('POST');
    expect(creation!.response!.status).toBe(201);
    const createdId = (JSON.parse(creation!.response!.body!) as { id: number }).id;
    expect(access!.request.url).toBe(`${server.url}/orders/${createdId}`);
    expect(access!.note).toBe('as role reader');
  });

  it('stays silent when other users get 404 and when the resource is not owned by anyone', async () => {
    const server = await shop(true);
    const report = await auditWith([objectLevelAccess], spec, server.url, { roles: await roles() });
    expect(findingsOf(report, 'permissions.object-level-access')).toEqual([]);
  });
});

describe('permissions.object-level-access on slug-addressed resources in an envelope', () => {
  async function authors(): Promise<Role[]> {
    return [await bearerRole('alice', ['read', 'write']), await bearerRole('bob', ['read', 'write'])];
  }

  it("reports one author changing and deleting another's post and comment, addressed by slug", async () => {
    const server = await startSlugBlog(false);
    close = server.close;
    const report = await auditWith([objectLevelAccess], slugBlogSpec, server.url, { roles: await authors() });
    const findings = findingsOf(report, 'permissions.object-level-access');
    expect(findings.map((f) => f.operation).sort()).toEqual(['DELETE /posts/{slug}', 'DELETE /posts/{slug}/comments/{id}', 'PUT /posts/{slug}']);
    for (const finding of findings) {
      expect(finding.detail).toMatch(/owner field 'author'/);
      // The slug, never the numeric id, fills {slug}.
      expect(finding.evidence[1]!.request.url).toMatch(/\/posts\/hello-x\d+/);
    }
  });

  it('stays silent when changes and deletions check the author', async () => {
    const server = await startSlugBlog(true);
    close = server.close;
    const report = await auditWith([objectLevelAccess], slugBlogSpec, server.url, { roles: await authors() });
    expect(findingsOf(report, 'permissions.object-level-access')).toEqual([]);
    // Silent because bob was refused, not because nothing was tried.
    expect(report.findings).toEqual([]);
  });
});

describe('permissions.object-level-access on listings', () => {
  const message = { type: 'object', properties: { id: { type: 'integer' }, text: { type: 'string' }, userId: { type: 'string' } } };
  const messagesSpec = securedSpec({
    '/messages': {
      get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: message } } } } } },
      post: { security: [{ oauth: ['write'] }], requestBody: { required: true, content: { 'application/json': { schema: message, example: { text: 'hi' } } } }, responses: { '201': { description: 'created', content: { 'application/json': { schema: message } } } } },
    },
    '/messages/{id}': { get: { parameters: idParam, responses: { '200': { description: 'ok', content: { 'application/json': { schema: message } } }, '403': { description: 'not yours' } } } },
  });

  /** Private messages: the item route checks the owner; `isListFiltered` says whether the listing does too. */
  async function messages(isListFiltered: boolean) {
    const records: { id: number; text: string; userId: string }[] = [];
    const server = await startServer(async (request, response) => {
      const caller = await callerOf(request);
      if (!caller) return json(response, 401, { title: 'token required' });
      const id = /^\/messages\/(\d+)$/.exec(request.url!)?.[1];
      if (request.method === 'POST') {
        const record = { id: records.length + 1, text: 'hi', userId: caller.sub };
        records.push(record);
        return json(response, 201, record);
      }
      if (id) {
        const record = records.find((r) => r.id === Number(id));
        if (!record) return json(response, 404, { title: 'none' });
        return record.userId === caller.sub ? json(response, 200, record) : json(response, 403, { title: 'not yours' });
      }
      json(response, 200, isListFiltered ? records.filter((r) => r.userId === caller.sub) : records);
    });
    close = server.close;
    return server;
  }

  const users = async () => [await bearerRole('alice', ['read', 'write']), await bearerRole('bob', ['read', 'write'])];

  it("reports a listing that shows another user's record whose direct read it refuses", async () => {
    const server = await messages(false);
    const findings = findingsOf(await auditWith([objectLevelAccess], messagesSpec, server.url, { roles: await users() }), 'permissions.object-level-access');
    expect(findings.map((f) => f.operation)).toEqual(['GET /messages']);
    expect(findings[0]!.detail).toMatch(/^Role (alice|bob)'s GET \/messages lists the record \d+ that role (alice|bob) created, although reading that record directly answered 403/);
    expect(findings[0]!.evidence.map((e) => e.note)).toEqual([expect.stringMatching(/^created by role/), expect.stringMatching(/^read refused to role/), expect.stringMatching(/^listed to role/)]);
  });

  it('stays silent when the listing holds only the caller’s own records', async () => {
    const server = await messages(true);
    expect(findingsOf(await auditWith([objectLevelAccess], messagesSpec, server.url, { roles: await users() }), 'permissions.object-level-access')).toEqual([]);
  });
});

import { securedSpec, callerOf } from '../auth/auth-api.test-helper.js';
import { json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';

const slugParam = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
const post = { type: 'object', properties: { post: { type: 'object', properties: { id: { type: 'integer' }, slug: { type: 'string' }, title: { type: 'string' }, author: { type: 'object', properties: { username: { type: 'string' } } } } } } };
const comment = { type: 'object', properties: { comment: { type: 'object', properties: { id: { type: 'integer' }, body: { type: 'string' }, author: { type: 'object', properties: { username: { type: 'string' } } } } } } };
const write = (schema: object, status = '200') => ({
  security: [{ oauth: ['write'] }],
  responses: { [status]: { description: 'ok', content: { 'application/json': { schema } } }, '403': { description: 'not yours' }, '404': { description: 'none' } },
});
const withBody = (schema: object, status: string, example: object) => ({
  ...write(schema, status),
  requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { title: { type: 'string' }, body: { type: 'string' } } }, example } } },
});

/**
 * A blog in the RealWorld style: posts addressed by a slug and wrapped in `{ "post": {...} }`, comments
 * nested under them and wrapped in `{ "comment": {...} }`, each owned by its author. Reads are public.
 */
export const slugBlogSpec = securedSpec({
  '/posts': { post: withBody(post, '201', { title: 'Hello' }) },
  '/posts/{slug}': {
    parameters: [slugParam],
    get: { security: [], responses: { '200': { description: 'ok', content: { 'application/json': { schema: post } } }, '404': { description: 'none' } } },
    put: withBody(post, '200', { title: 'Changed' }),
    delete: { ...write({ type: 'object' }), responses: { '204': { description: 'gone' }, '403': { description: 'not yours' }, '404': { description: 'none' } } },
  },
  '/posts/{slug}/comments': { parameters: [slugParam], post: withBody(comment, '201', { body: 'Nice' }) },
  '/posts/{slug}/comments/{id}': {
    parameters: [slugParam, idParam],
    delete: { ...write({ type: 'object' }), responses: { '204': { description: 'gone' }, '403': { description: 'not yours' }, '404': { description: 'none' } } },
  },
});

/** The blog's server; `isOwnershipChecked` says whether changes and deletions check the author. */
export async function startSlugBlog(isOwnershipChecked: boolean) {
  const posts = new Map<string, { id: number; slug: string; title: string; author: string; comments: Map<number, { id: number; body: string; author: string }> }>();
  let next = 10;
  return startServer(async (request, response) => {
    const url = new URL(request.url!, 'http://blog');
    const [, collection, slug, sub, id] = url.pathname.split('/');
    if (collection !== 'posts') return void json(response, 404, { message: 'not found' });
    const caller = await callerOf(request);
    const body = (() => {
      try {
        return JSON.parse(request.body || '{}') as { title?: string; body?: string };
      } catch {
        return {};
      }
    })();
    const record = slug ? posts.get(decodeURIComponent(slug)) : undefined;
    const view = (p: NonNullable<typeof record>) => ({ post: { id: p.id, slug: p.slug, title: p.title, author: { username: p.author } } });
    if (request.method === 'GET' && record && !sub) return void json(response, 200, view(record));
    if (!caller) return void json(response, 401, { message: 'token required' });
    if (request.method === 'POST' && !slug) {
      const created = { id: ++next, slug: `hello-x${next}`, title: String(body.title ?? 'untitled'), author: caller.sub, comments: new Map() };
      posts.set(created.slug, created);
      return void json(response, 201, view(created));
    }
    if (!record) return void json(response, 404, { message: 'no such post' });
    if (sub === 'comments') {
      if (request.method === 'POST' && !id) {
        const created = { id: ++next, body: String(body.body ?? ''), author: caller.sub };
        record.comments.set(created.id, created);
        return void json(response, 201, { comment: { ...created, author: { username: created.author } } });
      }
      const found = record.comments.get(Number(id));
      if (!found) return void json(response, 404, { message: 'no such comment' });
      if (isOwnershipChecked && found.author !== caller.sub) return void json(response, 403, { message: 'not yours' });
      record.comments.delete(found.id);
      response.writeHead(204).end();
      return;
    }
    if (isOwnershipChecked && record.author !== caller.sub) return void json(response, 403, { message: 'not yours' });
    if (request.method === 'PUT') {
      record.title = String(body.title ?? record.title);
      return void json(response, 200, view(record));
    }
    if (request.method === 'DELETE') {
      posts.delete(record.slug);
      response.writeHead(204).end();
      return;
    }
    json(response, 405, { message: 'method not allowed' });
  });
}

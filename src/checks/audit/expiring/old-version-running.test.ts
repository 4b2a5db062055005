import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { runWith } from '../../../engine/audit/audit-run.test-helper.js';
import { oldVersionRunning } from './old-version-running.js';

const ok = { '200': { description: 'ok' } };
const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' }, example: 'hello' };
const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '3' },
  paths: {
    '/v3/articles': { get: { responses: ok } },
    '/v3/articles/{slug}': { get: { parameters: [slug], responses: ok } },
    '/v3/tags': { get: { responses: ok } },
    '/v3/authors': { get: { responses: ok } },
    '/v3/docs/v2': { get: { responses: ok } },
  },
};

type Answer = readonly [number, Record<string, string>?];

/** `/v3/...` answers 200; `answerOf` decides what an older version ('v2', 'v1') or the unversioned path ('') answers. */
async function findingsFor(answerOf: (version: string) => Answer) {
  const server = await startServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    const match = /^\/(v\d+\/)?(articles|tags|authors)(\/[\w-]+)?$/.exec(path);
    if (!match) return json(response, 404, { message: 'Not found' });
    const version = (match[1] ?? '').replace('/', '');
    const [status, headers = {}] = version === 'v3' ? ([200] as const) : answerOf(version);
    return json(response, status, status < 300 ? { articles: [] } : { message: 'gone' }, headers);
  });
  close = server.close;
  return findingsOf(await auditWith([oldVersionRunning], spec, server.url), 'expiring.old-version-running');
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('expiring.old-version-running', () => {
  it('reports /v2 answering 2xx without Deprecation and unversioned routes answering 410 without Sunset or Link, with curl', async () => {
    const findings = await findingsFor((version) => (version === 'v2' ? [200] : version === '' ? [410] : [404]));
    expect(findings.map((f) => [f.title, f.operation, f.severity, f.status])).toEqual([
      ['Old version v2 still answers without Deprecation or Sunset headers', null, 'medium', 200],
      ['The unversioned path answers 410 without a Sunset date or a Link to its successor', null, 'low', 410],
    ]);
    expect(findings[0]).toMatchObject({ cause: 'expiring-apis' });
    expect(findings[0]!.detail).toContain('GET /v2/tags answered 200 (documented: GET /v3/tags)');
    expect(findings[0]!.detail).toContain('GET /v2/authors answered 200 (documented: GET /v3/authors)');
    expect(findings[0]!.evidence[0]!.curl).toMatch(/curl .*\/v2\/tags/);
    expect(findings[1]!.detail).toContain('GET /tags answered 410');
  });

  it('fills path parameters from the spec\'s examples', async () => {
    const server = await startServer((request, response) => json(response, request.url === '/v1/articles/hello' ? 200 : 404, {}));
    close = server.close;
    const itemOnly = { ...spec, paths: { '/v2/articles/{slug}': spec.paths['/v3/articles/{slug}'] } };
    const findings = findingsOf(await auditWith([oldVersionRunning], itemOnly, server.url), 'expiring.old-version-running');
    expect(findings.map((f) => f.detail)).toEqual([expect.stringContaining('GET /v1/articles/hello answered 200 (documented: GET /v2/articles/{slug})')]);
  });

  it('reports unversioned routes that still answer 2xx', async () => {
    const findings = await findingsFor((version) => (version === '' ? [200] : [404]));
    expect(findings.map((f) => f.title)).toEqual(['The unversioned path still answers without Deprecation or Sunset headers']);
  });

  it('sends a handful of probes: earlier versions and none for three paths, the version segment only where a resource follows', async () => {
    const server = await startServer((_request, response) => json(response, 404, { message: 'Not found' }));
    close = server.close;
    const { report, events } = await runWith(spec, server.url, { checks: [oldVersionRunning] });
    expect(findingsOf(report, 'expiring.old-version-running')).toEqual([]);
    const sent = events.filter((e) => e.type === 'request' && e.phase === 'expiring.old-version-running');
    // GET / and one unknown path, then v2, v1 and none for three operations.
    expect(sent).toHaveLength(2 + 3 * 3);
  });

  it('stays silent for old versions that announce their end, are removed with 404, or are gone with a Sunset or a Link', async () => {
    const deprecated = { deprecation: '@1700000000', sunset: 'Wed, 31 Dec 2031 23:59:59 GMT' };
    expect(await findingsFor((version) => (version === 'v2' ? [200, deprecated] : [404]))).toEqual([]);
    await close?.();
    expect(await findingsFor((version) => (version === 'v2' ? [410, { sunset: 'Mon, 01 Jan 2024 00:00:00 GMT' }] : [410, { link: '</v3/articles>; rel="successor-version"' }]))).toEqual([]);
  });
});

// Cross-layer: whole audits against fixture APIs shaped like the real ones the audit used to miss
// (issue 12). Each asserts from both sides: the API's own log of what it was sent, and the report's
// coverage entries and findings.
import { afterEach, describe, expect, it } from 'vitest';
import { invalidInputAccepted } from '../src/checks/audit/conformance/invalid-input-accepted.js';
import { serverError } from '../src/checks/audit/conformance/server-error.js';
import { allChecks } from '../src/checks/registry.js';
import type { CoverageEntry } from '../src/core/coverage.js';
import type { Report } from '../src/core/finding.js';
import type { EngineEvent } from '../src/engine/events.js';
import { runWith } from '../src/engine/audit/audit-run.test-helper.js';
import { calcPeopleSpec, startCalcPeople } from './fixtures/servers/calc-people.js';
import { deadExportSpec, mostlyMissingSpec, startDeadExport } from './fixtures/servers/dead-export.js';
import { looseItemsSpec, startLooseItems } from './fixtures/servers/loose-items.js';
import type { FixtureServer } from './fixtures/servers/router.js';
import { slugPostsSpec, startSlugPosts } from './fixtures/servers/slug-posts.js';

/** The coverage entries, cut to what these tests judge, so a failure prints them whole. */
function coverageOf(report: Report): Pick<CoverageEntry, 'operation' | 'requests' | 'reached' | 'reason' | 'stopped'>[] {
  return (report.coverage ?? []).map(({ operation, requests, reached, reason, stopped }) => ({ operation, requests, reached, reason, stopped }));
}

function entryFor(report: Report, operation: string) {
  return coverageOf(report).find((entry) => entry.operation === operation);
}

/** Findings of one check as `operation status`, sorted, so a failure shows every one of them. */
function found(report: Report, check: string): string[] {
  return report.findings.filter((f) => f.check === check).map((f) => `${f.operation} ${f.status}`).sort();
}

function requestsIn(events: readonly EngineEvent[], phase: string, operation: string): number {
  return events.filter((e) => e.type === 'request' && e.phase === phase && e.operation === operation).length;
}

/** The operation keys of a spec, 'METHOD /path'. */
function operationsOf(spec: { paths: Record<string, Record<string, unknown>> }): string[] {
  const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
  return Object.entries(spec.paths).flatMap(([path, item]) => Object.keys(item).filter((m) => methods.includes(m)).map((m) => `${m.toUpperCase()} ${path}`));
}

/** Requests the API got for an operation, checks' probes and load included, matched on its path template. */
function seenFor(api: FixtureServer, operation: string): number {
  const [method, template] = operation.split(' ') as [string, string];
  const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
  return api.seen.filter((r) => r.method === method && pattern.test(r.path)).length;
}

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('audit reach (issue 12)', () => {
  it('never sends an empty path segment to a Swagger 2.0 API of string path parameters, reaches every operation, and finds the crash behind a real name', async () => {
    const api = await startCalcPeople();
    server = api;
    const { report } = await runWith(calcPeopleSpec, server.url, { checks: [serverError], maxRequests: 400 });

    expect(server.seen.filter((r) => r.path.includes('//')).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    // Followed someone the API knows: only a name learnt from the create gets there.
    expect([...api.people.values()].some((person) => person.followers > 0)).toBe(true);
    expect(found(report, 'conformance.server-error')).toEqual(['POST /people/{name}/follow 500']);
    const operations = operationsOf(calcPeopleSpec);
    expect(coverageOf(report).map((e) => e.operation).sort()).toEqual([...operations].sort());
    expect(coverageOf(report).filter((e) => !e.reached)).toEqual([]);
    expect(report.stats['operationsReached']).toBe(operations.length);
  });

  it('learns a slug from a wrapped create and uses it, not the numeric id, for every nested operation', async () => {
    server = await startSlugPosts();
    const { report } = await runWith(slugPostsSpec, server.url, { checks: [serverError], maxRequests: 500 });

    const underPost = server.seen.filter((r) => /^\/posts\/[^/]+/.test(r.path));
    expect(underPost.filter((r) => /^\/posts\/11(\/|$)/.test(r.path)).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    for (const [method, pattern] of [
      ['GET', /^\/posts\/hello-x\d+$/],
      ['PUT', /^\/posts\/hello-x\d+$/],
      ['DELETE', /^\/posts\/hello-x\d+$/],
      ['GET', /^\/posts\/hello-x\d+\/comments$/],
      ['POST', /^\/posts\/hello-x\d+\/comments$/],
      ['GET', /^\/posts\/hello-x\d+\/comments\/\d+$/],
      ['DELETE', /^\/posts\/hello-x\d+\/comments\/\d+$/],
    ] as const) {
      expect(underPost.some((r) => r.method === method && pattern.test(r.path)), `${method} ${pattern}`).toBe(true);
    }
    // The 500 needs a real post: an unknown slug answers 404 before the title is looked at.
    expect(found(report, 'conformance.server-error')).toEqual(['PUT /posts/{slug} 500']);
    expect(coverageOf(report).filter((e) => !e.reached)).toEqual([]);
    expect(coverageOf(report)).toHaveLength(operationsOf(slugPostsSpec).length);
  });

  it('fuzzes the path and query parameters of operations without a body and finds what their handlers accept and where they crash', async () => {
    server = await startLooseItems();
    const { report, events } = await runWith(looseItemsSpec, server.url, { checks: [serverError, invalidInputAccepted], maxRequests: 400 });

    expect(requestsIn(events, 'fuzz', 'GET /items')).toBeGreaterThan(0);
    expect(requestsIn(events, 'fuzz', 'GET /items/{id}')).toBeGreaterThan(0);
    expect(found(report, 'conformance.invalid-input-accepted')).toContain('GET /items 200');
    expect(found(report, 'conformance.server-error')).toEqual(['GET /items/{id} 500']);
    // The item reads are reached with an id the listing showed, not only crashed with a bad one.
    expect(entryFor(report, 'GET /items/{id}')).toMatchObject({ reached: true });
    expect(entryFor(report, 'GET /items')).toMatchObject({ reached: true });
  });

  it('stops sending to operations that answer only 404, says why, and still reaches the others', async () => {
    server = await startDeadExport();
    const { report, events } = await runWith(deadExportSpec, server.url, { checks: allChecks, maxRequests: 600 });

    const phases = ['examples', 'reach', 'negative', 'fuzz', 'explore'];
    for (const method of ['POST', 'GET']) {
      const operation = `${method} /reports/{id}/export`;
      // Everything the API got for it, checks' probes included: a body to fuzz used to draw a hundred and more.
      const sent = seenFor(server, operation);
      expect(sent, operation).toBeLessThanOrEqual(10);
      expect(events.filter((e) => e.type === 'request' && e.operation === operation && phases.includes(e.phase)).length, operation).toBeLessThanOrEqual(6);
      expect(entryFor(report, operation), operation).toMatchObject({ requests: sent, reached: false, reason: 'not-found', stopped: true });
      expect(report.notes.some((n) => n.startsWith(`stopped sending to ${operation} after`)), operation).toBe(true);
    }
    for (const operation of ['GET /reports', 'POST /reports', 'GET /reports/{id}']) expect(entryFor(report, operation), operation).toMatchObject({ reached: true });
  });

  it('counts in each coverage entry every request the API got for the operation, the load half of a burst included', async () => {
    server = await startDeadExport();
    const { report } = await runWith(deadExportSpec, server.url, { checks: allChecks, maxRequests: 600 });

    const api = server;
    const operations = operationsOf(deadExportSpec);
    expect(coverageOf(report).map((e) => [e.operation, e.requests])).toEqual(operations.map((operation) => [operation, seenFor(api, operation)]));
  });

  // Saturated, the run leaves the rest of a large budget rather than burn it on requests that find nothing.
  it.each([
    [1500, 'nothing new appeared in the last three rounds', 400],
    [240, 'its share of the budget was spent', 240],
  ])('spends the budget left after the fixed phases on exploring (budget %i), and says it stopped because %s', async (maxRequests, why, maxSent) => {
    server = await startLooseItems();
    const { report, events } = await runWith(looseItemsSpec, server.url, { checks: [serverError], maxRequests });

    const explored = events.find((e): e is Extract<EngineEvent, { type: 'phase-finished' }> => e.type === 'phase-finished' && e.phase === 'explore');
    expect(explored?.requests ?? 0).toBeGreaterThan(0);
    const note = report.notes.find((n) => n.startsWith('explored for '));
    expect(note).toMatch(/^explored for \d+ rounds? \(\d+ requests\) until /);
    expect(note).toContain(`(${explored!.requests} requests) until ${why}`);
    expect(report.stats['requests']).toBeLessThanOrEqual(maxSent);
  });

  it('does not say the budget was spent when exploring had nothing to send', async () => {
    server = await startDeadExport();
    // One operation without parameters or body: reached at once, and nothing to fuzz or retry.
    const listOnly = { ...deadExportSpec, paths: { '/reports': { get: deadExportSpec.paths['/reports'].get } } };
    const { report } = await runWith(listOnly, server.url, { checks: [serverError], maxRequests: 1000 });

    expect(report.stats['requests']).toBeLessThan(10);
    expect(report.notes.filter((n) => /budget/.test(n))).toEqual([]);
  });

  it('puts the low-coverage warning first when fewer than half of the operations were reached', async () => {
    server = await startDeadExport();
    const { report } = await runWith(mostlyMissingSpec, server.url, { checks: [serverError], maxRequests: 400 });

    expect(report.notes[0]).toMatch(/^Low coverage: the audit reached 3 of 9 operations with a 2xx/);
    expect(coverageOf(report).filter((e) => e.reached).map((e) => e.operation).sort()).toEqual(['GET /reports', 'GET /reports/{id}', 'POST /reports']);
  });
});

describe('a login reached with the account a registration created', () => {
  const credentials = { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string', format: 'email' }, password: { type: 'string', minLength: 6 } } };
  const body = { required: true, content: { 'application/json': { schema: credentials } } };
  const spec = {
    openapi: '3.0.3',
    info: { title: 'accounts', version: '1' },
    paths: {
      '/login': { post: { requestBody: body, responses: { '200': { description: 'signed in' }, '401': { description: 'wrong email or password' } } } },
      '/register': { post: { requestBody: body, responses: { '201': { description: 'registered' }, '400': { description: 'bad input' } } } },
    },
  };

  it('signs in with the email and password a successful registration sent', async () => {
    const accounts = new Map<string, string>();
    const { startServer, json } = await import('../src/engine/audit/audit-harness.test-helper.js');
    const server = await startServer((request, response) => {
      let sent: { email?: unknown; password?: unknown } = {};
      try {
        sent = JSON.parse(request.body) as typeof sent;
      } catch {
        return json(response, 400, { message: 'bad json' });
      }
      if (typeof sent.email !== 'string' || typeof sent.password !== 'string') return json(response, 400, { message: 'email and password required' });
      if (request.url === '/register') {
        accounts.set(sent.email, sent.password);
        return json(response, 201, { accessToken: 'x' });
      }
      return accounts.get(sent.email) === sent.password ? json(response, 200, { accessToken: 'y' }) : json(response, 401, { message: 'Cannot find user' });
    });
    try {
      const { report } = await runWith(spec, server.url, { maxRequests: 600 });
      expect(report.coverage?.find((c) => c.operation === 'POST /login')).toMatchObject({ reached: true });
    } finally {
      await server.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { specFromObject, specFromText } from '../spec/load.js';
import { defineDiffCheck } from './define.js';
import { allDiffChecks } from './registry.js';
import { runDiff, suggestedBump } from './run-diff.js';

const now = new Date('2026-01-01T00:00:00Z');
const ok = { '200': { description: 'ok' } };

function doc(paths: Record<string, unknown>, extra: Record<string, unknown> = {}, version = '1.0.0') {
  return { openapi: '3.0.3', info: { title: 'Shop', version }, paths, ...extra };
}

const userSchema = (props: Record<string, unknown>) => ({ components: { schemas: { User: { type: 'object', properties: props } } } });
const usersApi = (props: Record<string, unknown>, version = '1.0.0') => doc(
  {
    '/users': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/User' } } } } } } } },
    '/users/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } } } } },
  },
  userSchema(props),
  version,
);

describe('runDiff', () => {
  it('finds nothing when a description is compared with itself, and suggests a patch', () => {
    const text = JSON.stringify(usersApi({ id: { type: 'string' } }), null, 2);
    const report = runDiff(specFromText(text, 'a.json'), specFromText(text, 'b.json'), { now });
    expect(report.kind).toBe('diff');
    expect(report.findings).toEqual([]);
    expect(report.stats).toMatchObject({ breaking: 0, warning: 0, info: 0, bump: 0, operationsPaired: 2 });
    expect(suggestedBump(report)).toBe('patch');
    expect(report.notes[0]).toBe('suggested version bump: patch');
  });

  it('reports a change to a shared component once, listing every operation that returns it', () => {
    const report = runDiff(
      specFromObject(usersApi({ id: { type: 'string' }, email: { type: 'string' } }), 'old.json'),
      specFromObject(usersApi({ id: { type: 'string' } }), 'new.json'),
      { now },
    );
    const removed = report.findings.filter((f) => f.check === 'diff.response-property-removed');
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ operation: 'GET /users', count: 2, severity: 'high', cause: 'expiring-apis' });
    expect(removed[0]!.detail).toContain('also in 1 other operation: GET /users/{id}');
    expect(removed[0]!.detail).toContain('old: /components/schemas/User/properties/email  new: —');
    // Gone from NEW, so the finding points at the object it used to hang from, with its line.
    expect(removed[0]!.location).toMatchObject({ file: 'new.json', pointer: '/components/schemas/User' });
    expect(removed[0]!.location?.line).toBeGreaterThan(1);
    expect(suggestedBump(report)).toBe('major');
  });

  it('locates a changed element in NEW and names both pointers', () => {
    const report = runDiff(
      specFromObject(usersApi({ id: { type: 'string', maxLength: 10 } }), 'old.json'),
      specFromObject(usersApi({ id: { type: 'string', maxLength: 20 } }), 'new.json'),
      { now },
    );
    const [widened] = report.findings.filter((f) => f.check === 'diff.response-constraint-widened');
    expect(widened?.location?.pointer).toBe('/components/schemas/User/properties/id/maxLength');
    expect(widened?.detail).toContain('old: /components/schemas/User/properties/id/maxLength  new: /components/schemas/User/properties/id/maxLength');
  });

  it('suggests a minor bump for additions only and says when a breaking change keeps the major version', () => {
    const minor = runDiff(specFromObject(doc({})), specFromObject(doc({ '/new': { get: { responses: ok } } })), { now });
    expect(suggestedBump(minor)).toBe('minor');
    expect(minor.stats['bump']).toBe(1);
    const major = runDiff(specFromObject(doc({ '/old': { get: { responses: ok } } })), specFromObject(doc({}, {}, '1.1.0')), { now });
    expect(major.notes).toContain('info.version went from 1.0.0 to 1.1.0, but the breaking changes call for a new major version');
  });

  it('maps levels to severities: breaking → high, warning → medium, info → info', () => {
    const old = doc({ '/a': { get: { operationId: 'a', responses: ok } }, '/b': { get: { operationId: 'b', responses: ok } } });
    const now2 = doc({ '/a': { get: { operationId: 'a2', responses: ok } }, '/c': { get: { responses: ok } } });
    const report = runDiff(specFromObject(old), specFromObject(now2), { now });
    const severities = Object.fromEntries(report.findings.map((f) => [f.check, f.severity]));
    expect(severities).toMatchObject({ 'diff.operation-removed': 'high', 'diff.operation-id-changed': 'medium', 'diff.operation-added': 'info' });
    expect(report.stats).toMatchObject({ breaking: 1, warning: 1, info: 1 });
  });

  it('keeps going when one check crashes and says so in the notes', () => {
    const broken = defineDiffCheck({
      id: 'diff.broken', cause: 'expiring-apis', level: 'info', summary: 'A check that throws', remedy: 'Fix the check that throws.',
      *run() {
        throw new Error('boom');
      },
    });
    const report = runDiff(specFromObject(doc({})), specFromObject(doc({ '/x': { get: { responses: ok } } })), { now, checks: [broken, ...allDiffChecks] });
    expect(report.notes).toContain('check diff.broken crashed: boom');
    expect(report.findings.map((f) => f.check)).toEqual(['diff.operation-added']);
  });

  it('compares a Swagger 2.0 OLD with an OpenAPI 3 NEW through the common model', () => {
    const swagger = { swagger: '2.0', info: { title: 'S', version: '1' }, paths: { '/items': { get: { parameters: [{ name: 'limit', in: 'query', type: 'integer', maximum: 100 }], responses: ok } } } };
    const openapi = doc({ '/items': { get: { parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', maximum: 50 } }], responses: ok } } });
    const report = runDiff(specFromObject(swagger, 'v1.json'), specFromObject(openapi, 'v2.json'), { now });
    expect(report.findings.map((f) => f.check)).toContain('diff.request-max-decreased');
  });
});

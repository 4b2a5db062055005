import { describe, expect, it } from 'vitest';
import { pathParameterRenamed } from './path-parameter-renamed.js';
import { runCheck, api, ok } from './diff-check.test-helper.js';

describe('diff.path-parameter-renamed', () => {
  it('pairs /users/{id} with /users/{userId} and reports the rename as info', () => {
    const findings = runCheck(pathParameterRenamed, api({ '/users/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } } }), api({ '/users/{userId}': { get: { parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.path-parameter-renamed', cause: 'expiring-apis', severity: 'info', operation: 'GET /users/{userId}' });
    expect(findings[0]!.detail).toContain('{id} → {userId}');
  });
  it('stays silent when the template is unchanged', () => {
    expect(runCheck(pathParameterRenamed, api({ '/users/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } } }), api({ '/users/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } } }))).toEqual([]);
  });
});

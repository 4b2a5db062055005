import { describe, expect, it } from 'vitest';
import { unresolvedRef } from './unresolved-ref.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.unresolved-ref', () => {
  it('fires on a schema $ref that leads nowhere and names its operation', async () => {
    const drafts = await runLintCheck(unresolvedRef, baseSpec({
      paths: { '/users': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Usr' } } } } } } } },
      components: { schemas: { User: { type: 'object' } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /users', pointer: '/paths/~1users/get/responses/200/content/application~1json/schema/$ref' });
    expect(drafts[0]!.detail).toContain('#/components/schemas/Usr');
  });

  it('reports a dangling ref inside a component with no operation', async () => {
    const drafts = await runLintCheck(unresolvedRef, baseSpec({ components: { schemas: { User: { type: 'object', properties: { team: { $ref: '#/components/schemas/Team' } } } } } }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/components/schemas/User/properties/team/$ref' });
  });

  it('stays silent when every $ref resolves', async () => {
    const drafts = await runLintCheck(unresolvedRef, baseSpec({
      paths: { '/users': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } } } } } },
      components: { schemas: { User: { type: 'object' } } },
    }));
    expect(drafts).toEqual([]);
  });
});

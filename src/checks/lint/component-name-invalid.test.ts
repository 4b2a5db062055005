import { describe, expect, it } from 'vitest';
import { componentNameInvalid } from './component-name-invalid.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.component-name-invalid', () => {
  it('fires on a schema name with a space', async () => {
    expect(await runLintCheck(componentNameInvalid, baseSpec({ components: { schemas: { 'Order Item': { type: 'object' } } } }))).toEqual([
      expect.objectContaining({ pointer: '/components/schemas/Order Item' }),
    ]);
  });

  it('stays silent on names made of allowed characters', async () => {
    expect(await runLintCheck(componentNameInvalid, baseSpec({ components: { schemas: { 'order-item_v1.2': { type: 'object' } } } }))).toEqual([]);
  });
});

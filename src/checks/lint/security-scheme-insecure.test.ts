import { describe, expect, it } from 'vitest';
import { securitySchemeInsecure } from './security-scheme-insecure.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.security-scheme-insecure', () => {
  it('fires on HTTP digest', async () => {
    expect(await runLintCheck(securitySchemeInsecure, baseSpec({ components: { securitySchemes: { d: { type: 'http', scheme: 'Digest' } } } }))).toEqual([
      expect.objectContaining({ pointer: '/components/securitySchemes/d' }),
    ]);
  });

  it('stays silent on bearer tokens', async () => {
    expect(await runLintCheck(securitySchemeInsecure, baseSpec({ components: { securitySchemes: { b: { type: 'http', scheme: 'bearer' } } } }))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { closest } from './did-you-mean.js';

describe('closest', () => {
  it('suggests the candidate one typo away', () => {
    expect(closest('permisions', ['permissions', 'bad-urls', 'expiring-apis'])).toBe('permissions');
  });

  it('ignores case when measuring but returns the candidate as written', () => {
    expect(closest('BAD-URLS', ['bad-urls', 'permissions'])).toBe('bad-urls');
  });

  it('suggests nothing when every candidate is far away', () => {
    expect(closest('zzzzzz', ['permissions', 'bad-urls'])).toBeUndefined();
  });

  it('suggests nothing when there are no candidates', () => {
    expect(closest('anything', [])).toBeUndefined();
  });

  it('allows more edits for longer names (a third of the length) and at least two for short ones', () => {
    // 'ab' → 'xy' is two edits: allowed for a short name.
    expect(closest('ab', ['xy'])).toBe('xy');
    expect(closest('ab', ['xyz'])).toBeUndefined();
    // 13 characters: up to 4 edits ('alg-' inserted), but not 5 for a 12-character name ('-alg-').
    expect(closest('auth.jwt-none', ['auth.jwt-alg-none'])).toBe('auth.jwt-alg-none');
    expect(closest('auth.jwtnone', ['auth.jwt-alg-none'])).toBeUndefined();
  });

  it('picks the nearest of several plausible candidates', () => {
    expect(closest('lint.opration-id', ['lint.operation-ids', 'lint.operation-id'])).toBe('lint.operation-id');
  });
});

import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../core/errors.js';
import { defineCheck } from '../checks/define.js';
import type { AnyCheck } from '../checks/types.js';
import { selectChecks } from './select.js';

function check(id: `${string}.${string}`, cause: AnyCheck['cause']): AnyCheck {
  return defineCheck({ id, cause, kind: 'lint', severity: 'low', summary: id, explanation: 'x', remedy: 'x', *run() {} });
}

const checks = [
  check('lint.operation-description', 'poor-design-docs'),
  check('lint.operation-id', 'poor-design-docs'),
  check('auth.no-credentials', 'unsecured-endpoints'),
  check('urls.not-found', 'bad-urls'),
];
const ids = (selected: AnyCheck[]) => selected.map((c) => c.id);

describe('selectChecks', () => {
  it('keeps every check when nothing is selected', () => {
    expect(ids(selectChecks(checks, {}))).toEqual(ids(checks));
  });

  it('keeps only the named checks', () => {
    expect(ids(selectChecks(checks, { only: ['lint.operation-id', 'urls.not-found'] }))).toEqual(['lint.operation-id', 'urls.not-found']);
  });

  it('keeps every check of a named cause', () => {
    expect(ids(selectChecks(checks, { only: ['poor-design-docs'] }))).toEqual(['lint.operation-description', 'lint.operation-id']);
  });

  it('reads comma-separated lists and trims the names', () => {
    expect(ids(selectChecks(checks, { only: ['bad-urls, auth.no-credentials'] }))).toEqual(['auth.no-credentials', 'urls.not-found']);
  });

  it('drops skipped checks and causes, also from an --only selection', () => {
    expect(ids(selectChecks(checks, { skip: ['poor-design-docs'] }))).toEqual(['auth.no-credentials', 'urls.not-found']);
    expect(ids(selectChecks(checks, { only: ['poor-design-docs'], skip: ['lint.operation-id'] }))).toEqual(['lint.operation-description']);
  });

  it('accepts a known cause that no loaded check has, and selects nothing for it', () => {
    expect(selectChecks(checks, { only: ['session-management'] })).toEqual([]);
  });

  it('rejects an unknown name with E_USAGE, the flag, and the closest check id', () => {
    let error: unknown;
    try {
      selectChecks(checks, { only: ['lint.operation-idd'] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FaultlineError);
    const faultline = error as FaultlineError;
    expect(faultline.code).toBe('E_USAGE');
    expect(faultline.message).toBe("unknown check or cause 'lint.operation-idd' (did you mean 'lint.operation-id'?)");
    expect(faultline.location?.field).toBe('--only');
  });

  it('suggests a cause for a misspelt cause given to --skip', () => {
    expect(() => selectChecks(checks, { skip: ['bad-url'] })).toThrow("unknown check or cause 'bad-url' (did you mean 'bad-urls'?)");
    try {
      selectChecks(checks, { skip: ['bad-url'] });
    } catch (error) {
      expect((error as FaultlineError).location?.field).toBe('--skip');
    }
  });

  it('gives no suggestion when nothing is close', () => {
    expect(() => selectChecks(checks, { only: ['qqqqqqqqqq'] })).toThrow(/^unknown check or cause 'qqqqqqqqqq'$/);
  });
});

describe('selectChecks and a permission audit', () => {
  it('keeps auth.unauthenticated-access with --only permissions, whose anonymous column it reports, unless skipped', () => {
    const checks = [
      { id: 'permissions.scope-not-enforced', cause: 'permissions' as const },
      { id: 'auth.unauthenticated-access', cause: 'unsecured-endpoints' as const },
      { id: 'auth.jwt-alg-none', cause: 'unsecured-endpoints' as const },
    ];
    expect(selectChecks(checks, { only: ['permissions'] }).map((c) => c.id)).toEqual(['permissions.scope-not-enforced', 'auth.unauthenticated-access']);
    expect(selectChecks(checks, { only: ['permissions'], skip: ['auth.unauthenticated-access'] }).map((c) => c.id)).toEqual(['permissions.scope-not-enforced']);
  });
});

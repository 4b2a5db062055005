import { isCauseId } from '../core/causes.js';
import { FaultlineError } from '../core/errors.js';
import type { AnyCheck } from '../checks/types.js';
import { closest } from '../core/did-you-mean.js';

export interface Selection {
  /** Check ids or cause ids to keep (empty: all). */
  readonly only?: readonly string[];
  /** Check ids or cause ids to drop. */
  readonly skip?: readonly string[];
}

/** Pick checks by id or cause; an unknown name is a usage error with a suggestion. */
export function selectChecks<C extends { readonly id: string; readonly cause: AnyCheck['cause'] }>(checks: readonly C[], selection: Selection): C[] {
  const ids = new Set(checks.map((c) => c.id as string));
  const validate = (names: readonly string[], flag: string) => {
    for (const name of names) {
      if (!ids.has(name) && !isCauseId(name)) {
        const suggestion = closest(name, [...ids, ...checks.map((c) => c.cause)]);
        throw new FaultlineError('E_USAGE', `unknown check or cause '${name}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`, { location: { field: flag } });
      }
    }
  };
  const only = (selection.only ?? []).flatMap(splitList);
  const skip = (selection.skip ?? []).flatMap(splitList);
  validate(only, '--only');
  validate(skip, '--skip');
  // A permission audit's matrix has an anonymous column; its violations are reported by
  // auth.unauthenticated-access, so `--only permissions` keeps that check too (unless skipped by name).
  const matches = (check: C, names: string[]) => names.includes(check.id) || names.includes(check.cause) || (check.id === 'auth.unauthenticated-access' && names.includes('permissions'));
  return checks.filter((check) => (only.length === 0 || matches(check, only)) && !matches(check, skip));
}

function splitList(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

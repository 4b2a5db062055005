import type { SecurityAlternative } from '../spec/model.js';

/** No requirement at all, or one alternative that asks for nothing: anonymous callers get in. */
export function isPublic(security: readonly SecurityAlternative[]): boolean {
  return security.length === 0 || security.some((alt) => alt.schemes.length === 0);
}

export function schemeNames(alt: SecurityAlternative): string[] {
  return alt.schemes.map((s) => s.name).sort();
}

export function describeAlternative(alt: SecurityAlternative): string {
  return alt.schemes.map((s) => (s.scopes.length > 0 ? `${s.name} [${s.scopes.join(', ')}]` : s.name)).join(' + ');
}

/** Credentials for `alt` still get in when NEW has an alternative that asks for the same schemes or fewer. */
export function isStillSatisfied(alt: SecurityAlternative, security: readonly SecurityAlternative[]): boolean {
  const names = new Set(schemeNames(alt));
  return security.some((candidate) => candidate.schemes.length > 0 && candidate.schemes.every((s) => names.has(s.name)));
}

/** The NEW alternative that asks for exactly the same schemes, if any. */
export function sameSchemes(alt: SecurityAlternative, security: readonly SecurityAlternative[]): SecurityAlternative | undefined {
  const key = schemeNames(alt).join('\u0000');
  return security.find((candidate) => schemeNames(candidate).join('\u0000') === key);
}

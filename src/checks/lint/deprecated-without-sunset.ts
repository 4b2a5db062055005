import { defineCheck } from '../define.js';

const sunsetExtension = /^x-(sunset|removal)/i;
const sunsetKey = /sunset|removal/i;

// `x-sunset: 2026-01-01`, or a date nested in a vendor object such as GitHub's `x-github: { removalDate }`.
function hasSunsetExtension(extensions: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(extensions).some(
    ([key, value]) =>
      sunsetExtension.test(key) || (value !== null && typeof value === 'object' && Object.keys(value).some((inner) => sunsetKey.test(inner))),
  );
}

export const deprecatedWithoutSunset = defineCheck({
  id: 'lint.deprecated-without-sunset',
  cause: 'expiring-apis',
  kind: 'lint',
  severity: 'medium',
  summary: 'Deprecated operation has no sunset date or Sunset header',
  explanation:
    'A deprecation flag without a date tells clients that the operation will go away but not when. Teams postpone the migration until the day it is removed, and then their integration breaks without warning. The `Sunset` (RFC 8594) and `Deprecation` (RFC 9745) headers let clients detect the deadline at run time.',
  remedy: 'Document the removal date with an `x-sunset` extension and return `Sunset` and `Deprecation` headers on the deprecated operation\'s responses.',
  *run({ spec }) {
    for (const op of spec.operations) {
      if (!op.deprecated) continue;
      const hasExtension = hasSunsetExtension(op.extensions);
      const hasHeader = op.responses.some((r) => r.headers.some((h) => /^(sunset|deprecation)$/i.test(h.name)));
      if (!hasExtension && !hasHeader) {
        yield { operation: op.key, pointer: op.pointer, detail: `${op.key} is deprecated but documents neither x-sunset nor a Sunset or Deprecation response header.` };
      }
    }
  },
});

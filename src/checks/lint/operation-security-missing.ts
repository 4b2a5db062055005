import type { Operation } from '../../spec/model.js';
import { defineCheck } from '../define.js';
import { staticSegments } from './path-segments.js';
import { child } from '../../spec/values.js';

// Fixed paths (no parameters) that are public by design: health probes, sign-in and token endpoints, docs.
// '/orders/{id}/status' is data about one order, so paths with parameters never count.
const publicSegment =
  /^(health|healthz|healthcheck|livez|readyz|liveness|readiness|ready|ping|status|version|login|logon|signin|signup|register|registration|oauth2?|auth|authorize|token|tokens|callback|docs|openapi|swagger|wellknown|public|forgotpassword|resetpassword|passwordreset|robots|favicon)$/;

function isPublicByDesign(op: Operation): boolean {
  if (op.path.includes('{')) return false;
  return staticSegments(op.path).some((segment) => publicSegment.test(segment.toLowerCase().replace(/[-_.]|json$|yaml$|txt$|ico$/g, '')));
}

// Secured means every alternative needs at least one scheme; an empty alternative (`{}`) lets anyone in.
function isSecured(op: Operation): boolean {
  return op.security.length > 0 && op.security.every((alternative) => alternative.schemes.length > 0);
}

export const operationSecurityMissing = defineCheck({
  id: 'lint.operation-security-missing',
  cause: 'unsecured-endpoints',
  kind: 'lint',
  severity: 'medium',
  summary: 'Operation has no security while most operations require it',
  explanation:
    'When most of an API requires credentials, an operation without any is usually an oversight: a forgotten `security` entry, or `security: []` copied from a health check. Generated clients send no credentials, gateways that enforce the spec let anonymous callers through, and the data behind the endpoint is open to anyone.',
  remedy:
    'Add the security requirement the rest of the API uses. If the operation really is public, say so in its description and keep `security: []` explicit, and make sure it exposes nothing sensitive.',
  *run({ spec }) {
    const securedCount = spec.operations.filter(isSecured).length;
    if (securedCount * 2 < spec.operations.length || securedCount === 0) return;
    for (const op of spec.operations) {
      if (isSecured(op) || isPublicByDesign(op)) continue;
      const isExplicit = op.hasOwnSecurity;
      const isWrite = op.method !== 'get' && op.method !== 'head' && op.method !== 'options';
      const securedSiblings = spec.operations.filter((other) => other.path === op.path && other !== op && isSecured(other));
      const siblingNote = securedSiblings.length > 0 ? ` On the same path, ${securedSiblings.map((other) => other.method.toUpperCase()).join(', ')} ${securedSiblings.length === 1 ? 'requires' : 'require'} them.` : '';
      yield {
        operation: op.key,
        pointer: isExplicit ? child(op.pointer, 'security') : op.pointer,
        detail: `${op.key} ${isExplicit ? 'is declared public (empty or anonymous security requirement)' : 'declares no security'} while ${securedCount} of ${spec.operations.length} operations require credentials.${siblingNote}`,
        // A write with no security and no explicit decision is the likeliest to be a real hole; a public
        // read is usually a design (a catalogue beside a secured admin area) unless its own path is secured.
        ...(isWrite && !isExplicit ? { severity: 'high' as const } : {}),
        ...(!isWrite && securedSiblings.length === 0 ? { severity: 'low' as const } : {}),
      };
    }
  },
});

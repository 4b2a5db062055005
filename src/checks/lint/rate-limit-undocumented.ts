import type { Operation } from '../../spec/model.js';
import { defineCheck } from '../define.js';
import { splitWords } from './naming-style.js';
import { staticSegments } from './path-segments.js';

// Endpoints that check or hand out credentials: the targets of brute force and credential stuffing. The
// word must end a segment ('/access_tokens', '/login'): '/personal-access-token-requests' is about tokens, not one.
const credentialWords = new Set(['login', 'logon', 'signin', 'token', 'tokens', 'password', 'passwords', 'passwd', 'otp', 'mfa', '2fa', 'authenticate']);

function isCredentialOperation(op: Operation): boolean {
  if (op.method !== 'post' && op.method !== 'put' && op.method !== 'patch') return false;
  return staticSegments(op.path).some((segment) => {
    const words = splitWords(segment);
    return credentialWords.has(words[words.length - 1] ?? '') || words.join('').endsWith('signin');
  });
}

const rateLimitHeader = /^(x-)?rate-?limit|^retry-after$/i;

export const rateLimitUndocumented = defineCheck({
  id: 'lint.rate-limit-undocumented',
  cause: 'public-exposure',
  kind: 'lint',
  severity: 'low',
  summary: 'No operation documents rate limiting (429)',
  explanation:
    'An API that does not say how it limits callers either has no limit, so one client or attacker can exhaust it and brute-force credentials, or has limits that clients discover only in production, without knowing to back off on 429 and honour `Retry-After`.',
  remedy:
    'Rate-limit the API (strictly on login, token and password endpoints), document `429 Too Many Requests` with `Retry-After` and `RateLimit` headers on the operations it applies to, and describe the limits.',
  *run({ spec }) {
    if (spec.operations.length === 0) return;
    const has429 = (op: Operation) => op.responses.some((r) => r.status === '429');
    const documentsLimits = spec.operations.some((op) => has429(op) || op.responses.some((r) => r.headers.some((h) => rateLimitHeader.test(h.name))));
    if (!documentsLimits) {
      yield { operation: null, pointer: '/paths', detail: `None of the ${spec.operations.length} operations documents a 429 response or rate-limit headers.` };
    }
    for (const op of spec.operations) {
      if (!isCredentialOperation(op) || has429(op)) continue;
      yield {
        operation: op.key,
        pointer: op.pointer,
        detail: `${op.key} checks or issues credentials but documents no 429 response, so nothing shows that repeated attempts are limited.`,
        severity: 'medium',
      };
    }
  },
});

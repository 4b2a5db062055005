import { defineCheck } from '../define.js';

export const retryAfterUndocumented = defineCheck({
  id: 'lint.retry-after-undocumented',
  cause: 'public-exposure',
  kind: 'lint',
  severity: 'low',
  summary: 'A 429 response does not document Retry-After',
  explanation:
    'A 429 tells the client to slow down; `Retry-After` tells it for how long. Without it in the description, generated clients and retry middleware guess: they retry at once and keep the client locked out, or back off far longer than needed.',
  remedy: 'Document a `Retry-After` header (seconds or an HTTP date) on every 429 response, and send it.',
  *run({ spec }) {
    const reported = new Set<string>();
    for (const op of spec.operations) {
      for (const response of op.responses) {
        if (response.status !== '429' || reported.has(response.pointer)) continue;
        reported.add(response.pointer);
        if (response.headers.some((h) => h.name.toLowerCase() === 'retry-after')) continue;
        yield { operation: op.key, pointer: response.pointer, detail: `The 429 response of ${op.key} has no Retry-After header.` };
      }
    }
  },
});

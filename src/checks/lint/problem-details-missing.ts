import { defineCheck } from '../define.js';
import { errorBodies, isProblemDetails, type ErrorBody } from './error-responses.js';

export const problemDetailsMissing = defineCheck({
  id: 'lint.problem-details-missing',
  cause: 'complex-endpoints',
  kind: 'lint',
  severity: 'low',
  summary: 'Error responses are not RFC 9457 problem details',
  explanation:
    'Without a standard error format every client writes custom parsing for every API, and often for every endpoint. RFC 9457 problem details (`application/problem+json` with type, title, status, detail) give clients one way to show, log and branch on errors, and let generic tooling understand them.',
  remedy:
    'Return errors as `application/problem+json` with `type`, `title`, `status` and `detail` (add extension members for field errors), and describe them with one shared schema in the spec.',
  *run({ spec }) {
    // One verdict per response, however many media types it lists.
    const byResponse = new Map<string, { body: ErrorBody; isProblem: boolean }>();
    for (const body of errorBodies(spec)) {
      const seen = byResponse.get(body.response.pointer);
      const isProblem = isProblemDetails(spec, body.media);
      if (!seen) byResponse.set(body.response.pointer, { body, isProblem });
      else if (isProblem) seen.isProblem = true;
    }
    const others = [...byResponse.values()].filter((r) => !r.isProblem).map((r) => r.body);
    if (others.length === 0) return;
    const problems = byResponse.size - others.length;
    if (problems > others.length) {
      // The API has adopted problem details: the stragglers per operation are worth fixing one by one.
      const byOperation = new Map<string, ErrorBody[]>();
      for (const body of others) byOperation.set(body.operation.key, [...(byOperation.get(body.operation.key) ?? []), body]);
      for (const [key, bodies] of byOperation) {
        yield {
          operation: key,
          pointer: bodies[0]!.media.pointer,
          detail: `${key}: error responses ${bodies.map((b) => b.response.status).join(', ')} are not problem details, unlike ${problems} other error responses in this API.`,
        };
      }
      return;
    }
    const operations = new Set(others.map((body) => body.operation.key)).size;
    yield {
      operation: null,
      pointer: others[0]!.media.pointer,
      detail: `${others.length} of ${byResponse.size} documented error responses (in ${operations} operations) are not RFC 9457 problem details, e.g. ${others[0]!.operation.key} ${others[0]!.response.status} (${others[0]!.media.mediaType}).`,
    };
  },
});

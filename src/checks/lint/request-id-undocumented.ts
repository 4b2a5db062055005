import { defineCheck } from '../define.js';

// X-Request-Id, Request-Id, X-Correlation-Id, X-Trace-Id, X-GitHub-Request-Id, traceparent ...
const tracingHeader = /(^traceparent$)|(request|correlation|trace)[-_]?id$/i;

export const requestIdUndocumented = defineCheck({
  id: 'lint.request-id-undocumented',
  cause: 'monitoring-logging',
  kind: 'lint',
  severity: 'low',
  summary: 'No request id or trace header is documented',
  explanation:
    'When a client reports a failure, a request id (or a W3C `traceparent`) is what ties its report to the server logs and traces. If the API neither accepts nor returns one, support has to search logs by time and guesswork, and failures across services cannot be followed end to end.',
  remedy: 'Return an `X-Request-Id` response header on every response (and accept `X-Request-Id` or `traceparent` on requests), log it, and document it in the spec, e.g. as a shared header component.',
  *run({ spec }) {
    if (spec.operations.length === 0) return;
    const documented = spec.operations.some(
      (op) =>
        op.parameters.some((p) => p.in === 'header' && tracingHeader.test(p.name)) ||
        op.responses.some((r) => r.headers.some((h) => tracingHeader.test(h.name))),
    );
    if (!documented) {
      yield { operation: null, pointer: '/paths', detail: 'No operation documents an X-Request-Id, X-Correlation-Id or traceparent request or response header.' };
    }
  },
});

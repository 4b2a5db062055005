import { defineCheck } from '../../define.js';
import { evidenceOf } from '../evidence.js';
import { findLeak } from './stack-trace-patterns.js';

export const stackTraceLeak = defineCheck({
  id: 'conformance.stack-trace-leak',
  cause: 'insufficient-testing',
  kind: 'audit',
  severity: 'high',
  summary: 'Response body contains a stack trace or internal error text',
  explanation:
    'A stack trace or raw database error in a response means an error path nobody tested reached the client unhandled. It also hands an attacker file paths, framework versions, function names and query fragments to aim the next request with.',
  remedy:
    'Catch errors at one boundary, log the trace server-side with a request id, and answer with a generic problem response (RFC 9457) that carries only that id. Turn off debug error pages in production and add the failing input to the tests.',
  *run({ audit }) {
    // One finding per operation (null: paths outside the spec), from the first leaking response.
    const reported = new Set<string | null>();
    for (const exchange of audit.exchanges()) {
      const body = exchange.response?.body;
      if (!body || reported.has(exchange.operation)) continue;
      const leak = findLeak(body);
      if (!leak) continue;
      reported.add(exchange.operation);
      const { method, url } = exchange.request;
      yield {
        operation: exchange.operation,
        status: exchange.response?.status ?? null,
        detail: `${method} ${new URL(url).pathname} answered ${exchange.response?.status} with a ${leak.label} in the body: \`${leak.excerpt}\`.`,
        evidence: [evidenceOf(exchange)],
      };
    }
  },
});

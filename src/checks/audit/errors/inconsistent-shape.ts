import { defineCheck } from '../../define.js';
import type { AuditExchange } from '../../types.js';
import { baselineProbes } from '../baseline.js';
import { evidenceOf } from '../evidence.js';
import { placeOf } from '../places.js';
import { errorShape, problemDetails } from './error-shape.js';

const maxEvidence = 4;

interface ShapeSeen {
  readonly shape: string;
  readonly exchanges: AuditExchange[];
}

function example(exchange: AuditExchange): string {
  return `${placeOf(exchange)} ${exchange.response?.status}`;
}

export const inconsistentShape = defineCheck({
  id: 'errors.inconsistent-shape',
  cause: 'complex-endpoints',
  kind: 'audit',
  severity: 'medium',
  summary: 'Error responses come in different shapes',
  explanation:
    'When one operation answers errors with RFC 9457 problem details, another with `{ "error": … }` and a third with plain text, every client needs a parser per operation and generic error handling breaks: messages get lost, retries misfire and users see raw bodies.',
  remedy: 'Answer every 4xx and 5xx with one shape, preferably RFC 9457 `application/problem+json` (`type`, `title`, `status`, `detail`), produced by one shared error handler, including framework-level errors (404, 405, 415, body too large).',
  async *run({ audit }) {
    const { unknown } = await baselineProbes(audit);
    // Traffic aimed at documented operations (any status, documented or not), plus the answer to one
    // unknown path: a client meets the framework's 404 page on every typo. Other off-spec probes
    // (/.env, /actuator) often meet another layer and say nothing about the API's own errors.
    const errors = audit
      .exchanges()
      .filter((e) => (e.operation !== null || e === unknown?.exchange) && e.request.method !== 'HEAD' && !e.response?.bodyTruncated && (e.response?.status ?? 0) >= 400);
    const shapes = new Map<string, ShapeSeen>();
    for (const exchange of errors) {
      const shape = errorShape(exchange);
      const seen = shapes.get(shape) ?? { shape, exchanges: [] };
      seen.exchanges.push(exchange);
      shapes.set(shape, seen);
    }
    if (shapes.size < 2) return;
    const ranked = [...shapes.values()].sort((a, b) => b.exchanges.length - a.exchanges.length || a.shape.localeCompare(b.shape));
    yield {
      operation: null,
      status: null,
      detail: `${errors.length} error responses came in ${shapes.size} shapes: ${ranked.map((s) => `${s.shape} ×${s.exchanges.length} (e.g. ${example(s.exchanges[0]!)})`).join('; ')}.`,
      evidence: ranked.slice(0, maxEvidence).map((s) => evidenceOf(s.exchanges[0]!, s.shape)),
    };
    const problems = shapes.get(problemDetails)?.exchanges.length ?? 0;
    if (problems * 2 <= errors.length) return;
    const byOperation = new Map<string | null, AuditExchange[]>();
    for (const exchange of errors) {
      if (errorShape(exchange) === problemDetails) continue;
      byOperation.set(exchange.operation, [...(byOperation.get(exchange.operation) ?? []), exchange]);
    }
    for (const [operation, exchanges] of [...byOperation].sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))) {
      const kinds = [...new Set(exchanges.map((e) => `${errorShape(e)} (${e.response?.status})`))];
      yield {
        operation,
        severity: 'low',
        title: 'Error bodies are not problem details, unlike most of the API',
        detail: `Most of the API answers errors with problem details, but ${operation === null ? `the unknown path ${new URL(exchanges[0]!.request.url).pathname}` : 'this operation'} answered ${kinds.slice(0, 5).join(', ')}.`,
        evidence: [evidenceOf(exchanges[0]!, errorShape(exchanges[0]!))],
      };
    }
  },
});

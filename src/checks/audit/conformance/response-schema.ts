import type { AuditExchange, ConformanceProblem } from '../../types.js';
import { defineCheck } from '../../define.js';
import { evidenceOf, isSuccess } from '../evidence.js';

const listedProblems = 5;
const judgedKinds: ReadonlySet<ConformanceProblem['kind']> = new Set(['schema', 'content-type', 'header']);

export const responseSchema = defineCheck({
  id: 'conformance.response-schema',
  // Drift between the description and what the API serves (issue 3's definition): the spec or the handler is wrong.
  cause: 'poor-design-docs',
  kind: 'audit',
  severity: 'medium',
  summary: 'Response breaks the documented schema, content type or headers',
  explanation:
    'Clients and generated SDKs are built from the spec. A response with a wrong type, a missing required field, another content type or a missing required header breaks their parsing at run time, and it means no contract test holds the implementation to its description.',
  remedy:
    'Fix the handler or the spec so they agree, then add a contract test that validates responses against the spec (for example with faultline audit in CI) so the two cannot drift apart again.',
  *run({ spec, audit }) {
    const byOperation = new Map<string, { problems: Map<string, string>; exchanges: AuditExchange[] }>();
    for (const exchange of audit.exchanges()) {
      const status = exchange.response?.status;
      // Only answers to requests that deserved success; 5xx bodies are conformance.server-error's.
      if (!exchange.operation || status === undefined || status >= 500) continue;
      if (exchange.inputKind === 'invalid' || (exchange.inputKind === 'probe' && !isSuccess(exchange))) continue;
      const operation = spec.operations.find((op) => op.key === exchange.operation);
      if (!operation) continue;
      const problems = audit.conformance(operation, exchange).filter((p) => judgedKinds.has(p.kind));
      if (problems.length === 0) continue;
      const entry = byOperation.get(operation.key) ?? { problems: new Map<string, string>(), exchanges: [] };
      for (const problem of problems) {
        const text = problem.kind === 'schema' && problem.message.startsWith('/') ? `body ${problem.message}` : problem.message;
        entry.problems.set(`${problem.kind}\u0000${problem.path ?? ''}\u0000${problem.message}`, `${text} (${status})`);
      }
      if (entry.exchanges.length < 3) entry.exchanges.push(exchange);
      byOperation.set(operation.key, entry);
    }
    for (const [key, { problems, exchanges }] of byOperation) {
      const texts = [...problems.values()];
      const more = texts.length > listedProblems ? `, and ${texts.length - listedProblems} more` : '';
      yield {
        operation: key,
        status: exchanges[0]!.response?.status ?? null,
        detail: `${texts.length} departure${texts.length === 1 ? '' : 's'} from the spec: ${texts.slice(0, listedProblems).join('; ')}${more}.`,
        evidence: exchanges.map((x) => evidenceOf(x)),
      };
    }
  },
});

import type { FindingDraft } from '../../types.js';
import { defineCheck } from '../../define.js';
import { evidenceOf } from '../evidence.js';
import { dependencyLab, experimentLabels, isGracefulStatus, isHang, outcomeText, type Experiment } from './dependency-lab.js';

function isPropagated(experiment: Experiment): boolean {
  const { exchange } = experiment;
  if (exchange.response) return !isGracefulStatus(exchange.response.status);
  // A connection dropped or a request held after the dependency failed fast is the API's own failure.
  return Boolean(exchange.error) && (isHang(exchange) || !exchange.error!.code.startsWith('TIMEOUT'));
}

export const errorPropagation = defineCheck({
  id: 'dependency.error-propagation',
  cause: 'dependency-failures',
  kind: 'audit',
  severity: 'medium',
  summary: "A dependency's failure comes out of the operation as an internal error",
  explanation:
    "When a dependency answers 500 or drops the connection, an operation that lets the exception escape answers 500 itself (or drops its own connection). Callers cannot tell a bug from an outage elsewhere, so they neither retry later nor degrade; monitoring pages the wrong team; and error bodies often carry the dependency's internals.",
  remedy:
    'Catch failures of each dependency call and translate them: 502 or 503 (with Retry-After and a problem body) when the operation cannot work without it, or a degraded 2xx answer when it can. Keep 500 for your own bugs.',
  async *run({ spec, audit }) {
    const lab = dependencyLab(audit);
    for (const link of await lab.linksFor(spec)) {
      const failed: Experiment[] = [];
      for (const kind of ['error-status', 'reset'] as const) {
        const experiment = await lab.experiment(link, kind);
        if (experiment && isPropagated(experiment)) failed.push(experiment);
      }
      if (failed.length === 0) continue;
      const dependency = link.dependency.name;
      const finding: FindingDraft = {
        operation: link.operation.key,
        status: failed[0]!.exchange.response?.status ?? null,
        detail: `With ${dependency} failing, ${link.operation.key} did not answer 502/503/504 or degrade: ${failed.map((e) => `${experimentLabels[e.kind]} → ${outcomeText(e.exchange)}`).join('; ')}.`,
        evidence: failed.map((e) => evidenceOf(e.exchange, `${dependency}: ${experimentLabels[e.kind]}`)),
      };
      yield finding;
    }
  },
});

import { defineCheck } from '../../define.js';
import { evidenceOf } from '../evidence.js';
import { dependencyLab, experimentLabels, outcomeText, type Experiment, type ExperimentKind } from './dependency-lab.js';

const kinds: readonly ExperimentKind[] = ['hang', 'error-status', 'reset', 'slow'];

export const noRecovery = defineCheck({
  id: 'dependency.no-recovery',
  cause: 'dependency-failures',
  kind: 'audit',
  severity: 'high',
  summary: 'The operation stays broken after its dependency recovers',
  explanation:
    'Outages end, and an API must come back on its own when they do. One that keeps failing after the dependency is healthy again cached the failure, holds dead connections in its pool, left a circuit breaker open, or exhausted its workers on requests that never ended. Then a blip of a few seconds becomes an outage that lasts until someone restarts the service.',
  remedy:
    'Drop broken connections from the pool and reconnect, let circuit breakers half-open after a short pause, do not cache error results, and make sure timed-out calls release their workers. Test recovery in CI by breaking the dependency and lifting the fault.',
  async *run({ spec, audit }) {
    const lab = dependencyLab(audit);
    for (const link of await lab.linksFor(spec)) {
      let stuck: Experiment | undefined;
      for (const kind of kinds) {
        const experiment = await lab.experiment(link, kind);
        if (experiment?.recovery === 'not-recovered') {
          stuck = experiment;
          break;
        }
      }
      if (!stuck?.lastAttempt) continue;
      const dependency = link.dependency.name;
      yield {
        operation: link.operation.key,
        status: stuck.lastAttempt.response?.status ?? null,
        detail: `${Math.round(stuck.recoveryMs / 1000)} s after the fault on ${dependency} (${experimentLabels[stuck.kind]}) was lifted, ${link.operation.key} still failed (last try: ${outcomeText(stuck.lastAttempt)}; healthy, it answered ${link.baseline.response?.status}).`,
        evidence: [evidenceOf(stuck.exchange, `${dependency}: ${experimentLabels[stuck.kind]}`), evidenceOf(stuck.lastAttempt, 'after the fault was lifted')],
      };
    }
  },
});

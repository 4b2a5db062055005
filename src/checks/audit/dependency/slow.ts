import { defineCheck } from '../../define.js';
import { evidenceOf } from '../evidence.js';
import { dependencyLab, durationText, experimentLabels, isHang } from './dependency-lab.js';

export const slow = defineCheck({
  id: 'dependency.slow',
  cause: 'dependency-failures',
  kind: 'audit',
  severity: 'medium',
  summary: 'A slow dependency makes the operation miss the deadline',
  explanation:
    'Dependencies get slow long before they fail: a warm cache went cold, a table lock, a congested network. An operation that waits as long as the dependency takes, or retries it without a total deadline, multiplies the delay and passes it on to every caller, who time out and retry, adding load exactly when there is none to spare.',
  remedy:
    'Bound the time the operation spends on the dependency (timeout per call and a total budget across retries) below your own deadline, then answer 503/504 or a fallback. Retries need backoff and a cap.',
  async *run({ spec, audit }) {
    const lab = dependencyLab(audit);
    for (const link of await lab.linksFor(spec)) {
      const experiment = await lab.experiment(link, 'slow');
      if (!experiment || !isHang(experiment.exchange)) continue;
      const dependency = link.dependency.name;
      yield {
        operation: link.operation.key,
        status: null,
        detail: `With ${dependency} ${experimentLabels.slow}, ${link.operation.key} gave no answer before the ${durationText(experiment.exchange)} deadline (healthy, it answered in ${durationText(link.baseline)}).`,
        evidence: [evidenceOf(experiment.exchange, `${dependency}: ${experimentLabels.slow}`)],
      };
    }
  },
});

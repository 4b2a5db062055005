import { defineCheck } from '../../define.js';
import { evidenceOf } from '../evidence.js';
import { dependencyLab, durationText, experimentLabels, isGracefulStatus, isHang } from './dependency-lab.js';

export const hang = defineCheck({
  id: 'dependency.hang',
  cause: 'dependency-failures',
  kind: 'audit',
  severity: 'high',
  summary: 'The operation hangs when a dependency stops answering',
  explanation:
    'A dependency that accepts the request and never answers is the most common outage there is: a stuck database, a full queue, a peer behind a dead load balancer. An operation that waits on it without a deadline of its own holds the caller, a worker and a connection for as long as the caller is willing to wait, and under traffic every worker ends up waiting: one slow dependency takes the whole API down.',
  remedy:
    'Give every call to the dependency a timeout well inside your own response deadline (connect and total), and when it fires answer 503 or 504 with Retry-After and a problem body, or serve a fallback (cached or partial data). A circuit breaker stops the calls while the dependency is down.',
  async *run({ spec, audit }) {
    const lab = dependencyLab(audit);
    for (const link of await lab.linksFor(spec)) {
      const experiment = await lab.experiment(link, 'hang');
      if (!experiment) continue;
      const { exchange } = experiment;
      const dependency = link.dependency.name;
      const note = `${dependency}: ${experimentLabels.hang} while this request ran`;
      if (isHang(exchange)) {
        yield {
          operation: link.operation.key,
          status: null,
          detail: `With ${dependency} not answering, ${link.operation.key} gave no answer before the ${durationText(exchange)} deadline (${exchange.error!.code}; healthy, it answered in ${durationText(link.baseline)}).`,
          evidence: [evidenceOf(exchange, note)],
        };
      } else if (exchange.response && !isGracefulStatus(exchange.response.status)) {
        yield {
          operation: link.operation.key,
          status: exchange.response.status,
          severity: 'medium',
          title: 'The operation answers an internal error when a dependency stops answering',
          detail: `With ${dependency} not answering, ${link.operation.key} answered ${exchange.response.status} after ${durationText(exchange)}: it gave up in time but reports its own failure instead of 503/504 or a fallback.`,
          evidence: [evidenceOf(exchange, note)],
        };
      }
    }
  },
});

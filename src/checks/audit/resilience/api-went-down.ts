import { defineCheck } from '../../define.js';
import { evidenceOf } from '../evidence.js';
import { outageCulprit, outageStart } from './outage.js';

export const apiWentDown = defineCheck({
  id: 'resilience.api-went-down',
  cause: 'insufficient-testing',
  kind: 'audit',
  severity: 'critical',
  summary: 'The API stopped answering during the audit',
  explanation:
    'Partway through the audit the API stopped accepting connections and never came back: the process crashed or was killed while handling one of the requests. If one request can do that, anyone who can send it can take the API down for every user, and nothing restarts it.',
  remedy:
    "Replay the request with the curl line against a test instance and read the API's log for the crash (an uncaught exception, an assertion, an out-of-memory kill). Handle that input with a 4xx, make sure no single request can end the process, and run the API under a supervisor that restarts it and alerts.",
  *run({ audit }) {
    const exchanges = audit.exchanges();
    const start = outageStart(exchanges);
    if (start === null) return;
    const culprit = outageCulprit(exchanges, start);
    const after = exchanges.slice(start);
    const operations = new Set(after.map((e) => e.operation ?? e.request.url.split('?')[0]));
    const codes = [...new Set(after.map((e) => e.error!.code))].join(', ');
    const how = culprit.error ? `which ended in ${culprit.error.code}` : `answered ${culprit.response?.status}`;
    yield {
      operation: culprit.operation,
      status: culprit.response?.status ?? null,
      detail: `After ${culprit.request.method} ${new URL(culprit.request.url).pathname} (${how}), every one of the last ${after.length} requests, to ${operations.size} operations or paths, failed to connect (${codes}): the API went down and did not come back. The findings about requests after that point say nothing about those operations.`,
      evidence: [evidenceOf(culprit, 'the last request before the API went down'), evidenceOf(after[after.length - 1]!, 'the last request of the audit, still refused')],
    };
  },
});

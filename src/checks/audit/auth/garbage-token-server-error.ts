import { defineCheck } from '../../define.js';
import { evidenceOf } from '../evidence.js';
import { recordedAnonymous, sendAnonymous } from './anonymous.js';
import { describePlace } from './credential-place.js';
import { garbageNote, sendGarbage, tokenTargets } from './token-probe.js';

export const garbageTokenServerError = defineCheck({
  id: 'auth.garbage-token-server-error',
  cause: 'insufficient-testing',
  kind: 'audit',
  severity: 'medium',
  summary: 'Secured operation answers 5xx to a credential it cannot parse',
  explanation:
    'The token verifier throws on a value that is not a token at all instead of refusing it, so the API answers a server error where it should answer 401. Clients cannot tell a bad credential from an outage, anyone can fill the error logs and alerts without an account, and the code path that handles credentials was never tested with bad input.',
  remedy: 'Treat any credential that fails to parse as missing or invalid: catch the verifier error in the authentication middleware and answer 401 (for a bearer token with WWW-Authenticate: Bearer error="invalid_token"). Add a test that sends a random string.',
  async *run({ spec, audit }) {
    const reported = new Set<string>();
    for (const target of tokenTargets(spec, audit)) {
      const { operation } = target;
      if (reported.has(operation.key)) continue;
      const exchange = await sendGarbage(spec, audit, target);
      if (exchange === null) return;
      const status = exchange?.response?.status;
      if (status === undefined || status < 500) continue;
      // An operation that fails without any credential too has a bug of its own; the token is not to blame.
      const anonymous = recordedAnonymous(spec, audit, operation) ?? (await sendAnonymous(spec, audit, operation));
      if (!anonymous?.response || anonymous.response.status >= 500) continue;
      reported.add(operation.key);
      yield {
        operation: operation.key,
        status,
        detail: `${operation.key} answered ${status} to a random string in ${describePlace(target.place)}, and ${anonymous.response.status} without credentials. Expected 401.`,
        evidence: [evidenceOf(exchange!, garbageNote(target.place))],
      };
    }
  },
});

import type { Operation } from '../../../spec/model.js';
import { defineCheck } from '../../define.js';
import type { AuditExchange } from '../../types.js';
import { evidenceOf } from '../evidence.js';

const hostileOrigin = 'https://evil.faultline.invalid';
const maxOperations = 15;

function isSecured(operation: Operation): boolean {
  return operation.security.length > 0 && operation.security.every((alternative) => alternative.schemes.length > 0);
}

/** The allowed origin when the response lets `origin` read it with the user's cookies or credentials, else null. */
function credentialedOrigin(exchange: AuditExchange, origin: string): string | null {
  const headers = exchange.response?.headers ?? {};
  const allowed = headers['access-control-allow-origin']?.trim();
  if (headers['access-control-allow-credentials']?.trim().toLowerCase() !== 'true' || allowed === undefined) return null;
  // `*` with credentials is refused by every browser (the response is not exposed), so it leaks nothing
  // signed in; exposure.cors-wildcard reports the wildcard itself. Only a reflected origin is this finding.
  return allowed === origin ? allowed : null;
}

export const corsCredentials = defineCheck({
  id: 'exposure.cors-credentials',
  cause: 'public-exposure',
  kind: 'audit',
  severity: 'high',
  summary: 'CORS lets any origin read responses with the user’s credentials',
  explanation:
    'When an API echoes whatever `Origin` it is sent (or `null`) in `Access-Control-Allow-Origin` together with `Access-Control-Allow-Credentials: true`, any web page a signed-in user visits can call the API with their cookies or credentials and read the answers: profiles, tokens, orders.',
  remedy: 'Check `Origin` against a fixed allow-list of your own front-end origins; never reflect it and never allow `null`. Send `Access-Control-Allow-Credentials: true` only for those origins, and add `Vary: Origin`.',
  async *run({ spec, audit }) {
    const gets = spec.operations.filter((op) => op.method === 'get').sort((a, b) => a.key.localeCompare(b.key));
    // Secured reads first: those are the ones a hostile page would want to read with the victim's credentials.
    const sample = [...gets.filter(isSecured), ...gets.filter((op) => !isSecured(op))].slice(0, maxOperations);
    for (const operation of sample) {
      for (const origin of [hostileOrigin, 'null']) {
        const request = audit.requestFor(operation, { headers: { origin } });
        if (!request) break;
        const exchange = await audit.probe({ ...request, inputKind: 'probe' });
        // null: the budget is spent (stop) or the audit gave up on this operation (next one).
        if (!exchange) {
          if (audit.remainingRequests() === 0) return;
          break;
        }
        const allowed = credentialedOrigin(exchange, origin);
        if (allowed === null) continue;
        yield {
          operation: operation.key,
          status: exchange.response?.status ?? null,
          detail: `Sent with \`Origin: ${origin}\`, the response allowed \`${allowed}\` with \`Access-Control-Allow-Credentials: true\`, so any web page can read this operation with a visitor's credentials.`,
          evidence: [evidenceOf(exchange, `Origin: ${origin}`)],
        };
        break;
      }
    }
  },
});

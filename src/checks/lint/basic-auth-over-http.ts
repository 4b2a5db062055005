import { defineCheck } from '../define.js';
import { allServers, expandServerUrl, isPlainHttpServer } from './server-address.js';

export const basicAuthOverHttp = defineCheck({
  id: 'lint.basic-auth-over-http',
  cause: 'unsecured-endpoints',
  kind: 'lint',
  severity: 'high',
  summary: 'HTTP Basic authentication offered on a plain http server',
  explanation:
    'Basic authentication sends the user name and password, only base64-encoded, with every request. Over plain http anyone on the network path reads the real password, which users often reuse elsewhere.',
  remedy: 'Serve the API over https only (and update the server URLs), or move to a token scheme; never accept Basic credentials over plain http.',
  *run({ spec }) {
    const plainServers = allServers(spec).filter(isPlainHttpServer);
    if (plainServers.length === 0) return;
    for (const scheme of spec.securitySchemes) {
      if (scheme.type !== 'http' || scheme.scheme !== 'basic') continue;
      yield {
        operation: null,
        pointer: scheme.pointer,
        detail: `Security scheme '${scheme.name}' is HTTP Basic and the API is served over plain http (${expandServerUrl(plainServers[0]!)}${plainServers.length > 1 ? ` and ${plainServers.length - 1} more` : ''}).`,
      };
    }
  },
});

import { defineCheck } from '../define.js';
import { allServers, expandServerUrl, isPlainHttpServer } from './server-address.js';

export const serverPlainHttp = defineCheck({
  id: 'lint.server-plain-http',
  cause: 'unsecured-endpoints',
  kind: 'lint',
  severity: 'high',
  summary: 'Server URL uses plain http to a remote host',
  explanation:
    'Over plain http every credential, token, cookie and payload crosses the network in clear text and can be read or altered by anyone on the path (public Wi-Fi, a compromised router, a proxy). Clients generated from the spec will use this URL as written.',
  remedy: 'Serve the API over https only, change the server URL to https://, and redirect or refuse plain http (add HSTS). Keep http:// only for localhost development servers.',
  *run({ spec }) {
    for (const server of allServers(spec)) {
      if (!isPlainHttpServer(server)) continue;
      yield { operation: null, pointer: server.pointer, detail: `Server ${expandServerUrl(server)} is reached over unencrypted http.` };
    }
  },
});

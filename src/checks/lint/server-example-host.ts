import { defineCheck } from '../define.js';
import { allServers, serverAddress } from './server-address.js';

// Hosts reserved for documentation (RFC 2606/6761): no API lives there.
const placeholder = /(^|\.)(example\.(com|org|net)|example|invalid|test)$/;

export const serverExampleHost = defineCheck({
  id: 'lint.server-example-host',
  cause: 'bad-urls',
  kind: 'lint',
  severity: 'low',
  summary: 'Server URL points at a placeholder host',
  explanation:
    '`example.com` and the `.example`, `.test` and `.invalid` domains are reserved for documentation; no API answers there. A description that ships with one sends every "try it" request, generated SDK and test run to nowhere until each user finds and replaces the URL.',
  remedy: 'Put the real base URL in `servers`; keep placeholders in examples only.',
  *run({ spec }) {
    for (const server of allServers(spec)) {
      const host = serverAddress(server)?.host;
      if (host === undefined || !placeholder.test(host)) continue;
      yield { operation: null, pointer: server.pointer, detail: `Server URL '${server.url}' points at the placeholder host ${host}.` };
    }
  },
});

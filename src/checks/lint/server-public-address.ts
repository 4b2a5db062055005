import { defineCheck } from '../define.js';
import { allServers, expandServerUrl, hostKind, serverAddress } from './server-address.js';

export const serverPublicAddress = defineCheck({
  id: 'lint.server-public-address',
  cause: 'public-exposure',
  kind: 'lint',
  severity: 'medium',
  summary: 'Server URL is a bare IP address or a bind address',
  explanation:
    'A literal IP in a published spec exposes the machine behind the API: callers bypass the DNS name, so the load balancer, WAF and TLS certificate in front of it, and the address cannot move without breaking clients. `0.0.0.0` is a listening address, not one clients can reach, and private addresses reveal internal network layout.',
  remedy: 'Publish a DNS name that points at the API\'s public entry point (gateway or load balancer), and keep raw addresses and bind addresses out of the spec.',
  *run({ spec }) {
    for (const server of allServers(spec)) {
      const address = serverAddress(server);
      if (!address) continue;
      const kind = hostKind(address.host);
      const url = expandServerUrl(server);
      if (kind === 'unspecified') {
        yield { operation: null, pointer: server.pointer, detail: `Server ${url} uses the bind-all address ${address.host}, which clients cannot reach.` };
      } else if (kind === 'public') {
        yield { operation: null, pointer: server.pointer, detail: `Server ${url} is the public IP address ${address.host} instead of a host name.` };
      } else if (kind === 'private') {
        yield { operation: null, pointer: server.pointer, detail: `Server ${url} reveals the private network address ${address.host}.`, severity: 'low' };
      }
    }
  },
});

import { defineCheck } from '../define.js';
import { allServers } from './server-address.js';

export const serverTrailingSlash = defineCheck({
  id: 'lint.server-trailing-slash',
  cause: 'bad-urls',
  kind: 'lint',
  severity: 'low',
  summary: 'Server URL ends with a slash',
  explanation:
    'Paths start with `/`, and clients join the server URL and the path as strings. A server URL ending in `/` gives `https://api.example.com/v1//users`: some routers treat the double slash as a different path (404), others redirect, and signatures computed over the URL stop matching.',
  remedy: 'Drop the trailing slash from the server URL (`https://api.example.com/v1`).',
  *run({ spec }) {
    for (const server of allServers(spec)) {
      const url = server.url.trim();
      if (!url.endsWith('/') || url === '/' || /^[a-z]+:\/\/$/i.test(url)) continue;
      yield { operation: null, pointer: server.pointer, detail: `Server URL '${server.url}' ends with '/'.` };
    }
  },
});

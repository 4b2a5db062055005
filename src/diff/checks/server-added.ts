import { defineDiffCheck } from '../define.js';
import { compareServers, serverUrl } from '../servers.js';

export const serverAdded = defineDiffCheck({
  id: 'diff.server-added',
  cause: 'bad-urls',
  level: 'info',
  summary: 'Server added',
  remedy: 'Nothing breaks; document what the new server is for.',
  *run(ctx) {
    for (const server of compareServers(ctx.oldSpec.servers, ctx.newSpec.servers).added) {
      yield { newPointer: server.pointer, detail: `server ${serverUrl(server)} was added.` };
    }
  },
});

import { defineDiffCheck } from '../define.js';
import { compareServers, serverUrl } from '../servers.js';

export const serverRemoved = defineDiffCheck({
  id: 'diff.server-removed',
  cause: 'bad-urls',
  level: 'warning',
  summary: 'Server removed',
  remedy: 'Keep the server answering until clients configured with it have moved, and announce the removal.',
  *run(ctx) {
    for (const server of compareServers(ctx.oldSpec.servers, ctx.newSpec.servers).removed) {
      yield { oldPointer: server.pointer, anchor: '/servers', detail: `server ${serverUrl(server)} is no longer listed.` };
    }
  },
});

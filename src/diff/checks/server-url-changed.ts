import { defineDiffCheck } from '../define.js';
import { compareServers, serverUrl } from '../servers.js';

export const serverUrlChanged = defineDiffCheck({
  id: 'diff.server-url-changed',
  cause: 'bad-urls',
  level: 'warning',
  summary: 'Server URL changed',
  remedy: 'Keep the old base URL answering (or redirecting with 308) until clients have switched; clients configured with it otherwise fail.',
  *run(ctx) {
    for (const { old, new: now } of compareServers(ctx.oldSpec.servers, ctx.newSpec.servers).changed) {
      yield { oldPointer: old.pointer, newPointer: now.pointer, detail: `server ${serverUrl(old)} → ${serverUrl(now)}.` };
    }
  },
});

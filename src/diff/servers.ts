import type { Server } from '../spec/model.js';

/** A server URL as clients reach it: variables filled with their defaults, no trailing slash. */
export function serverUrl(server: Server): string {
  const filled = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => server.variables[name]?.default ?? whole);
  return filled.replace(/\/+$/, '');
}

export interface ServerChanges {
  /** A URL of OLD replaced by one of NEW (paired in order). */
  readonly changed: readonly { readonly old: Server; readonly new: Server }[];
  readonly removed: readonly Server[];
  readonly added: readonly Server[];
}

/** Servers of OLD gone from NEW and the other way round; one gone and one new in the same place is a change. */
export function compareServers(oldServers: readonly Server[], newServers: readonly Server[]): ServerChanges {
  const oldUrls = new Set(oldServers.map(serverUrl));
  const newUrls = new Set(newServers.map(serverUrl));
  const gone = oldServers.filter((s) => !newUrls.has(serverUrl(s)));
  const fresh = newServers.filter((s) => !oldUrls.has(serverUrl(s)));
  const count = Math.min(gone.length, fresh.length);
  return {
    changed: gone.slice(0, count).map((old, i) => ({ old, new: fresh[i]! })),
    removed: gone.slice(count),
    added: fresh.slice(count),
  };
}

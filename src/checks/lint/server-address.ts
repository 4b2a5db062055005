import { isIP } from 'node:net';
import type { Server, SpecModel } from '../../spec/model.js';

/** Every server the spec names (document, path and operation level), once each. */
export function allServers(spec: SpecModel): Server[] {
  const byPointer = new Map<string, Server>();
  for (const server of spec.servers) byPointer.set(server.pointer, server);
  for (const op of spec.operations) for (const server of op.servers) if (!byPointer.has(server.pointer)) byPointer.set(server.pointer, server);
  return [...byPointer.values()];
}

/** The server URL with each `{variable}` replaced by its default; variables without one stay as written. */
export function expandServerUrl(server: Server): string {
  return server.url.replace(/\{([^}]*)\}/g, (whole, name: string) => server.variables[name]?.default ?? whole);
}

/** Scheme (without ':') and host (without IPv6 brackets) of an absolute server URL, or undefined. */
export function serverAddress(server: Server): { readonly scheme: string; readonly host: string } | undefined {
  const url = expandServerUrl(server).trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return { scheme: parsed.protocol.slice(0, -1).toLowerCase(), host: parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase() };
  } catch {
    return undefined;
  }
}

export type HostKind = 'name' | 'loopback' | 'unspecified' | 'private' | 'documentation' | 'public';

/** What a host is: a DNS name, or which kind of literal IP address (RFC 1918, RFC 4193, RFC 5737, RFC 3849). */
export function hostKind(host: string): HostKind {
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const version = isIP(host);
  if (version === 4) {
    const [a = 0, b = 0, c = 0] = host.split('.').map(Number);
    if (a === 127) return 'loopback';
    if (a === 0) return 'unspecified';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) return 'private';
    if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'documentation';
    return 'public';
  }
  if (version === 6) {
    if (host === '::1') return 'loopback';
    if (host === '::') return 'unspecified';
    if (/^(fc|fd|fe[89ab])/i.test(host)) return 'private';
    if (/^2001:0?db8:/i.test(host)) return 'documentation';
    return 'public';
  }
  return 'name';
}

/** True when the server is reached over unencrypted http (or ws) on a host other than this machine. */
export function isPlainHttpServer(server: Server): boolean {
  const address = serverAddress(server);
  return address !== undefined && (address.scheme === 'http' || address.scheme === 'ws') && hostKind(address.host) !== 'loopback';
}

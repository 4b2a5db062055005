import { isIP } from 'node:net';
import { FaultlineError } from '../core/errors.js';
import type { ProxyMode } from './types.js';

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** Parse 'host:port', '[::1]:port' or a bare port (host 127.0.0.1). */
export function parseHostPort(value: string, field: string): HostPort {
  const text = value.trim();
  const match = /^(?:\[([^\]]+)\]|([^\s:[\]]+)):(\d{1,5})$/.exec(text) ?? /^()()(\d{1,5})$/.exec(text);
  const port = match ? Number(match[3]) : NaN;
  if (!match || port > 65_535) throw new FaultlineError('E_USAGE', `expected host:port, e.g. 127.0.0.1:7101 (got '${value}')`, { location: { field } });
  return { host: match[1] || match[2] || '127.0.0.1', port };
}

export function formatHostPort(address: HostPort): string {
  return isIP(address.host) === 6 ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}

/** Loopback: reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) || bare === '::ffff:127.0.0.1';
}

export interface Upstream {
  readonly mode: ProxyMode;
  readonly address: HostPort;
  /** For HTTP mode: the base URL requests are forwarded to. */
  readonly url: URL | null;
  /** As the user wrote it, for listings. */
  readonly text: string;
}

/** http(s)://host:port[/base] (HTTP mode unless `mode` says tcp), tcp://host:port or host:port (TCP mode). */
export function parseUpstream(value: string, mode: ProxyMode | undefined, field = 'upstream'): Upstream {
  const text = value.trim();
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new FaultlineError('E_USAGE', `not a valid URL: '${value}'`, { location: { field } });
    }
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    return { mode: mode ?? 'http', address: { host: url.hostname.replace(/^\[|\]$/g, ''), port }, url, text };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/^tcp:\/\//i.test(text)) {
    throw new FaultlineError('E_USAGE', `upstream must be http(s)://host:port, tcp://host:port or host:port (got '${value}')`, { location: { field } });
  }
  const address = parseHostPort(text.replace(/^tcp:\/\//i, ''), field);
  if (mode === 'http') return { mode, address, url: new URL(`http://${formatHostPort(address)}`), text };
  return { mode: 'tcp', address, url: null, text };
}

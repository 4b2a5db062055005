import { isIPv4, isIPv6 } from 'node:net';
import type { TransportError } from '../types.js';

// RFC 9110 §9.2.1: only these are defined as safe. Any other method (including unknown ones such as
// PURGE) is treated as destructive, because we cannot know what it does to someone else's data.
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

export function isSafeMethod(method: string): boolean {
  return safeMethods.has(method.toUpperCase());
}

/**
 * True when the URL's host is a loopback address: 127.0.0.0/8, ::1 (also IPv4-mapped) or `localhost`.
 * WHATWG URL parsing has already normalised forms such as `http://2130706433/` to `127.0.0.1`.
 *
 * @example isLoopbackUrl('http://127.0.0.1:3000/pets') // true
 */
export function isLoopbackUrl(url: string | URL): boolean {
  let host: string;
  try {
    host = (typeof url === 'string' ? new URL(url) : url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host === 'localhost.') return true;
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (isIPv4(host)) return host.startsWith('127.');
  if (isIPv6(host)) return host === '::1' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
  return false;
}

/** The guard as a pure decision: safe methods go anywhere, destructive ones only to loopback. */
export function isRequestAllowed(method: string, url: string | URL, isUnsafeAllowed: boolean): boolean {
  return isUnsafeAllowed || isSafeMethod(method) || isLoopbackUrl(url);
}

/** The error an exchange carries when the guard refuses it; undefined when the request may go. */
export function checkSafety(method: string, url: string | URL, isUnsafeAllowed: boolean): TransportError | undefined {
  if (isRequestAllowed(method, url, isUnsafeAllowed)) return undefined;
  return {
    code: 'UNSAFE_TARGET',
    message: `refused ${method.toUpperCase()} to a non-loopback target without --unsafe (nothing was sent)`,
  };
}

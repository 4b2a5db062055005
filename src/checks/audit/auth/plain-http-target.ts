import { isIP } from 'node:net';
import { defineCheck } from '../../define.js';

/** 127.0.0.0/8, ::1 and localhost names: traffic that never leaves the machine. */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || /^::ffff:127\./.test(host) || /^::ffff:7f[0-9a-f]{2}:/.test(host);
}

export const plainHttpTarget = defineCheck({
  id: 'auth.plain-http-target',
  cause: 'unsecured-endpoints',
  kind: 'audit',
  severity: 'high',
  summary: 'API is served over plain HTTP',
  explanation:
    'Without TLS every bearer token, cookie, password and response crosses the network in clear text. Anyone on the path (Wi-Fi, proxy, ISP) can read and replay credentials or change responses.',
  remedy: 'Serve the API only over HTTPS, redirect or refuse plain HTTP, and send Strict-Transport-Security so clients never fall back.',
  *run({ audit }) {
    let url: URL;
    try {
      url = new URL(audit.target);
    } catch {
      return;
    }
    if (url.protocol !== 'http:' || isLoopback(url.hostname)) return;
    yield { operation: null, detail: `The audit target ${url.origin} is plain http:// on a non-loopback host, so credentials sent to it travel unencrypted.` };
  },
});

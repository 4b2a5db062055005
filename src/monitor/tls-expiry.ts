import { connect } from 'node:tls';

/**
 * Days until the certificate a TLS server presents expires (negative when expired). Verification is
 * off on purpose: an expired or self-signed certificate is exactly what this reports on.
 */
export function tlsDaysLeft(url: URL, timeoutMs: number, now = Date.now()): Promise<{ days: number; validTo: string } | { error: string }> {
  return new Promise((resolve) => {
    const socket = connect({
      host: url.hostname,
      port: Number(url.port || 443),
      servername: /^[\d.]+$|:/.test(url.hostname) ? undefined : url.hostname,
      rejectUnauthorized: false,
    });
    const done = (value: { days: number; validTo: string } | { error: string }) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => done({ error: `no TLS handshake within ${timeoutMs} ms` }), timeoutMs);
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      if (!cert?.valid_to) return done({ error: 'the server presented no certificate' });
      done({ days: Math.floor((Date.parse(cert.valid_to) - now) / 86_400_000), validTo: new Date(cert.valid_to).toISOString() });
    });
    socket.once('error', (error) => done({ error: error.message }));
  });
}

import net from 'node:net';
import tls from 'node:tls';
import { FaultlineError } from '../core/errors.js';
import { toTransportError } from './transport-error.js';

const explanations: Record<string, string> = {
  CONNECTION_REFUSED: 'connection refused (is the server running on that port?)',
  TIMEOUT_CONNECT: 'no answer to the TCP connection',
  DNS_FAILURE: 'the host name does not resolve',
  HOST_UNREACHABLE: 'the host is unreachable',
};

export interface ReachabilityOptions {
  readonly connectTimeoutMs: number;
  /** The flag or config field the target came from, for the error's location. */
  readonly field?: string;
  /** False under --insecure: the handshake must still complete, but any certificate is accepted. */
  readonly isTlsVerified?: boolean;
}

/**
 * Open one connection to the target before a run (and, for https, complete the TLS handshake), so an
 * unreachable or untrusted target is one clear error within the connect timeout instead of a run
 * full of failures, or an audit full of findings about an API that never answered.
 */
/** Where an http(s) target URL connects: host (IPv6 without brackets), port, TLS or not. */
export interface TargetEndpoint {
  readonly url: URL;
  readonly host: string;
  readonly port: number;
  readonly isTls: boolean;
}

export function targetEndpoint(target: string, field = '--target'): TargetEndpoint {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new FaultlineError('E_USAGE', `target is not a URL: '${target}'`, { location: { field } });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FaultlineError('E_USAGE', `target must be an http(s) URL (got '${target}')`, { location: { field } });
  }
  const isTls = url.protocol === 'https:';
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return { url, host, port: Number(url.port || (isTls ? 443 : 80)), isTls };
}

export async function assertReachable(target: string, options: ReachabilityOptions): Promise<void> {
  const field = options.field ?? '--target';
  const { host, port, isTls } = targetEndpoint(target, field);
  await new Promise<void>((resolve, reject) => {
    let socket: net.Socket;
    let secure: tls.TLSSocket | undefined;
    const fail = (why: string) => {
      clearTimeout(timer);
      secure?.destroy();
      socket.destroy();
      reject(new FaultlineError('E_TARGET_UNREACHABLE', `cannot reach ${host}:${port}: ${why}`, { location: { field } }));
    };
    const succeed = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    };
    const timer = setTimeout(() => fail(explanations['TIMEOUT_CONNECT']!), options.connectTimeoutMs);
    socket = net.connect({ host, port });
    socket.once('error', (error) => fail(describe(error, options.connectTimeoutMs)));
    socket.once('connect', () => {
      if (!isTls) return succeed();
      secure = tls.connect({ socket, servername: net.isIP(host) ? undefined : host, ALPNProtocols: ['http/1.1'], rejectUnauthorized: options.isTlsVerified ?? true });
      secure.once('secureConnect', () => {
        secure?.destroy();
        succeed();
      });
      secure.once('error', (error) => fail(tlsReason(error)));
    });
  });
}

function describe(error: Error, connectTimeoutMs: number): string {
  const code = toTransportError(error, { isDeadlineExpired: false, timeoutMs: connectTimeoutMs }).code;
  return explanations[code] ?? code.toLowerCase().replace(/_/g, ' ');
}

/** The handshake's reason in OpenSSL's words, and how to trust a private CA when that is the problem. */
function tlsReason(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const isTrust = /SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|CERT_UNTRUSTED|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID/.test(code);
  const hint = isTrust && code !== 'CERT_HAS_EXPIRED' && code !== 'ERR_TLS_CERT_ALTNAME_INVALID' ? ' (to trust a private CA, run faultline with NODE_EXTRA_CA_CERTS=/path/to/ca.pem, or pass --insecure to skip verification)' : '';
  // OpenSSL's own errors read "80CC…:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:…".
  const openssl = /:SSL routines:[^:]*:([^:]+)/.exec(error.message)?.[1];
  // Node 24 adds its own advice ("; if the root CA is installed locally, try running Node.js with
  // --use-system-ca"); faultline gives the advice that fits it instead.
  const own = error.message.replace(/;\s*if the root CA is installed locally.*$/s, '');
  const reason = openssl === 'wrong version number' ? 'the server did not answer in TLS (is it plain http?)' : (openssl ?? own);
  return `the TLS handshake failed: ${reason}${hint}`;
}

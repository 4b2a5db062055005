import net from 'node:net';
import { FaultlineError } from '../core/errors.js';
import { toTransportError } from '../http/transport-error.js';
import { targetAddress } from './http1/request-bytes.js';

const explanations: Record<string, string> = {
  CONNECTION_REFUSED: 'connection refused (is the server running on that port?)',
  TIMEOUT_CONNECT: 'no answer to the TCP connection',
  DNS_FAILURE: 'the host name does not resolve',
  HOST_UNREACHABLE: 'the host is unreachable',
};

/**
 * Open one TCP connection to the target before the run, so an unreachable target is one clear error
 * within the connect timeout instead of a run full of failures.
 */
export async function assertReachable(target: string, connectTimeoutMs: number): Promise<void> {
  const address = targetAddress(target);
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host: address.host, port: address.port });
    const fail = (code: string) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new FaultlineError('E_TARGET_UNREACHABLE', `cannot reach ${address.host}:${address.port}: ${explanations[code] ?? code.toLowerCase().replace(/_/g, ' ')}`, { location: { field: '--target' } }));
    };
    const timer = setTimeout(() => fail('TIMEOUT_CONNECT'), connectTimeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    });
    socket.once('error', (error) => fail(toTransportError(error, { isDeadlineExpired: false, timeoutMs: connectTimeoutMs }).code));
  });
}

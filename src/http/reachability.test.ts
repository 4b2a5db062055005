import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultlineError } from '../core/errors.js';
import { assertReachable } from './reachability.js';

const tlsDir = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'tls');
let server: Server | HttpsServer | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function listening<T extends Server | HttpsServer>(created: T): Promise<{ server: T; port: number }> {
  server = created;
  await new Promise<void>((resolve) => created.listen(0, '127.0.0.1', resolve));
  return { server: created, port: (created.address() as AddressInfo).port };
}

async function failure(target: string): Promise<FaultlineError> {
  const error = await assertReachable(target, { connectTimeoutMs: 2000 }).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(FaultlineError);
  return error as FaultlineError;
}

describe('assertReachable', () => {
  it('passes for a listening plain-http target', async () => {
    const { port } = await listening(createServer((socket) => socket.destroy()));
    await expect(assertReachable(`http://127.0.0.1:${port}/api`, { connectTimeoutMs: 2000 })).resolves.toBeUndefined();
  });

  it('names a refused port and the field the target came from', async () => {
    const { port } = await listening(createServer());
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = null;
    const error = await failure(`http://127.0.0.1:${port}`);
    expect(error.code).toBe('E_TARGET_UNREACHABLE');
    expect(error.message).toBe(`cannot reach 127.0.0.1:${port}: connection refused (is the server running on that port?)`);
    expect(error.location?.field).toBe('--target');
  });

  it('completes the TLS handshake for https and says why an untrusted certificate fails, with the way to trust it', async () => {
    const { port } = await listening(createHttpsServer({ key: readFileSync(join(tlsDir, 'key.pem')), cert: readFileSync(join(tlsDir, 'cert.pem')) }));
    const error = await failure(`https://127.0.0.1:${port}`);
    expect(error.message).toMatch(/^cannot reach 127\.0\.0\.1:\d+: the TLS handshake failed: self[- ]signed certificate \(to trust a private CA, run faultline with NODE_EXTRA_CA_CERTS=/);
  });

  it('fails an https target that answers in plain text instead of TLS', async () => {
    const { port } = await listening(createServer((socket) => socket.resume().end('HTTP/1.1 400 Bad Request\r\n\r\n')));
    const error = await failure(`https://127.0.0.1:${port}`);
    expect(error.message).toMatch(/the TLS handshake failed: the server did not answer in TLS \(is it plain http\?\)$/);
  });
});

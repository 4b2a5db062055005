import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startProxy, type FaultProxy, type ProxyOptions } from './proxy.js';

const closers: (() => Promise<void>)[] = [];

/** Close everything the helpers started, newest first; call it in afterEach. */
export async function closeAll(): Promise<void> {
  while (closers.length > 0) await closers.pop()!();
}

/** A real HTTP upstream on 127.0.0.1:0 that counts the requests it saw. */
export async function startHttpUpstream(handler: (request: IncomingMessage, response: ServerResponse) => void) {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  closers.push(close);
  return { url: `http://127.0.0.1:${port}`, port, seen, close };
}

/** A real TCP upstream on 127.0.0.1:0; `onConnection` decides what each connection does. */
export async function startTcpUpstream(onConnection: (socket: Socket) => void) {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createTcpServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  closers.push(close);
  return { address: `127.0.0.1:${port}`, port, connections: () => connections, close };
}

/** A proxy on 127.0.0.1:0, closed by closeAll(). */
export async function proxyTo(upstream: string, options: Partial<ProxyOptions> = {}): Promise<FaultProxy> {
  const proxy = await startProxy({ name: 'dep', listen: '127.0.0.1:0', upstream, ...options });
  closers.push(() => proxy.close());
  return proxy;
}

export interface Fetched {
  readonly status: number | null;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
  /** The transport error code (ECONNRESET, socket hang up…), or null when the whole response arrived. */
  readonly error: string | null;
  readonly ms: number;
}

/** One HTTP request on a fresh connection, never rejecting: errors and partial bodies come back as data. */
export function fetchVia(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<Fetched> {
  const startedAt = performance.now();
  return new Promise((resolve) => {
    let status: number | null = null;
    let headers: IncomingMessage['headers'] = {};
    const chunks: Buffer[] = [];
    let isDone = false;
    const finish = (error: string | null) => {
      if (isDone) return;
      isDone = true;
      clearTimeout(timer);
      resolve({ status, headers, body: Buffer.concat(chunks), error, ms: performance.now() - startedAt });
    };
    const outgoing = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (incoming) => {
      status = incoming.statusCode ?? null;
      headers = incoming.headers;
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => finish(incoming.complete ? null : 'incomplete'));
      incoming.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
      incoming.on('aborted', () => finish('aborted'));
    });
    const timer = setTimeout(() => {
      finish('client-timeout');
      outgoing.destroy();
    }, options.timeoutMs ?? 5000);
    outgoing.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
    outgoing.end(options.body);
  });
}

export interface TcpExchange {
  readonly data: Buffer;
  /** Sizes of the chunks as the client read them. */
  readonly chunkSizes: readonly number[];
  /** ms from connect to the first byte, or null. */
  readonly firstByteMs: number | null;
  /** ms from connect to the end or error. */
  readonly endMs: number;
  readonly error: string | null;
}

/** Connect, send `payload` (if any), and read until the server closes, an error, or `timeoutMs`. */
export function tcpExchange(port: number, payload?: string | Buffer, timeoutMs = 5000): Promise<TcpExchange> {
  const startedAt = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let firstByteMs: number | null = null;
    let isDone = false;
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (error: string | null) => {
      if (isDone) return;
      isDone = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ data: Buffer.concat(chunks), chunkSizes: chunks.map((c) => c.length), firstByteMs, endMs: performance.now() - startedAt, error });
    };
    const timer = setTimeout(() => finish('client-timeout'), timeoutMs);
    socket.on('connect', () => {
      if (payload !== undefined) socket.write(payload);
    });
    socket.on('data', (chunk: Buffer) => {
      firstByteMs ??= performance.now() - startedAt;
      chunks.push(chunk);
    });
    socket.on('end', () => finish(null));
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
  });
}

import { createServer, Agent as HttpAgent, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { FaultlineError } from '../core/errors.js';
import { formatHostPort, isLoopbackHost, parseHostPort, parseUpstream } from '../proxy/address.js';
import { handleHttpRequest, type HttpUpstream } from '../proxy/http-link.js';
import type { LinkHost } from '../proxy/link.js';
import { mediaTypeOf, type TrafficSample } from './types.js';

export interface RecordingProxyOptions {
  /** host:port on loopback; port 0 picks a free one. */
  readonly listen: string;
  /** http(s)://host:port[/base] of the API. */
  readonly upstream: string;
  /** Called once per exchange, after the response went to the client. */
  readonly onSample: (sample: TrafficSample, timing: { readonly startedAt: Date; readonly durationMs: number }) => void;
  /** Bodies kept per request or response (default 4 MB); beyond it the body is not learnt from. */
  readonly maxBodyBytes?: number;
}

export interface RecordingProxy {
  /** http://host:port to point clients at. */
  readonly url: string;
  readonly listen: string;
  /** Exchanges recorded so far. */
  recorded(): number;
  close(): Promise<void>;
}

const defaultMaxBodyBytes = 4 * 1024 * 1024;

/** A body capped at `max` bytes: chunks kept until the cap, then only counted. */
class BodyTap {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  isOver = false;

  constructor(private readonly max: number) {}

  add(chunk: unknown): void {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    this.bytes += buffer.length;
    if (this.bytes > this.max) {
      this.isOver = true;
      this.chunks.length = 0;
    } else if (!this.isOver) this.chunks.push(Buffer.from(buffer));
  }

  text(encoding: string | undefined, max: number): string | undefined {
    if (this.isOver || this.bytes === 0) return undefined;
    let data = Buffer.concat(this.chunks);
    try {
      // The proxy passes bodies on as the API sent them; learning needs them decoded (capped like the rest).
      if (encoding === 'gzip' || encoding === 'x-gzip') data = gunzipSync(data, { maxOutputLength: max });
      else if (encoding === 'deflate') data = inflateSync(data, { maxOutputLength: max });
      else if (encoding === 'br') data = brotliDecompressSync(data, { maxOutputLength: max });
    } catch {
      return undefined;
    }
    return data.toString('utf8');
  }
}

function pairs(headers: IncomingMessage['headers'] | OutgoingHttpHeaders): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) out.push([name.toLowerCase(), name.toLowerCase() === 'set-cookie' ? value.join('\n') : value.join(', ')]);
    else out.push([name.toLowerCase(), String(value)]);
  }
  return out;
}

/**
 * A recording proxy: every request goes to the API through the fault proxy's HTTP path (with no fault),
 * and each exchange is handed to `onSample` once answered. It listens on loopback only: what passes
 * through it carries the users' credentials.
 */
export async function startRecordingProxy(options: RecordingProxyOptions): Promise<RecordingProxy> {
  const address = parseHostPort(options.listen, '--listen');
  if (!isLoopbackHost(address.host)) {
    throw new FaultlineError('E_USAGE', `the recording proxy listens on loopback only (got '${address.host}'): the traffic it sees carries credentials; use 127.0.0.1`, { location: { field: '--listen' } });
  }
  const target = parseUpstream(options.upstream, 'http', '--upstream');
  if (!target.url) throw new FaultlineError('E_USAGE', `the API must be an http(s) URL (got '${options.upstream}')`, { location: { field: '--upstream' } });
  const upstreamUrl = target.url;
  const agent = upstreamUrl.protocol === 'https:' ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const upstream: HttpUpstream = { url: upstreamUrl, agent };
  const host: LinkHost = { name: 'learn', mode: 'http', faults: () => [], count: () => undefined, register: () => undefined, unregister: () => undefined };
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const base = upstreamUrl.pathname === '/' ? '' : upstreamUrl.pathname.replace(/\/+$/, '');
  let recorded = 0;

  function record(request: IncomingMessage, response: ServerResponse): void {
    const startedAt = new Date();
    const started = performance.now();
    const requestBody = new BodyTap(maxBodyBytes);
    const responseBody = new BodyTap(maxBodyBytes);
    let responseHeaders: [string, string][] = [];
    request.on('data', (chunk: Buffer) => requestBody.add(chunk));
    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
    response.writeHead = ((...args: unknown[]) => {
      const headers = args.find((arg, i) => i > 0 && typeof arg === 'object' && arg !== null);
      responseHeaders = pairs((headers ?? {}) as OutgoingHttpHeaders);
      return writeHead(...args);
    }) as ServerResponse['writeHead'];
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      responseBody.add(chunk);
      return write(chunk, ...rest);
    }) as ServerResponse['write'];
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      responseBody.add(chunk);
      return end(chunk, ...rest);
    }) as ServerResponse['end'];
    response.once('finish', () => {
      recorded += 1;
      const requestHeaders = pairs(request.headers);
      const find = (list: [string, string][], name: string) => list.find(([key]) => key === name)?.[1];
      const requestText = requestBody.text(find(requestHeaders, 'content-encoding'), maxBodyBytes);
      const responseText = responseBody.text(find(responseHeaders, 'content-encoding'), maxBodyBytes);
      const sample: TrafficSample = {
        method: (request.method ?? 'GET').toUpperCase(),
        url: new URL(`${base}${request.url ?? '/'}`, upstreamUrl.origin),
        requestHeaders,
        ...(requestText ? { requestBody: { mediaType: mediaTypeOf(find(requestHeaders, 'content-type')), text: requestText } } : {}),
        status: response.statusCode,
        responseHeaders,
        ...(responseText ? { responseBody: { mediaType: mediaTypeOf(find(responseHeaders, 'content-type')), text: responseText } } : {}),
      };
      options.onSample(sample, { startedAt, durationMs: performance.now() - started });
    });
  }

  const server = createServer((request, response) => {
    record(request, response);
    handleHttpRequest(request, response, upstream, host);
  });
  server.requestTimeout = 0;
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new FaultlineError('E_USAGE', error.code === 'EADDRINUSE' ? `${formatHostPort(address)} is already in use` : `cannot listen on ${formatHostPort(address)}: ${error.message}`, { location: { field: '--listen' }, cause: error })),
    );
    server.listen(address.port, address.host, () => resolve());
  });
  const bound = { host: address.host, port: (server.address() as AddressInfo).port };
  return {
    url: `http://${formatHostPort(bound)}`,
    listen: formatHostPort(bound),
    recorded: () => recorded,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Requests still in flight when recording stops are cut: the user asked to stop.
      setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, 1000).unref();
      await closed;
      agent.destroy();
    },
  };
}

import { createServer as createHttpServer, STATUS_CODES } from 'node:http';
import { connect, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { RequestParser, type RequestHead } from '../http/wire/request-parser.js';
import { ResponseParser } from '../http/wire/response-parser.js';
import { badGateway, chooseFaults, handleHttpRequest, type ChosenFaults, type HttpUpstream } from './http-link.js';
import type { ActiveLink, LinkHost } from './link.js';

/**
 * The listening side of an HTTP-mode proxy.
 *
 * A node:http server and client cost about 290 µs of CPU per request, six times what a trivial upstream
 * spends answering (docs/benchmarks.md, Proxy). So for an `http:` upstream the proxy listens with a plain
 * TCP server, and each client connection starts in the fast lane: its requests are framed, not parsed
 * into objects, and forwarded as bytes on one upstream connection of its own, with only the Host line
 * and the target rewritten; responses come back verbatim. The first request that rolls a fault (or
 * asks to upgrade the connection) hands the connection over to a node:http server that never listens,
 * and that request and every later one on the connection take the full path (`handleHttpRequest`).
 * An `https:` upstream keeps the node:http server for every connection.
 */
export function createHttpProxyServer(upstream: HttpUpstream, host: LinkHost, options: { readonly idleTimeoutMs?: number } = {}): Server {
  // What the fast lane rolled for the request it handed a connection over for: rolled once, counted once.
  const chosenAtHandOff = new WeakMap<Socket, ChosenFaults>();
  const httpServer = createHttpServer((request, response) => {
    const chosen = chosenAtHandOff.get(request.socket);
    if (chosen) chosenAtHandOff.delete(request.socket);
    handleHttpRequest(request, response, upstream, host, chosen);
  });
  // A black-holed request legitimately waits for minutes; the client's own deadline decides.
  httpServer.requestTimeout = 0;
  if (upstream.url.protocol !== 'http:') {
    httpServer.on('connection', () => host.count('connections'));
    return httpServer;
  }
  const target = laneTarget(upstream);
  // node:http consumes the socket's handle (its parser reads new bytes in C++), but what is already in
  // the socket's buffer (the unshifted head, whatever arrived while it was paused) reaches the parser
  // through the 'data' events resume() starts: on the next tick, before any new read. So no Duplex
  // in between, and `request.socket` stays the real socket that reset_peer and limit_data act on.
  const handOff = (client: Socket, chosen: ChosenFaults | undefined) => {
    if (chosen) chosenAtHandOff.set(client, chosen);
    httpServer.emit('connection', client);
    client.resume();
  };
  // The same socket options node:http's own server uses, so a handed-over connection behaves as before.
  return createTcpServer({ allowHalfOpen: true, noDelay: true }, (client) => {
    host.count('connections');
    new FastLane(client, target, upstream, host, handOff, options.idleTimeoutMs ?? defaultIdleTimeoutMs);
  });
}

/** Where the fast lane connects, and the bytes it writes into each request head. */
interface LaneTarget {
  readonly host: string;
  readonly port: number;
  /** The upstream URL's base path, put before each target (as `upstreamOptions` does). */
  readonly basePath: Buffer;
  readonly hostLine: Buffer;
}

function laneTarget({ url }: HttpUpstream): LaneTarget {
  const base = url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '');
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || 80),
    basePath: Buffer.from(base, 'latin1'),
    hostLine: Buffer.from(`Host: ${url.host}\r\n`, 'latin1'),
  };
}

/** The head as the upstream gets it: the base path before the target, its own Host line. */
function rewriteHead(head: RequestHead, target: LaneTarget): Buffer {
  const { raw, targetStart } = head;
  const hasHost = head.hostLineStart >= 0;
  const cutStart = hasHost ? head.hostLineStart : head.headersStart;
  const cutEnd = hasHost ? head.hostLineEnd : head.headersStart;
  const out = Buffer.allocUnsafe(raw.length + target.basePath.length + target.hostLine.length - (cutEnd - cutStart));
  let at = raw.copy(out, 0, 0, targetStart);
  at += target.basePath.copy(out, at);
  at += raw.copy(out, at, targetStart, cutStart);
  at += target.hostLine.copy(out, at);
  raw.copy(out, at, cutEnd);
  return out;
}

/** A 502 on the wire, ending the connection: the same problem body the node:http path sends. */
function badGatewayBytes(hostName: string, upstream: HttpUpstream, error: Error, isHeadRequest: boolean): Buffer {
  const answer = badGateway(hostName, upstream.url, error);
  const headers = { ...answer.headers, 'x-faultline-proxy': hostName, connection: 'close' };
  let head = `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${String(value)}\r\n`;
  const headBytes = Buffer.from(`${head}\r\n`, 'latin1');
  return isHeadRequest ? headBytes : Buffer.concat([headBytes, answer.body]);
}

/** A request sent upstream whose response has not ended yet. */
interface InFlight {
  readonly isHeadRequest: boolean;
  /** The client asked to close after it (Connection: close, or HTTP/1.0 without keep-alive). */
  readonly isLast: boolean;
}

const enum Phase {
  /** Forwarding requests. */
  Open,
  /** A request needs the full path: the client is not read while earlier responses finish. */
  HandingOff,
  /** Closing: no more requests are read. */
  Closing,
  /** node:http has the connection, or it is gone. */
  Done,
}

type HandOff = (client: Socket, chosen: ChosenFaults | undefined) => void;

const readBufferBytes = 16 * 1024;

function ignoreError(): void {
  // An upstream socket let go of: whatever it reports no longer concerns anyone.
}

/**
 * One client connection in the fast lane, with its own upstream connection (opened on the first
 * request). Requests are written upstream as they are framed, pipelined ones included; responses come
 * back in order and are framed only to know where each ends. Backpressure holds the reading side
 * whenever the writing side is full, both ways.
 */
/** How long a client connection may stay silent with nothing in flight (node:http's headersTimeout). */
export const defaultIdleTimeoutMs = 60_000;

class FastLane implements ActiveLink {
  private readonly requests = new RequestParser();
  private readonly responses = new ResponseParser();
  private readonly inFlight: InFlight[] = [];
  private upstreamSocket: Socket | null = null;
  private readBuffer: Buffer | null = null;
  private phase = Phase.Open;
  /** Bytes of the oldest in-flight response already went to the client: a status can no longer say what broke. */
  private isResponseStarted = false;
  private isClientEnded = false;
  private isClientHeld = false;
  private isUpstreamHeld = false;
  private handOffChoice: ChosenFaults | undefined;

  constructor(
    private readonly client: Socket,
    private readonly target: LaneTarget,
    private readonly upstream: HttpUpstream,
    private readonly host: LinkHost,
    private readonly handOff: HandOff,
    idleTimeoutMs: number,
  ) {
    host.register(this);
    client.on('data', this.onClientData);
    client.on('end', this.onClientEnd);
    client.on('drain', this.onClientDrain);
    client.on('error', this.onClientError);
    client.on('close', this.onClientClose);
    // A connection that sends nothing (or half a head) for this long is closed, as node:http would; one
    // waiting for an answer is left alone, since a dependency may rightly take that long.
    client.setTimeout(idleTimeoutMs);
    client.on('timeout', this.onClientTimeout);
  }

  faultAdded(): void {
    // Every request looks at the faults when it arrives: a new fault acts from the next request on.
  }

  faultRemoved(): void {
    // Requests in the fast lane carry no fault.
  }

  destroy(): void {
    this.phase = Phase.Done;
    this.client.destroy();
    this.upstreamSocket?.destroy();
    this.host.unregister(this);
  }

  private readonly onClientData = (data: Buffer): void => {
    // What this read sends upstream, written once the read is framed: one write for the usual single
    // head, several corked into one writev otherwise.
    let first: Buffer | null = null;
    let more: Buffer[] | null = null;
    let offset = 0;
    while (offset < data.length && this.phase === Phase.Open) {
      const requests = this.requests;
      const part = requests.feed(data, offset);
      if (requests.error) {
        // A head node:http may read differently (or answer 400 to, as it always did) goes there;
        // a body whose framing broke after its head went upstream cannot be made good.
        if (requests.failedHead) this.startHandOff(Buffer.concat([requests.failedHead, data.subarray(requests.consumed)]), undefined);
        else this.destroy();
        break;
      }
      let bytes: Buffer | null = null;
      if (part === 'head') {
        const head = requests.head!;
        if (head.upgrade !== undefined || head.method === 'CONNECT') {
          this.startHandOff(Buffer.concat([head.raw, data.subarray(requests.consumed)]), undefined);
          break;
        }
        this.host.count('requests');
        const chosen = chooseFaults(this.host, head.method, head.target);
        if (chosen.length > 0) {
          this.startHandOff(Buffer.concat([head.raw, data.subarray(requests.consumed)]), chosen);
          break;
        }
        const isHeadRequest = head.method === 'HEAD';
        if (this.inFlight.length === 0) this.responses.isHeadRequest = isHeadRequest;
        this.inFlight.push({ isHeadRequest, isLast: !head.isKeepAlive });
        bytes = rewriteHead(head, this.target);
      } else if (part === 'body') {
        if (requests.bodyBytes > 0) this.host.count('bytesFromClients', requests.bodyBytes);
        bytes = data.subarray(offset, requests.consumed);
      }
      if (bytes) {
        if (first === null) first = bytes;
        else (more ??= []).push(bytes);
      }
      offset = requests.consumed;
      // RFC 9112 §9.6: nothing after a request that closes the connection is read.
      if (part !== null && requests.isComplete && !requests.head!.isKeepAlive) this.stopReadingClient();
    }
    if (first === null || this.phase === Phase.Done) return;
    const upstream = this.upstreamSocket ?? this.openUpstream();
    let isFull: boolean;
    if (more === null) isFull = !upstream.write(first);
    else {
      upstream.cork();
      upstream.write(first);
      for (const bytes of more) upstream.write(bytes);
      upstream.uncork();
      isFull = upstream.writableNeedDrain;
    }
    if (isFull && this.phase === Phase.Open) {
      this.isClientHeld = true;
      this.client.pause();
    }
  };

  private openUpstream(): Socket {
    // Responses are read into a buffer of the connection's own, framed and written to the client
    // before the next read: no buffer made per read, and none of a Readable's bookkeeping.
    this.readBuffer = Buffer.allocUnsafe(readBufferBytes);
    const onread = { buffer: this.nextReadBuffer, callback: this.onUpstreamRead };
    const upstream = connect({ host: this.target.host, port: this.target.port, noDelay: true, onread });
    upstream.on('end', this.onUpstreamEnd);
    upstream.on('error', this.onUpstreamError);
    upstream.on('close', this.onUpstreamClose);
    upstream.on('drain', this.onUpstreamDrain);
    this.upstreamSocket = upstream;
    return upstream;
  }

  private readonly nextReadBuffer = (): Buffer => this.readBuffer!;

  private readonly onUpstreamRead = (length: number, buffer: Buffer): boolean => {
    this.onUpstreamData(buffer.subarray(0, length));
    return true;
  };

  private onUpstreamData(data: Buffer): void {
    if (this.phase === Phase.Done) return;
    const responses = this.responses;
    let offset = 0;
    let ended = 0;
    while (offset < data.length) {
      if (this.inFlight.length === 0) {
        // Bytes no request asked for: the answers before them still go out, then the connection ends.
        this.writeToClient(data.subarray(0, ended));
        return this.closeGracefully();
      }
      const end = responses.feed(data, offset);
      if (responses.error) {
        this.writeToClient(data.subarray(0, ended));
        return this.upstreamGone(new Error(`malformed response (${responses.error})`));
      }
      offset = responses.consumed;
      if (!end) break;
      ended = offset;
      this.host.count('bytesFromUpstream', end.bodyBytes);
      const request = this.inFlight.shift()!;
      this.isResponseStarted = false;
      if (!end.isKeepAlive || request.isLast || (this.inFlight.length === 0 && (this.isClientEnded || this.phase !== Phase.Open))) {
        this.writeToClient(data.subarray(0, ended));
        return this.afterLastResponse(end.isKeepAlive && !request.isLast);
      }
      responses.isHeadRequest = this.inFlight[0]?.isHeadRequest ?? false;
    }
    if (ended < data.length) this.isResponseStarted = true;
    this.writeToClient(data);
  }

  /** Every response in flight went to the client, and no more come: hand over, or close. */
  private afterLastResponse(isReusable: boolean): void {
    if (this.phase === Phase.HandingOff && isReusable) return this.completeHandOff();
    this.closeGracefully();
  }

  private writeToClient(data: Buffer): void {
    if (data.length === 0) return;
    const isBelowMark = this.client.write(data);
    // A write the socket could not finish at once keeps a view of the read buffer: it is the write's now.
    if (this.client.writableLength > 0) this.readBuffer = Buffer.allocUnsafe(readBufferBytes);
    if (!isBelowMark && !this.isUpstreamHeld) {
      this.isUpstreamHeld = true;
      this.upstreamSocket?.pause();
    }
  }

  private readonly onUpstreamEnd = (): void => {
    if (this.phase === Phase.Done) return;
    // A body without a length ends with the connection.
    const end = this.inFlight.length > 0 ? this.responses.finishAtClose() : null;
    if (end) {
      this.host.count('bytesFromUpstream', end.bodyBytes);
      this.inFlight.shift();
      return this.closeGracefully();
    }
    this.upstreamGone(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
  };

  private readonly onUpstreamError = (error: Error): void => this.upstreamGone(error);

  private readonly onUpstreamClose = (): void => this.upstreamGone(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));

  /**
   * The upstream connection ended or broke. With nothing in flight the client's connection ends as the
   * upstream's did (or is handed over, if it was waiting for that); a request whose answer has not
   * begun gets a 502, as from the node:http path; an answer cut short cuts the client's connection.
   */
  private upstreamGone(error: Error): void {
    if (this.phase === Phase.Done) return;
    if (this.inFlight.length === 0) return this.afterLastResponse(true);
    if (this.isResponseStarted) return this.destroy();
    this.client.write(badGatewayBytes(this.host.name, this.upstream, error, this.inFlight[0]!.isHeadRequest));
    this.closeGracefully();
  }

  private readonly onUpstreamDrain = (): void => {
    if (this.isClientHeld && this.phase === Phase.Open) {
      this.isClientHeld = false;
      this.client.resume();
    }
  };

  private readonly onClientDrain = (): void => {
    if (this.isUpstreamHeld) {
      this.isUpstreamHeld = false;
      this.upstreamSocket?.resume();
    }
  };

  private readonly onClientEnd = (): void => {
    if (this.phase !== Phase.Open) return;
    this.isClientEnded = true;
    // A request cut short mid-body: let the upstream see the end too.
    if (!this.requests.isIdle && this.inFlight.length > 0) this.upstreamSocket?.end();
    if (this.inFlight.length === 0) this.closeGracefully();
  };

  private readonly onClientError = (): void => this.destroy();
  private readonly onClientTimeout = (): void => {
    if (this.phase === Phase.Open && this.inFlight.length === 0) this.destroy();
  };

  private readonly onClientClose = (): void => {
    if (this.phase === Phase.Done) return;
    this.destroy();
  };

  private stopReadingClient(): void {
    this.phase = Phase.Closing;
    this.client.pause();
    if (this.inFlight.length === 0) this.closeGracefully();
  }

  /** Flush what was written to the client, then close it; the upstream connection goes at once. */
  private closeGracefully(): void {
    this.phase = Phase.Done;
    this.client.pause();
    this.client.destroySoon();
    this.upstreamSocket?.destroy();
    this.host.unregister(this);
  }

  /**
   * Give the connection to node:http from this request's head on: stop reading, put the unread bytes
   * back, and once every response in flight has gone to the client, close the upstream connection.
   */
  private startHandOff(unread: Buffer, chosen: ChosenFaults | undefined): void {
    this.phase = Phase.HandingOff;
    this.handOffChoice = chosen;
    this.client.pause();
    this.client.off('data', this.onClientData);
    if (unread.length > 0) this.client.unshift(unread);
    if (this.inFlight.length === 0) this.completeHandOff();
  }

  private completeHandOff(): void {
    this.phase = Phase.Done;
    const upstream = this.upstreamSocket;
    if (upstream) {
      upstream.off('end', this.onUpstreamEnd);
      upstream.off('error', this.onUpstreamError);
      upstream.off('close', this.onUpstreamClose);
      upstream.on('error', ignoreError);
      upstream.destroySoon();
    }
    const client = this.client;
    client.off('end', this.onClientEnd);
    client.off('drain', this.onClientDrain);
    client.off('error', this.onClientError);
    client.off('close', this.onClientClose);
    client.off('timeout', this.onClientTimeout);
    client.setTimeout(0);
    this.host.unregister(this);
    this.handOff(client, this.handOffChoice);
  }
}

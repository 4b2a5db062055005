import { request as httpRequest, STATUS_CODES, type Agent, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { LinkClosedError } from './abortable-sleep.js';
import { matchesRequest } from './fault-input.js';
import { faultDefinition } from './faults/registry.js';
import { attachStage, LazyAbort, rolls, type ActiveLink, type LinkHost } from './link.js';
import { Pipeline, type Sink } from './pipeline.js';
import type { Fault, HeaderValue, HttpRequestHead, HttpResponseHead, LinkControl, SyntheticResponse } from './types.js';

/** Where an HTTP proxy forwards to, and the keep-alive pool it uses. */
export interface HttpUpstream {
  readonly url: URL;
  readonly agent: Agent;
}

// RFC 9110 §7.6.1: these describe one connection, not the message, so a proxy does not pass them on.
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect']);

function forwardable(headers: IncomingHttpHeaders): Record<string, HeaderValue> {
  const kept: Record<string, HeaderValue> = {};
  // Headers named in Connection are hop-by-hop too (RFC 9110 §7.6.1); most messages name none but close/keep-alive.
  const connection = headers['connection'];
  const named = connection ? new Set(connection.toLowerCase().split(',').map((name) => name.trim())) : undefined;
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && !hopByHop.has(name) && !named?.has(name)) kept[name] = value;
  }
  return kept;
}

function drained(stream: ServerResponse | ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** A 502 problem body naming the proxy and why the upstream could not be reached. */
export function badGateway(proxyName: string, upstream: URL, error: Error): SyntheticResponse {
  const body = JSON.stringify({
    type: 'about:blank',
    title: STATUS_CODES[502],
    status: 502,
    detail: `faultline proxy '${proxyName}' could not reach ${upstream.origin}: ${error.message}`,
  });
  return { status: 502, headers: { 'content-type': 'application/problem+json', 'content-length': String(Buffer.byteLength(body)) }, body: Buffer.from(body) };
}

/** Options for the request to the upstream: its origin, the base path prepended, its Host. */
function upstreamOptions(upstream: HttpUpstream, head: HttpRequestHead) {
  const { url, agent } = upstream;
  const base = url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '');
  return {
    protocol: url.protocol,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port || undefined,
    method: head.method,
    path: base + head.path,
    headers: { ...head.headers, host: url.host },
    agent,
  };
}

function sendUpstream(upstream: HttpUpstream, head: HttpRequestHead): ClientRequest {
  return (upstream.url.protocol === 'https:' ? httpsRequest : httpRequest)(upstreamOptions(upstream, head));
}

/** The faults a request rolled for, each with its rank. */
export type ChosenFaults = readonly { readonly fault: Fault; readonly order: number }[];

/** The faults that act on one request: those whose match fits it, each after one toxicity roll. */
export function chooseFaults(host: LinkHost, method: string, target: string): ChosenFaults {
  const faults = host.faults();
  return faults.length === 0 ? faults : faults.filter(({ fault }) => matchesRequest(fault, method, target) && rolls(fault));
}

/**
 * Handle one HTTP request: choose its faults (match, then one toxicity roll each) and forward it, through
 * the faults' stages when any were chosen, or straight when none were. `chosen` comes from the fast lane
 * when it handed the connection over for this request: it already counted the request and rolled.
 */
export function handleHttpRequest(request: IncomingMessage, response: ServerResponse, upstream: HttpUpstream, host: LinkHost, chosen?: ChosenFaults): void {
  if (!chosen) {
    host.count('requests');
    chosen = chooseFaults(host, request.method ?? 'GET', request.url ?? '/');
  }
  if (chosen.length > 0) new HttpLink(request, response, upstream, host, chosen);
  else forwardPlain(request, response, upstream, host);
}

/** Forward a request no fault applies to: streams piped both ways, 502 when the upstream is unreachable. */
function forwardPlain(request: IncomingMessage, response: ServerResponse, upstream: HttpUpstream, host: LinkHost): void {
  const outgoing = sendUpstream(upstream, { method: request.method ?? 'GET', path: request.url ?? '/', headers: forwardable(request.headers) });
  let incoming: IncomingMessage | undefined;
  outgoing.on('response', (answer) => {
    incoming = answer;
    response.writeHead(answer.statusCode ?? 502, forwardable(answer.headers));
    answer.on('data', (data: Buffer) => host.count('bytesFromUpstream', data.length));
    answer.on('aborted', () => response.destroy());
    answer.pipe(response);
  });
  outgoing.on('error', (error) => {
    if (response.headersSent) return void response.destroy();
    const answer = badGateway(host.name, upstream.url, error);
    response.writeHead(answer.status, { ...answer.headers, 'x-faultline-proxy': host.name }).end(answer.body);
  });
  response.on('close', () => {
    if (!incoming?.complete) outgoing.destroy();
  });
  request.on('data', (data: Buffer) => host.count('bytesFromClients', data.length));
  request.pipe(outgoing);
}

/**
 * One HTTP request with faults: the request head and body flow through the upstream stages to the
 * upstream, the response head and body through the downstream stages back. A fault removed meanwhile
 * lets go of it.
 */
class HttpLink implements ActiveLink, LinkControl {
  readonly mode = 'http' as const;
  private readonly abortion = new LazyAbort();
  private readonly pipelines: { readonly upstream: Pipeline; readonly downstream: Pipeline };
  private readonly faults: readonly Fault[];
  private readonly requestHead: HttpRequestHead;
  private upstreamRequest: ClientRequest | undefined;
  private upstreamResponse: IncomingMessage | undefined;
  private responseHead: HttpResponseHead | undefined;
  private isHeadWritten = false;
  private isCleanedUp = false;

  constructor(
    private readonly request: IncomingMessage,
    private readonly response: ServerResponse,
    private readonly upstream: HttpUpstream,
    private readonly host: LinkHost,
    chosen: ChosenFaults,
  ) {
    const method = request.method ?? 'GET';
    this.faults = chosen.map(({ fault }) => fault);
    const fail = () => this.close();
    this.pipelines = {
      upstream: new Pipeline(this.upstreamSink(), request, fail),
      downstream: new Pipeline(this.responseSink(), { pause: () => this.upstreamResponse?.pause(), resume: () => this.upstreamResponse?.resume() }, fail),
    };
    for (const { fault, order } of chosen) attachStage(fault, order, this, this.pipelines);
    host.register(this);
    response.on('close', () => this.cleanUp());
    this.requestHead = { method, path: request.url ?? '/', headers: forwardable(request.headers) };
    const answer = this.requestHooks();
    if (answer) {
      request.resume();
      this.respond(answer);
      return;
    }
    this.pipelines.upstream.push({ data: Buffer.alloc(0), arrivedAt: performance.now(), isHead: true });
    request.on('data', (data: Buffer) => {
      host.count('bytesFromClients', data.length);
      this.pipelines.upstream.push({ data, arrivedAt: performance.now() });
    });
    request.on('end', () => this.pipelines.upstream.finish());
  }

  get signal(): AbortSignal {
    return this.abortion.signal;
  }

  faultAdded(): void {
    // A request keeps the faults it rolled for when it arrived; new faults start with the next request.
  }

  faultRemoved(name: string): void {
    this.pipelines.upstream.remove(name);
    this.pipelines.downstream.remove(name);
  }

  reset(): void {
    this.upstreamRequest?.destroy();
    if (!this.request.socket.destroyed) this.request.socket.resetAndDestroy();
    this.cleanUp();
  }

  close(): void {
    this.upstreamRequest?.destroy();
    // destroySoon flushes what was already written (limit_data's last bytes), then closes.
    this.response.socket?.destroySoon();
    this.abortion.abort();
  }

  destroy(): void {
    this.upstreamRequest?.destroy();
    this.response.socket?.destroy();
    this.cleanUp();
  }

  /** The first fault that answers the request itself wins; header faults edit the head in place. */
  private requestHooks(): SyntheticResponse | undefined {
    for (const fault of this.faults) {
      const answer = faultDefinition(fault.type)?.onRequest?.(fault.attributes, this.requestHead, fault.stream);
      if (answer) return answer;
    }
    return undefined;
  }

  private respond(answer: SyntheticResponse): void {
    this.responseHead = { status: answer.status, headers: { ...answer.headers, 'x-faultline-proxy': this.host.name } };
    const arrivedAt = performance.now();
    this.pipelines.downstream.push({ data: Buffer.alloc(0), arrivedAt, isHead: true });
    this.pipelines.downstream.push({ data: answer.body, arrivedAt });
    this.pipelines.downstream.finish();
  }

  private startUpstream(): void {
    const outgoing = sendUpstream(this.upstream, this.requestHead);
    outgoing.on('response', (incoming) => this.onUpstreamResponse(incoming));
    outgoing.on('error', (error) => this.onUpstreamError(error));
    // Sent now, so a request whose body a fault holds back still reaches the upstream as a head.
    outgoing.flushHeaders();
    this.upstreamRequest = outgoing;
  }

  private onUpstreamResponse(incoming: IncomingMessage): void {
    this.upstreamResponse = incoming;
    const head: HttpResponseHead = { status: incoming.statusCode ?? 502, headers: forwardable(incoming.headers) };
    let replacement: Buffer | undefined;
    for (const fault of this.faults) replacement = faultDefinition(fault.type)?.onResponse?.(fault.attributes, head, fault.stream) ?? replacement;
    this.responseHead = head;
    this.pipelines.downstream.push({ data: Buffer.alloc(0), arrivedAt: performance.now(), isHead: true });
    if (replacement) {
      incoming.resume();
      this.pipelines.downstream.push({ data: replacement, arrivedAt: performance.now() });
      this.pipelines.downstream.finish();
      return;
    }
    incoming.on('data', (data: Buffer) => {
      this.host.count('bytesFromUpstream', data.length);
      this.pipelines.downstream.push({ data, arrivedAt: performance.now() });
    });
    incoming.on('end', () => this.pipelines.downstream.finish());
    incoming.on('aborted', () => this.close());
  }

  private onUpstreamError(error: Error): void {
    if (this.abortion.isAborted) return;
    // Once part of the answer went out, a status can no longer say what happened: cut the connection.
    if (this.responseHead) return this.close();
    this.respond(badGateway(this.host.name, this.upstream.url, error));
  }

  private upstreamSink(): Sink {
    return {
      write: async (chunk) => {
        if (chunk.isHead) return this.startUpstream();
        const outgoing = this.upstreamRequest;
        if (!outgoing || outgoing.destroyed) throw new LinkClosedError();
        if (chunk.data.length > 0 && !outgoing.write(chunk.data)) await drained(outgoing);
      },
      end: async () => {
        this.upstreamRequest?.end();
      },
    };
  }

  private responseSink(): Sink {
    const response = this.response;
    return {
      write: async (chunk) => {
        if (response.destroyed) throw new LinkClosedError();
        if (chunk.isHead) {
          const head = this.responseHead!;
          response.writeHead(head.status, head.headers);
          this.isHeadWritten = true;
          return;
        }
        if (chunk.data.length > 0 && !response.write(chunk.data)) await drained(response);
      },
      end: async () => {
        if (!this.isHeadWritten) return this.close();
        response.end();
      },
    };
  }

  private cleanUp(): void {
    if (this.isCleanedUp) return;
    this.isCleanedUp = true;
    this.abortion.abort();
    // Only an unfinished upstream exchange is torn down; a finished one's socket goes back to the pool.
    if (this.upstreamRequest && !this.upstreamResponse?.complete) this.upstreamRequest.destroy();
    this.pipelines.upstream.dispose();
    this.pipelines.downstream.dispose();
    this.host.unregister(this);
  }
}

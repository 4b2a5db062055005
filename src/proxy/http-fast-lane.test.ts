import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ResponseParser } from '../http/wire/response-parser.js';
import { closeAll, fetchVia, proxyTo, startTcpUpstream } from './proxy.test-helper.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
  await closeAll();
});

interface Upstream {
  readonly url: string;
  readonly port: number;
  /** Connections the upstream accepted. */
  connections(): number;
  /** Each request as the upstream saw it. */
  readonly seen: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/** A node:http upstream on 127.0.0.1 (on `port` when given) that counts its connections. */
async function startUpstream(handler: (request: IncomingMessage, response: ServerResponse) => void, port = 0): Promise<Upstream> {
  const seen: Upstream['seen'] = [];
  let connections = 0;
  const server: Server = createServer((request, response) => {
    seen.push({ method: request.method!, url: request.url!, headers: request.headers });
    handler(request, response);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  let isClosed = false;
  const close = async () => {
    if (isClosed) return;
    isClosed = true;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  closers.push(close);
  return { url: `http://127.0.0.1:${bound}`, port: bound, connections: () => connections, seen, close };
}

interface RawResponse {
  readonly status: number;
  readonly head: string;
  readonly body: string;
}

/** A client on one raw TCP connection: it writes bytes as given and frames what comes back. */
interface RawClient {
  /** `heads[i]` says the i-th request in `bytes` is a HEAD request (its answer has no body). */
  send(bytes: string | Buffer, heads?: readonly boolean[]): void;
  /** The next `count` responses (fewer if the connection closes or 5 s pass). */
  responses(count: number): Promise<RawResponse[]>;
  /** Resolves once the proxy closed the connection (or after `timeoutMs`, with false). */
  closed(timeoutMs?: number): Promise<boolean>;
  readonly socket: Socket;
}

async function rawClient(port: number): Promise<RawClient> {
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise((resolve) => socket.once('connect', resolve));
  const parser = new ResponseParser();
  const heads: boolean[] = [];
  const answers: RawResponse[] = [];
  let pieces: Buffer[] = [];
  let taken = 0;
  let isClosed = false;
  let wake: (() => void) | null = null;
  const answered = (status: number) => {
    const text = Buffer.concat(pieces).toString('latin1');
    pieces = [];
    // Interim (1xx) heads stay in `head`, before the final one.
    let split = text.indexOf('\r\n\r\n');
    for (let headStart = 0; /^HTTP\/1\.\d 1\d\d /.test(text.slice(headStart, headStart + 13)); headStart = split + 4) split = text.indexOf('\r\n\r\n', split + 4);
    answers.push({ status, head: text.slice(0, split), body: text.slice(split + 4) });
    parser.reset(heads[answers.length] ?? false);
  };
  socket.on('data', (data: Buffer) => {
    let offset = 0;
    while (offset < data.length && !parser.error) {
      const end = parser.feed(data, offset);
      pieces.push(data.subarray(offset, parser.consumed));
      offset = parser.consumed;
      if (end) answered(end.status);
    }
    wake?.();
  });
  socket.on('close', () => {
    const end = parser.finishAtClose();
    if (end) answered(end.status);
    isClosed = true;
    wake?.();
  });
  socket.on('error', () => {});
  closers.push(async () => void socket.destroy());
  const changed = (timeoutMs: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.max(0, timeoutMs));
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  return {
    socket,
    send(bytes, isHead = []) {
      const first = heads.length;
      const count = (typeof bytes === 'string' ? bytes : bytes.toString('latin1')).match(/^[A-Z]+ \S+ HTTP\/1\.\d\r$/gm)?.length ?? 0;
      for (let i = 0; i < count; i++) heads.push(isHead[i] ?? false);
      if (answers.length === first) parser.reset(heads[first] ?? false);
      socket.write(bytes);
    },
    async responses(count) {
      const deadline = Date.now() + 5000;
      while (answers.length - taken < count && !isClosed && Date.now() < deadline) await changed(deadline - Date.now());
      if (parser.error) throw new Error(`client could not read a response: ${parser.error}`);
      const next = answers.slice(taken, taken + count);
      taken += next.length;
      return next;
    },
    async closed(timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (!isClosed && Date.now() < deadline) await changed(deadline - Date.now());
      return isClosed;
    },
  };
}

const portOf = (listen: string) => Number(listen.split(':').pop());
const get = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: proxy.test\r\n${extra}\r\n`;

describe('HTTP fast lane', () => {
  it('carries many requests of one client connection on one upstream connection', async () => {
    const upstream = await startUpstream((request, response) => response.end(`hello ${request.url}`));
    const proxy = await proxyTo(upstream.url);
    const client = await rawClient(portOf(proxy.listen));
    const bodies: string[] = [];
    for (let i = 0; i < 5; i++) {
      client.send(get(`/n/${i}`));
      const [answer] = await client.responses(1);
      bodies.push(answer!.body);
    }
    expect(bodies).toEqual([0, 1, 2, 3, 4].map((i) => `hello /n/${i}`));
    expect(upstream.connections()).toBe(1);
    expect(proxy.traffic()).toMatchObject({ connections: 1, requests: 5 });
  });

  it('answers pipelined requests in the order they were sent, even when the first is slowest', async () => {
    const upstream = await startUpstream((request, response) => {
      setTimeout(() => response.end(`answer ${request.url}`), request.url === '/1' ? 100 : 0);
    });
    const proxy = await proxyTo(upstream.url);
    const client = await rawClient(portOf(proxy.listen));
    client.send(get('/1') + get('/2') + get('/3'));
    const answers = await client.responses(3);
    expect(answers.map((a) => a.body)).toEqual(['answer /1', 'answer /2', 'answer /3']);
    expect(upstream.seen.map((s) => s.url)).toEqual(['/1', '/2', '/3']);
  });

  it('lets the upstream answer Expect: 100-continue before the body is sent', async () => {
    const upstream = await startUpstream((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => response.end(`got ${Buffer.concat(chunks).toString()}`));
    });
    const proxy = await proxyTo(upstream.url);
    const client = await rawClient(portOf(proxy.listen));
    client.socket.once('data', () => client.send('hello'));
    client.send('POST /p HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n');
    const [answer] = await client.responses(1);
    expect(answer!.head).toMatch(/^HTTP\/1\.1 100 Continue\r\n/);
    expect(answer!.body).toBe('got hello');
  });

  it('frames responses without a body (HEAD, 204, 304) and keeps the connection going', async () => {
    const upstream = await startUpstream((request, response) => {
      if (request.url === '/empty') return void response.writeHead(204).end();
      if (request.url === '/same') return void response.writeHead(304, { etag: '"1"' }).end();
      response.writeHead(200, { 'content-length': '11', 'content-type': 'text/plain' }).end(request.method === 'HEAD' ? undefined : 'hello world');
    });
    const proxy = await proxyTo(upstream.url);
    const client = await rawClient(portOf(proxy.listen));
    client.send(`HEAD /doc HTTP/1.1\r\nHost: x\r\n\r\n${get('/empty')}${get('/same')}${get('/doc')}`, [true]);
    const answers = await client.responses(4);
    expect(answers.map((a) => [a.status, a.body])).toEqual([
      [200, ''],
      [204, ''],
      [304, ''],
      [200, 'hello world'],
    ]);
    expect(answers[0]!.head).toMatch(/content-length: 11/i);
    expect(upstream.connections()).toBe(1);
  });

  it('passes a chunked response through as the upstream framed it', async () => {
    const upstream = await startUpstream((_request, response) => {
      response.write('first,');
      setTimeout(() => response.end('second'), 20);
    });
    const proxy = await proxyTo(upstream.url);
    const client = await rawClient(portOf(proxy.listen));
    client.send(get('/stream') + get('/stream'));
    const answers = await client.responses(2);
    expect(answers[0]!.head).toMatch(/transfer-encoding: chunked/i);
    expect(answers.map((a) => a.body)).toEqual(['6\r\nfirst,\r\n6\r\nsecond\r\n0\r\n\r\n', '6\r\nfirst,\r\n6\r\nsecond\r\n0\r\n\r\n']);
    expect(proxy.traffic().bytesFromUpstream).toBe(24);
  });

  it('ends the client connection with a body that runs until the upstream closes', async () => {
    const upstream = await startTcpUpstream((socket) => {
      socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\nuntil the end'));
    });
    const proxy = await proxyTo(`http://${upstream.address}`);
    const answer = await fetchVia(`${proxy.url}/old`);
    expect(answer).toMatchObject({ status: 200, error: null });
    expect(answer.body.toString()).toBe('until the end');
  });

  it('delivers a 1 MiB request body intact, and a 16 MiB response to a client that reads slowly', async () => {
    const large = Buffer.alloc(16 << 20);
    for (let i = 0; i < large.length; i++) large[i] = (i * 31) % 253;
    const upstream = await startUpstream((request, response) => {
      if (request.method === 'GET') return void response.end(large);
      const hash = createHash('sha256');
      let length = 0;
      request.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        length += chunk.length;
      });
      request.on('end', () => response.end(`${length} ${hash.digest('hex')}`));
    });
    const proxy = await proxyTo(upstream.url);
    const body = Buffer.alloc(1 << 20);
    for (let i = 0; i < body.length; i++) body[i] = (i * 7919) % 251;
    const answer = await fetchVia(`${proxy.url}/upload`, { method: 'POST', body: body.toString('latin1'), headers: { 'content-type': 'application/octet-stream' } });
    const sent = Buffer.from(body.toString('latin1'), 'utf8');
    expect(answer.body.toString()).toBe(`${sent.length} ${createHash('sha256').update(sent).digest('hex')}`);
    expect(proxy.traffic().bytesFromClients).toBe(sent.length);

    const client = await rawClient(portOf(proxy.listen));
    client.socket.pause();
    client.send(get('/big'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    client.socket.resume();
    const [big] = await client.responses(1);
    const received = Buffer.from(big!.body, 'latin1');
    expect(received.length).toBe(large.length);
    expect(createHash('sha256').update(received).digest('hex')).toBe(createHash('sha256').update(large).digest('hex'));
  });

  it('keeps a response intact when it arrives in small pieces while the client is not reading', async () => {
    const piece = 1000;
    const pieces = 4096;
    const expected = createHash('sha256');
    const upstream = await startUpstream((_request, response) => {
      response.writeHead(200, { 'content-length': String(piece * pieces) });
      let sent = 0;
      const more = () => {
        if (sent === pieces) return void response.end();
        const bytes = Buffer.alloc(piece, sent % 251);
        expected.update(bytes);
        sent++;
        // Small writes a tick apart, so the proxy reads them one by one while its writes to the client queue up.
        if (response.write(bytes)) setImmediate(more);
        else response.once('drain', more);
      };
      more();
    });
    const proxy = await proxyTo(upstream.url);
    const client = await rawClient(portOf(proxy.listen));
    client.socket.pause();
    client.send(get('/drip'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    client.socket.resume();
    const [answer] = await client.responses(1);
    const received = Buffer.from(answer!.body, 'latin1');
    expect(received.length).toBe(piece * pieces);
    expect(createHash('sha256').update(received).digest('hex')).toBe(expected.digest('hex'));
  });

  it('gives the upstream its own Host and puts the base path before the target', async () => {
    const upstream = await startUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(`${upstream.url}/api/v1/`);
    const client = await rawClient(portOf(proxy.listen));
    client.send(get('/orders?limit=2', 'X-Trace: 7\r\n') + 'GET /no-host HTTP/1.0\r\nConnection: keep-alive\r\n\r\n');
    await client.responses(2);
    expect(upstream.seen.map((s) => [s.url, s.headers.host, s.headers['x-trace']])).toEqual([
      ['/api/v1/orders?limit=2', `127.0.0.1:${upstream.port}`, '7'],
      ['/api/v1/no-host', `127.0.0.1:${upstream.port}`, undefined],
    ]);
  });

  it('answers 502 and closes while the upstream is down, and serves the next connection once it is back', async () => {
    const first = await startUpstream((_request, response) => response.end('first'));
    const proxy = await proxyTo(first.url, { name: 'inventory' });
    await first.close();
    const client = await rawClient(portOf(proxy.listen));
    client.send(get('/stock/1'));
    const [answer] = await client.responses(1);
    expect(answer!.status).toBe(502);
    expect(answer!.head).toMatch(/connection: close/i);
    expect(answer!.head).toMatch(/x-faultline-proxy: inventory/i);
    expect(JSON.parse(answer!.body).detail).toMatch(/faultline proxy 'inventory' could not reach http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    expect(await client.closed()).toBe(true);

    await startUpstream((_request, response) => response.end('back'), first.port);
    const again = await fetchVia(`${proxy.url}/stock/1`);
    expect(again).toMatchObject({ status: 200, error: null });
    expect(again.body.toString()).toBe('back');
  });

  it('applies a fault added mid-connection from the next request on that connection, rolled and counted once', async () => {
    const upstream = await startUpstream((request, response) => response.end(`plain ${request.url}`));
    const proxy = await proxyTo(upstream.url);
    const client = await rawClient(portOf(proxy.listen));
    client.send(get('/a'));
    expect((await client.responses(1))[0]!.body).toBe('plain /a');
    const fault = proxy.addFault({ type: 'http_status', attributes: { status: 503 } });
    client.send(get('/b'));
    const [faulty] = await client.responses(1);
    expect(faulty!.status).toBe(503);
    expect(faulty!.head).toMatch(/x-faultline-proxy: dep/i);
    proxy.removeFault(fault.name);
    client.send(get('/c'));
    expect((await client.responses(1))[0]!.body).toBe('plain /c');
    expect(upstream.seen.map((s) => s.url)).toEqual(['/a', '/c']);
    expect(proxy.traffic()).toMatchObject({ connections: 1, requests: 3 });
  });

  it('hands over a request in the same packet as the one before it, and one whose body is split across reads', async () => {
    const upstream = await startUpstream((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => response.end(`${request.method} ${request.url} ${Buffer.concat(chunks).toString()}`));
    });
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'http_header', attributes: { set: { 'x-fault': 'yes' } }, match: { path: '/faulty*' } });
    const client = await rawClient(portOf(proxy.listen));
    client.send(get('/plain') + 'POST /faulty HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n01234');
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.send('56');
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.send(`789${get('/faulty/again')}${get('/plain')}`);
    const answers = await client.responses(4);
    expect(answers.map((a) => a.body)).toEqual(['GET /plain ', 'POST /faulty 0123456789', 'GET /faulty/again ', 'GET /plain ']);
    expect(answers.map((a) => /x-fault: yes/i.test(a.head))).toEqual([false, true, true, false]);
    expect(proxy.traffic().requests).toBe(4);
  });

  it('leaves requests that ask to upgrade and heads it cannot read to node:http, as before', async () => {
    const upstream = await startUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    const client = await rawClient(portOf(proxy.listen));
    client.send(get('/ws', 'Connection: Upgrade\r\nUpgrade: websocket\r\n'));
    const [upgraded] = await client.responses(1);
    expect(upgraded!.status).toBe(200);
    expect(upstream.seen[0]!.headers.upgrade).toBeUndefined();

    const broken = await rawClient(portOf(proxy.listen));
    broken.send('GET / HTTP/1.1\r\nHost : x\r\n\r\n');
    const [refused] = await broken.responses(1);
    expect(refused!.status).toBe(400);
    expect(await broken.closed()).toBe(true);
  });

  it('closes after a request that asks to close, and after a response that does', async () => {
    const upstream = await startUpstream((request, response) => {
      if (request.url === '/bye') response.setHeader('connection', 'close');
      response.end(`hi ${request.url}`);
    });
    const proxy = await proxyTo(upstream.url);
    const asking = await rawClient(portOf(proxy.listen));
    asking.send(get('/one', 'Connection: close\r\n') + get('/ignored'));
    expect((await asking.responses(1))[0]!.body).toBe('hi /one');
    expect(await asking.closed()).toBe(true);

    const told = await rawClient(portOf(proxy.listen));
    told.send(get('/bye'));
    expect((await told.responses(1))[0]!.head).toMatch(/connection: close/i);
    expect(await told.closed()).toBe(true);
    expect(upstream.seen.map((s) => s.url)).toEqual(['/one', '/bye']);
  });

  it('closes the client connection when the upstream closes its idle one, and answers a client that half-closes', async () => {
    const upstream = await startTcpUpstream((socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok');
        setTimeout(() => socket.end(), 50);
      });
    });
    const proxy = await proxyTo(`http://${upstream.address}`);
    const idle = await rawClient(portOf(proxy.listen));
    idle.send(get('/a'));
    expect((await idle.responses(1))[0]!.body).toBe('ok');
    expect(await idle.closed()).toBe(true);

    const halfClosed = await rawClient(portOf(proxy.listen));
    halfClosed.send(get('/b'));
    halfClosed.socket.end();
    expect((await halfClosed.responses(1))[0]!.body).toBe('ok');
    expect(await halfClosed.closed()).toBe(true);
  });

  it('closes a connection that stays silent or sends half a head, but not one waiting for a slow answer', async () => {
    const upstream = await startUpstream((_request, response) => setTimeout(() => response.end('late'), 900));
    const proxy = await proxyTo(upstream.url, { idleTimeoutMs: 300 });
    const silent = await rawClient(portOf(proxy.listen));
    const halfHead = await rawClient(portOf(proxy.listen));
    halfHead.socket.write('GET /slowloris HTTP/1.1\r\nHost: x\r\n');
    const waiting = await rawClient(portOf(proxy.listen));
    waiting.send(get('/slow'));
    expect(await silent.closed(3000)).toBe(true);
    expect(await halfHead.closed(3000)).toBe(true);
    const [answer] = await waiting.responses(1);
    expect(answer).toMatchObject({ status: 200, body: 'late' });
    expect(await waiting.closed(100)).toBe(false);
  });

  it('drops fast-lane and handed-over connections when disabled, and serves again once enabled', async () => {
    const upstream = await startUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'latency', attributes: { latency: 1 }, match: { path: '/slow' } });
    const fast = await rawClient(portOf(proxy.listen));
    fast.send(get('/quick'));
    await fast.responses(1);
    const handed = await rawClient(portOf(proxy.listen));
    handed.send(get('/slow'));
    await handed.responses(1);
    await proxy.setEnabled(false);
    expect(await fast.closed()).toBe(true);
    expect(await handed.closed()).toBe(true);
    await proxy.setEnabled(true);
    expect((await fetchVia(`${proxy.url}/quick`)).status).toBe(200);
  });
});

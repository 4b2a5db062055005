import { describe, expect, it } from 'vitest';
import { RequestParser, type RequestHead } from './request-parser.js';

interface Read {
  readonly heads: RequestHead[];
  /** Payload bytes of each request, in order. */
  readonly bodies: number[];
  /** How many requests ended. */
  readonly completed: number;
  /** Every byte the parser reported as part of a request (heads and bodies), in order. */
  readonly framed: Buffer;
  readonly parser: RequestParser;
}

/** Feed `pieces` one after the other, as reads from a socket, and collect what the parser reports. */
function readPieces(pieces: readonly Buffer[]): Read {
  const parser = new RequestParser();
  const heads: RequestHead[] = [];
  const bodies: number[] = [];
  const framed: Buffer[] = [];
  let completed = 0;
  for (const piece of pieces) {
    let offset = 0;
    while (offset < piece.length) {
      const part = parser.feed(piece, offset);
      if (parser.error) return { heads, bodies, completed, framed: Buffer.concat(framed), parser };
      if (part === 'head') {
        heads.push(parser.head!);
        bodies.push(0);
        framed.push(Buffer.from(parser.head!.raw));
      } else if (part === 'body') {
        bodies[bodies.length - 1]! += parser.bodyBytes;
        framed.push(piece.subarray(offset, parser.consumed));
      }
      if (part && parser.isComplete) completed++;
      offset = parser.consumed;
    }
  }
  return { heads, bodies, completed, framed: Buffer.concat(framed), parser };
}

const bytes = (wire: string) => Buffer.from(wire, 'latin1');

/** Every way to cut `wire` in two reads, and reads of a few fixed sizes. */
function splits(wire: string): Buffer[][] {
  const all = bytes(wire);
  const ways: Buffer[][] = [];
  for (let at = 0; at <= all.length; at++) ways.push([all.subarray(0, at), all.subarray(at)]);
  for (const step of [1, 3, 7]) {
    const pieces: Buffer[] = [];
    for (let at = 0; at < all.length; at += step) pieces.push(all.subarray(at, at + step));
    ways.push(pieces);
  }
  return ways;
}

const getThenPost =
  'GET /a?x=1 HTTP/1.1\r\nHost: example.test:8080\r\nAccept: */*\r\n\r\n' + 'POST /b HTTP/1.1\r\nhost: example.test\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello';
const chunked =
  'PUT /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n5;name=val\r\nhello\r\n6 ; ext\r\n world\r\n0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n' + 'GET /next HTTP/1.1\r\nHost: h\r\n\r\n';

describe('RequestParser', () => {
  it('finds each pipelined request and its body wherever the reads are cut', () => {
    for (const pieces of splits(getThenPost)) {
      const read = readPieces(pieces);
      expect(read.parser.error).toBeNull();
      expect(read.heads.map((h) => `${h.method} ${h.target}`)).toEqual(['GET /a?x=1', 'POST /b']);
      expect(read.bodies).toEqual([0, 5]);
      expect(read.completed).toBe(2);
      expect(read.framed.toString('latin1')).toBe(getThenPost);
      expect(read.parser.isIdle).toBe(true);
    }
  });

  it('frames chunked bodies with extensions and trailers, then reads the next request', () => {
    for (const pieces of splits(chunked)) {
      const read = readPieces(pieces);
      expect(read.parser.error).toBeNull();
      expect(read.heads.map((h) => h.target)).toEqual(['/up', '/next']);
      expect(read.heads[0]!.isChunked).toBe(true);
      expect(read.bodies).toEqual([11, 0]);
      expect(read.completed).toBe(2);
      expect(read.framed.toString('latin1')).toBe(chunked);
    }
  });

  it('reports where the request line, the header block and the Host line sit in the head', () => {
    const [head] = readPieces([bytes(getThenPost)]).heads;
    const raw = head!.raw.toString('latin1');
    expect(raw).toBe('GET /a?x=1 HTTP/1.1\r\nHost: example.test:8080\r\nAccept: */*\r\n\r\n');
    expect(raw.slice(head!.targetStart, head!.targetStart + head!.target.length)).toBe('/a?x=1');
    expect(raw.slice(head!.headersStart, head!.headersEnd)).toBe('Host: example.test:8080\r\nAccept: */*\r\n');
    expect(raw.slice(head!.hostLineStart, head!.hostLineEnd)).toBe('Host: example.test:8080\r\n');
    expect(head).toMatchObject({ host: 'example.test:8080', contentLength: -1, isChunked: false, isKeepAlive: true, minorVersion: 1 });
  });

  it('reads Connection, Upgrade and Expect, and keep-alive by version', () => {
    const heads = readPieces([
      bytes('GET /ws HTTP/1.1\r\nConnection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n\r\n'),
      bytes('POST /p HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'),
    ]).heads;
    expect(heads[0]).toMatchObject({ connection: 'keep-alive, upgrade', upgrade: 'websocket', isKeepAlive: true, host: undefined, hostLineStart: -1 });
    expect(heads[1]).toMatchObject({ expect: '100-continue', contentLength: 0, isKeepAlive: false });
    expect(readPieces([bytes('GET / HTTP/1.0\r\n\r\n')]).heads[0]!.isKeepAlive).toBe(false);
    expect(readPieces([bytes('GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n')]).heads[0]!.isKeepAlive).toBe(true);
  });

  it('skips empty lines before a request line and accepts repeated equal Content-Lengths', () => {
    const read = readPieces([bytes('\r\nGET / HTTP/1.1\r\n\r\n\r\nPOST / HTTP/1.1\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\nok')]);
    expect(read.parser.error).toBeNull();
    expect(read.heads.map((h) => h.method)).toEqual(['GET', 'POST']);
    expect(read.bodies).toEqual([0, 2]);
  });

  it.each([
    ['both Content-Length and Transfer-Encoding', 'POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n', /both Content-Length and Transfer-Encoding/],
    ['a last transfer coding other than chunked', 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n', /last coding is not chunked/],
    ['chunked applied twice', 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n', /last coding is not chunked/],
    ['Transfer-Encoding in HTTP/1.0', 'POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n', /HTTP\/1\.0/],
    ['two different Content-Lengths', 'POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n', /Content-Length/],
    ['a Content-Length list', 'POST / HTTP/1.1\r\nContent-Length: 3, 3\r\n\r\n', /Content-Length/],
    ['a negative Content-Length', 'POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n', /Content-Length/],
    ['a folded header line', 'GET / HTTP/1.1\r\nX-A: 1\r\n  continued\r\n\r\n', /folded/],
    ['whitespace before a colon', 'GET / HTTP/1.1\r\nHost : h\r\n\r\n', /header name/],
    ['a bare LF', 'GET / HTTP/1.1\r\nX-A: 1\nX-B: 2\r\n\r\n', /CRLF/],
    ['a bare CR', 'GET / HTTP/1.1\r\nX-A: 1\rX-B: 2\r\n\r\n', /CRLF/],
    ['two Hosts', 'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n', /Host/],
    ['HTTP/2 in a request line', 'GET / HTTP/2.0\r\n\r\n', /request line/],
    ['HTTP/1.2', 'GET / HTTP/1.2\r\n\r\n', /version/],
    ['a space in the target', 'GET /a b HTTP/1.1\r\n\r\n', /request line/],
    ['a line that is not a request', 'SSH-2.0-OpenSSH_9.6\r\n\r\n', /request line/],
  ])('refuses a head with %s, and keeps its bytes for whoever reads it instead', (_name, wire, message) => {
    const next = 'GET /after HTTP/1.1\r\n\r\n';
    const all = bytes(`GET /before HTTP/1.1\r\n\r\n${wire}${next}`);
    const read = readPieces([all]);
    expect(read.heads.map((h) => h.target)).toEqual(['/before']);
    expect(read.parser.error).toMatch(message);
    expect(read.parser.failedHead!.toString('latin1')).toBe(wire);
    expect(all.subarray(read.parser.consumed).toString('latin1')).toBe(next);
  });

  it('refuses a head above 64 KiB with the bytes read so far', () => {
    const wire = `GET / HTTP/1.1\r\nX-Big: ${'a'.repeat(70_000)}`;
    const read = readPieces([bytes(wire).subarray(0, 40_000), bytes(wire).subarray(40_000)]);
    expect(read.parser.error).toMatch(/64 KiB/);
    expect(read.parser.failedHead!.toString('latin1')).toBe(wire);
  });

  it('refuses chunked bodies whose sizes lie or whose lines are malformed', () => {
    const head = 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n';
    expect(readPieces([bytes(`${head}zz\r\n`)]).parser.error).toMatch(/chunk size/);
    expect(readPieces([bytes(`${head}3\r\nhello\r\n0\r\n\r\n`)]).parser.error).toMatch(/longer than its size/);
    expect(readPieces([bytes(`${head}3\nabc\r\n`)]).parser.error).toMatch(/CRLF/);
    expect(readPieces([bytes(`${head}0\r\nX: ${'a'.repeat(70_000)}`)]).parser.error).toMatch(/trailer/);
    // An error in a body is not a head: there is nothing to hand to another reader.
    expect(readPieces([bytes(`${head}zz\r\n`)]).parser.failedHead).toBeNull();
  });

  it('reads a request with a large Content-Length body in pieces without keeping it', () => {
    const body = Buffer.alloc(1 << 20, 7);
    const head = bytes(`POST /upload HTTP/1.1\r\nContent-Length: ${body.length}\r\n\r\n`);
    const pieces: Buffer[] = [head];
    for (let at = 0; at < body.length; at += 65_536) pieces.push(body.subarray(at, at + 65_536));
    const read = readPieces(pieces);
    expect(read.bodies).toEqual([body.length]);
    expect(read.completed).toBe(1);
  });
});

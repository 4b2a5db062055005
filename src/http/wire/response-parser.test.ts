import { describe, expect, it } from 'vitest';
import { ResponseParser, type ResponseEnd } from './response-parser.js';

/** Feed `wire` in pieces of `step` bytes and collect every response that ends. */
function readAll(wire: string, step: number, isHead = false): { ends: ResponseEnd[]; parser: ResponseParser } {
  const parser = new ResponseParser();
  parser.reset(isHead);
  const ends: ResponseEnd[] = [];
  const bytes = Buffer.from(wire, 'latin1');
  for (let at = 0; at < bytes.length; at += step) {
    const piece = bytes.subarray(at, Math.min(bytes.length, at + step));
    let offset = 0;
    while (offset < piece.length) {
      const end = parser.feed(piece, offset);
      offset = parser.consumed;
      if (end) {
        ends.push(end);
        parser.reset(isHead);
      }
      if (parser.error) return { ends, parser };
    }
  }
  return { ends, parser };
}

const two = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello' + 'HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n';
const chunked = 'HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n' + 'HTTP/1.1 204 No Content\r\n\r\n';

describe('ResponseParser', () => {
  it('finds where each kept-alive response ends whatever the read sizes', () => {
    for (const step of [1, 2, 3, 7, 64, 4096]) {
      const { ends, parser } = readAll(two, step);
      expect(parser.error).toBeNull();
      expect(ends.map((e) => e.status)).toEqual([200, 404]);
      expect(ends[0]!.bytes + ends[1]!.bytes).toBe(two.length);
      expect(ends.map((e) => e.bodyBytes)).toEqual([5, 0]);
      expect(ends.every((e) => e.isKeepAlive)).toBe(true);
    }
  });

  it('reads chunked bodies with extensions and trailers, and a 204 without a body', () => {
    for (const step of [1, 5, 4096]) {
      const { ends, parser } = readAll(chunked, step);
      expect(parser.error).toBeNull();
      expect(ends.map((e) => e.status)).toEqual([201, 204]);
      expect(ends[0]!.bytes).toBe(chunked.indexOf('HTTP/1.1 204'));
      expect(ends.map((e) => e.bodyBytes)).toEqual([11, 0]);
    }
  });

  it('skips interim responses and reads the final one', () => {
    const { ends } = readAll('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok', 3);
    expect(ends.map((e) => e.status)).toEqual([200]);
  });

  it('reads no body after HEAD even with a Content-Length', () => {
    const { ends } = readAll('HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n', 4096, true);
    expect(ends).toHaveLength(2);
  });

  it('reads a body without length to the end of the connection and honours Connection: close', () => {
    const { ends, parser } = readAll('HTTP/1.0 200 OK\r\n\r\nstreamed until close', 4);
    expect(ends).toEqual([]);
    expect(parser.isReadingUntilClose).toBe(true);
    expect(parser.finishAtClose()).toEqual({ status: 200, bytes: 39, bodyBytes: 20, isKeepAlive: false });
    expect(readAll('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n', 4096).ends[0]!.isKeepAlive).toBe(false);
    expect(readAll('HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n', 4096).ends[0]!.isKeepAlive).toBe(true);
  });

  it('calls a broken message broken: not HTTP, bad length, bad chunk size, endless headers', () => {
    expect(readAll('SSH-2.0-OpenSSH\r\n\r\n', 4096).parser.error).toMatch(/not an HTTP/);
    expect(readAll('HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n', 4096).parser.error).toMatch(/Content-Length/);
    expect(readAll('HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n', 4096).parser.error).toMatch(/Content-Length/);
    expect(readAll('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', 4096).parser.error).toMatch(/chunk size/);
    expect(readAll(`HTTP/1.1 200 OK\r\nX: ${'a'.repeat(70_000)}`, 1000).parser.error).toMatch(/64 KiB/);
  });
});

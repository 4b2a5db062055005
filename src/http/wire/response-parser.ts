/**
 * A minimal incremental HTTP/1.x response reader: the load generator counts responses with it, and the
 * proxy's fast lane finds where each forwarded response ends. It reads the status, the three headers
 * that frame a message (Content-Length, Transfer-Encoding, Connection) and counts body bytes without
 * keeping them: enough to know where each response ends on a kept-alive connection.
 * Framing follows RFC 9112 §6.3: no body for HEAD, 1xx, 204 and 304; chunked wins over Content-Length;
 * otherwise Content-Length; otherwise the body runs to the end of the connection.
 */
const enum State {
  Head,
  Body,
  ChunkSize,
  ChunkData,
  ChunkDataEnd,
  Trailer,
  UntilClose,
  Broken,
}

export interface ResponseEnd {
  readonly status: number;
  /** Bytes of the whole message as read from the wire (head and framed body). */
  readonly bytes: number;
  /** Bytes of the body alone: chunk sizes, CRLFs and trailers left out. */
  readonly bodyBytes: number;
  readonly isKeepAlive: boolean;
}

const maxHeadBytes = 64 * 1024;
const maxChunkLineBytes = 1024;
const crlfcrlf = Buffer.from('\r\n\r\n', 'latin1');

export class ResponseParser {
  private state = State.Head;
  private pending: Buffer | null = null;
  private remaining = 0;
  private status = 0;
  private bytes = 0;
  private bodyBytes = 0;
  private isKeepAlive = true;
  private chunkLine = '';
  /** Set when the message is broken; the connection must be dropped. */
  error: string | null = null;
  /** Whether the response being read answers a HEAD request. */
  isHeadRequest = false;

  /** Ready for the next response on the same connection. */
  reset(isHeadRequest: boolean): void {
    this.state = State.Head;
    this.pending = null;
    this.bytes = 0;
    this.bodyBytes = 0;
    this.isHeadRequest = isHeadRequest;
  }

  get isReadingUntilClose(): boolean {
    return this.state === State.UntilClose;
  }

  /** The connection closed: a body read to the end is complete; anything else was cut short. */
  finishAtClose(): ResponseEnd | null {
    return this.state === State.UntilClose ? { status: this.status, bytes: this.bytes, bodyBytes: this.bodyBytes, isKeepAlive: false } : null;
  }

  /** How far the last `feed` read into its buffer. */
  consumed = 0;

  /**
   * Read `data` from `start` to its end; return the end of a response when one finished (then stop:
   * `consumed` says how far it read), or null when more bytes are needed or the message is broken.
   */
  feed(data: Buffer, start: number): ResponseEnd | null {
    const end = data.length;
    let offset = start;
    while (offset < end) {
      switch (this.state) {
        case State.Head: {
          const headEnd = this.findHeadEnd(data, offset, end);
          if (headEnd < 0) {
            this.keepPending(data, offset, end);
            if (this.pending && this.pending.length > maxHeadBytes) return this.fail('response headers above 64 KiB');
            this.consumed = end;
            return null;
          }
          const head = this.pending ? this.pending : data;
          const headStart = this.pending ? 0 : offset;
          const headLength = this.pending ? headEnd : headEnd - offset;
          if (!this.parseHead(head, headStart, headStart + headLength)) return null;
          const after = this.pending ? end - (this.pending.length - headEnd - 4) : headEnd + 4;
          this.bytes += headLength + 4;
          this.pending = null;
          offset = after;
          if (this.status < 200) {
            // An interim response (100 Continue, 103 Early Hints): the real one follows.
            this.state = State.Head;
            continue;
          }
          if (this.state === State.Head) return this.complete(offset);
          break;
        }
        case State.Body: {
          const take = Math.min(this.remaining, end - offset);
          this.remaining -= take;
          this.bytes += take;
          this.bodyBytes += take;
          offset += take;
          if (this.remaining === 0) return this.complete(offset);
          break;
        }
        case State.ChunkSize:
        case State.Trailer: {
          const newline = indexOfByte(data, 10, offset, end);
          const stop = newline < 0 ? end : newline + 1;
          this.chunkLine += latin1(data, offset, newline < 0 ? end : newline);
          this.bytes += stop - offset;
          offset = stop;
          if (newline < 0) {
            if (this.chunkLine.length > maxChunkLineBytes) return this.fail('chunk size line too long');
            break;
          }
          const line = this.chunkLine.replace(/\r$/, '');
          this.chunkLine = '';
          if (this.state === State.Trailer) {
            if (line === '') return this.complete(offset);
            break;
          }
          const size = /^([0-9a-fA-F]{1,12})(?:\s*;.*)?$/.exec(line);
          if (!size) return this.fail('malformed chunk size');
          this.remaining = parseInt(size[1]!, 16);
          this.state = this.remaining === 0 ? State.Trailer : State.ChunkData;
          break;
        }
        case State.ChunkData: {
          const take = Math.min(this.remaining, end - offset);
          this.remaining -= take;
          this.bytes += take;
          this.bodyBytes += take;
          offset += take;
          if (this.remaining === 0) {
            this.state = State.ChunkDataEnd;
            this.remaining = 2;
          }
          break;
        }
        case State.ChunkDataEnd: {
          // The CRLF after a chunk's data.
          const take = Math.min(this.remaining, end - offset);
          this.remaining -= take;
          this.bytes += take;
          offset += take;
          if (this.remaining === 0) this.state = State.ChunkSize;
          break;
        }
        case State.UntilClose:
          this.bytes += end - offset;
          this.bodyBytes += end - offset;
          offset = end;
          break;
        case State.Broken:
          this.consumed = end;
          return null;
      }
    }
    this.consumed = end;
    return null;
  }

  private complete(offset: number): ResponseEnd {
    this.consumed = offset;
    const done = { status: this.status, bytes: this.bytes, bodyBytes: this.bodyBytes, isKeepAlive: this.isKeepAlive };
    this.state = State.Head;
    this.bytes = 0;
    this.bodyBytes = 0;
    return done;
  }

  private fail(message: string): null {
    this.error = message;
    this.state = State.Broken;
    this.pending = null;
    return null;
  }

  private findHeadEnd(data: Buffer, offset: number, end: number): number {
    if (!this.pending) return data.indexOf(crlfcrlf, offset);
    // Headers split across reads: look again from a little before the old end, where "\r\n\r\n" may straddle.
    const from = Math.max(0, this.pending.length - 3);
    this.pending = Buffer.concat([this.pending, data.subarray(offset, end)]);
    return this.pending.indexOf(crlfcrlf, from);
  }

  private keepPending(data: Buffer, offset: number, end: number): void {
    // findHeadEnd already appended when pending existed.
    if (!this.pending) this.pending = Buffer.from(data.subarray(offset, end));
  }

  /** Status line and framing headers; sets the next state. */
  private parseHead(data: Buffer, start: number, end: number): boolean {
    // "HTTP/1.1 200 ..."
    if (end - start < 12 || data[start] !== 72 || data[start + 1] !== 84 || data[start + 4] !== 47 || data[start + 5] !== 49 || data[start + 6] !== 46) {
      this.fail('not an HTTP/1.x response');
      return false;
    }
    const isHttp11 = data[start + 7] === 49;
    const status = (data[start + 9]! - 48) * 100 + (data[start + 10]! - 48) * 10 + (data[start + 11]! - 48);
    if (!(status >= 100 && status <= 999) || data[start + 8] !== 32) {
      this.fail('malformed status line');
      return false;
    }
    this.status = status;
    let contentLength = -1;
    let isChunked = false;
    let connection = '';
    let lineStart = indexOfByte(data, 10, start, end) + 1;
    while (lineStart > 0 && lineStart < end) {
      let lineEnd = indexOfByte(data, 10, lineStart, end);
      if (lineEnd < 0) lineEnd = end;
      // Names are matched byte by byte, without making strings: this runs once per response.
      const header = framingHeader(data, lineStart, lineEnd);
      if (header !== Framing.None) {
        let valueStart = lineStart + framingNames[header]!.length + 1;
        while (valueStart < lineEnd && (data[valueStart] === 32 || data[valueStart] === 9)) valueStart++;
        let valueEnd = lineEnd;
        while (valueEnd > valueStart && (data[valueEnd - 1] === 13 || data[valueEnd - 1] === 32 || data[valueEnd - 1] === 9)) valueEnd--;
        if (header === Framing.ContentLength) {
          const length = digitsValue(data, valueStart, valueEnd);
          if (length < 0 || (contentLength >= 0 && contentLength !== length)) {
            this.fail('invalid Content-Length');
            return false;
          }
          contentLength = length;
        } else if (header === Framing.Connection && isKeepAliveValue(data, valueStart, valueEnd)) {
          // What nearly every kept-alive server sends: no string to make.
          connection += ',keep-alive';
        } else {
          const value = latin1(data, valueStart, valueEnd).toLowerCase();
          if (header === Framing.TransferEncoding) isChunked = /(^|,)\s*chunked$/.test(value);
          else connection += `,${value}`;
        }
      }
      lineStart = lineEnd + 1;
    }
    this.isKeepAlive = connection === '' ? isHttp11 : connection === ',keep-alive' ? true : isHttp11 ? !/(^|,)\s*close\s*(,|$)/.test(connection) : /(^|,)\s*keep-alive\s*(,|$)/.test(connection);
    if (status < 200) return true;
    if (this.isHeadRequest || status === 204 || status === 304) this.state = State.Head;
    else if (isChunked) {
      this.state = State.ChunkSize;
      this.chunkLine = '';
    } else if (contentLength >= 0) {
      this.remaining = contentLength;
      this.state = contentLength === 0 ? State.Head : State.Body;
    } else {
      this.state = State.UntilClose;
      this.isKeepAlive = false;
    }
    return true;
  }
}

const enum Framing {
  None = -1,
  ContentLength = 0,
  TransferEncoding = 1,
  Connection = 2,
}

const framingNames = ['content-length', 'transfer-encoding', 'connection'].map((name) => Buffer.from(name, 'latin1'));

/** Which framing header the line starts with ("Name:" in any case), or None. */
function framingHeader(data: Buffer, start: number, end: number): Framing {
  const first = data[start]! | 0x20;
  if (first !== 99 && first !== 116) return Framing.None;
  for (let kind = 0; kind < framingNames.length; kind++) {
    const name = framingNames[kind]!;
    if (start + name.length >= end || data[start + name.length] !== 58) continue;
    let k = 0;
    while (k < name.length && (data[start + k]! | 0x20) === name[k]) k++;
    if (k === name.length) return kind as Framing;
  }
  return Framing.None;
}

const keepAlive = Buffer.from('keep-alive', 'latin1');

function isKeepAliveValue(data: Buffer, start: number, end: number): boolean {
  if (end - start !== keepAlive.length) return false;
  for (let k = 0; k < keepAlive.length; k++) if ((data[start + k]! | 0x20) !== keepAlive[k]) return false;
  return true;
}

/** A Content-Length value: 1–15 decimal digits, else -1. */
function digitsValue(data: Buffer, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = data[i]! - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function indexOfByte(data: Buffer, byte: number, start: number, end: number): number {
  const index = data.indexOf(byte, start);
  return index >= 0 && index < end ? index : -1;
}

function latin1(data: Buffer, start: number, end: number): string {
  return data.toString('latin1', start, end);
}

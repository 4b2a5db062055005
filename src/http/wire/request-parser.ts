/**
 * A minimal incremental HTTP/1.x request reader, the counterpart of the response parser: the proxy's
 * fast lane forwards requests as bytes and needs only where each head and each message ends, plus the
 * few headers that decide how to forward them (Host, Content-Length, Transfer-Encoding, Connection,
 * Upgrade, Expect). Body bytes are framed, never kept.
 *
 * It is strict where a lenient reading would let a request be framed one way here and another way by
 * the server behind (request smuggling): both Content-Length and Transfer-Encoding, a last transfer
 * coding other than chunked, Transfer-Encoding in HTTP/1.0 (RFC 9112 §6.1, §6.3), differing
 * Content-Lengths, folded or bare-CR header lines, whitespace before a header's colon (§5.1) and a
 * second Host (§3.2) are errors.
 */
const enum State {
  Head,
  Body,
  ChunkSize,
  ChunkData,
  ChunkDataEnd,
  Trailer,
  Broken,
}

/** One request head, as read. Offsets are into `raw`. */
export interface RequestHead {
  readonly method: string;
  /** The request target as sent (origin form `/path?query` for nearly every request). */
  readonly target: string;
  /** Where the target starts in `raw` (it ends at the space before the version). */
  readonly targetStart: number;
  /** 1 for HTTP/1.1, 0 for HTTP/1.0. */
  readonly minorVersion: number;
  /** The whole head: request line, header lines and the blank line that ends it. */
  readonly raw: Buffer;
  /** The header block: from the first header line to the blank line (excluded). */
  readonly headersStart: number;
  readonly headersEnd: number;
  /** The Host line, its CRLF included; both -1 without one. */
  readonly hostLineStart: number;
  readonly hostLineEnd: number;
  readonly host: string | undefined;
  /** -1 without a Content-Length. */
  readonly contentLength: number;
  readonly isChunked: boolean;
  /** The Connection options, lower-case, as sent ('' without the header). */
  readonly connection: string;
  readonly upgrade: string | undefined;
  readonly expect: string | undefined;
  /** Whether the client lets the connection carry another request after this one (RFC 9112 §9.3). */
  readonly isKeepAlive: boolean;
}

/** What one `feed` read: a request head, or body bytes (framing included) of the current request. */
export type RequestPart = 'head' | 'body';

const maxHeadBytes = 64 * 1024;
const maxChunkLineBytes = 1024;
const maxTrailerBytes = 64 * 1024;
const crlfcrlf = Buffer.from('\r\n\r\n', 'latin1');

export class RequestParser {
  private state = State.Head;
  private pending: Buffer | null = null;
  private remaining = 0;
  private chunkLine = '';
  private trailerBytes = 0;
  /** Set when the input is broken; nothing more is read. */
  error: string | null = null;
  /** When the error is in a head: that head's bytes, from its first, as far as they were read. */
  failedHead: Buffer | null = null;
  /** The head of the request being read (set by a 'head' part). */
  head: RequestHead | null = null;
  /** How far the last `feed` read into its buffer. */
  consumed = 0;
  /** After a part: whether the request's last byte is the one before `consumed`. */
  isComplete = false;
  /** After a 'body' part: how many of its bytes are payload (chunk sizes, CRLFs and trailers left out). */
  bodyBytes = 0;

  /** Between two requests: no byte of the next one read yet. */
  get isIdle(): boolean {
    return this.state === State.Head && this.pending === null;
  }

  /**
   * Read `data` from `start`. Returns 'head' when a request head was read (then `head` holds it, and
   * `isComplete` says whether the request has no body), 'body' when bytes of the current request's body
   * were read (from `start` to `consumed`; `isComplete` says whether that ended it), or null when it
   * needs more bytes or the input is broken (`error`). It stops after each part: call it again from
   * `consumed`.
   */
  feed(data: Buffer, start: number): RequestPart | null {
    this.isComplete = false;
    this.bodyBytes = 0;
    switch (this.state) {
      case State.Head:
        return this.feedHead(data, start);
      case State.Broken:
        this.consumed = data.length;
        return null;
      default:
        return this.feedBody(data, start);
    }
  }

  private feedHead(data: Buffer, start: number): RequestPart | null {
    const end = data.length;
    let offset = start;
    // RFC 9112 §2.2: empty lines before a request line are ignored (some clients send a CRLF after a body).
    if (!this.pending) while (offset < end && (data[offset] === 13 || data[offset] === 10)) offset++;
    if (offset === end) {
      this.consumed = end;
      return null;
    }
    const headEnd = this.findHeadEnd(data, offset, end);
    if (headEnd < 0) {
      this.pending ??= Buffer.from(data.subarray(offset, end));
      this.consumed = end;
      if (this.pending.length > maxHeadBytes) return this.failHead('request head above 64 KiB', this.pending);
      return null;
    }
    const raw = this.pending ? this.pending.subarray(0, headEnd + 4) : data.subarray(offset, headEnd + 4);
    this.consumed = this.pending ? end - (this.pending.length - headEnd - 4) : headEnd + 4;
    this.pending = null;
    if (raw.length > maxHeadBytes) return this.failHead('request head above 64 KiB', raw);
    const head = parseHead(raw);
    if (typeof head === 'string') return this.failHead(head, raw);
    this.head = head;
    if (head.isChunked) {
      this.state = State.ChunkSize;
      this.chunkLine = '';
      this.trailerBytes = 0;
    } else if (head.contentLength > 0) {
      this.state = State.Body;
      this.remaining = head.contentLength;
    } else this.isComplete = true;
    return 'head';
  }

  private feedBody(data: Buffer, start: number): RequestPart | null {
    const end = data.length;
    let offset = start;
    while (offset < end) {
      switch (this.state) {
        case State.Body: {
          const take = Math.min(this.remaining, end - offset);
          this.remaining -= take;
          this.bodyBytes += take;
          offset += take;
          if (this.remaining === 0) return this.complete(offset);
          break;
        }
        case State.ChunkData: {
          const take = Math.min(this.remaining, end - offset);
          this.remaining -= take;
          this.bodyBytes += take;
          offset += take;
          if (this.remaining === 0) {
            this.state = State.ChunkDataEnd;
            this.remaining = 2;
          }
          break;
        }
        case State.ChunkDataEnd: {
          // Exactly CRLF after a chunk's data: anything else means the sizes lie.
          if (data[offset] !== (this.remaining === 2 ? 13 : 10)) return this.fail('chunk data longer than its size');
          offset++;
          if (--this.remaining === 0) this.state = State.ChunkSize;
          break;
        }
        case State.ChunkSize:
        case State.Trailer: {
          const newline = data.indexOf(10, offset);
          const stop = newline < 0 ? end : newline + 1;
          this.chunkLine += data.toString('latin1', offset, stop);
          offset = stop;
          if (this.state === State.Trailer) {
            if (this.trailerBytes + this.chunkLine.length > maxTrailerBytes) return this.fail('trailer section above 64 KiB');
          } else if (this.chunkLine.length > maxChunkLineBytes) return this.fail('chunk size line too long');
          if (newline < 0) break;
          const line = this.chunkLine;
          this.chunkLine = '';
          if (line.length < 2 || line.charCodeAt(line.length - 2) !== 13 || line.indexOf('\r') !== line.length - 2) return this.fail('chunked body line not ended by CRLF');
          if (this.state === State.Trailer) {
            if (line.length === 2) return this.complete(offset);
            this.trailerBytes += line.length;
            break;
          }
          const size = /^([0-9a-fA-F]{1,12})[ \t]*(?:;[^\r]*)?\r\n$/.exec(line);
          if (!size) return this.fail('malformed chunk size');
          this.remaining = parseInt(size[1]!, 16);
          this.state = this.remaining === 0 ? State.Trailer : State.ChunkData;
          break;
        }
        default:
          return this.fail('unexpected state');
      }
    }
    this.consumed = offset;
    return offset > start ? 'body' : null;
  }

  private complete(offset: number): RequestPart {
    this.consumed = offset;
    this.state = State.Head;
    this.isComplete = true;
    return 'body';
  }

  private fail(message: string): null {
    this.error = message;
    this.state = State.Broken;
    this.pending = null;
    return null;
  }

  private failHead(message: string, bytes: Buffer): null {
    this.failedHead = bytes;
    return this.fail(message);
  }

  private findHeadEnd(data: Buffer, offset: number, end: number): number {
    if (!this.pending) return data.indexOf(crlfcrlf, offset);
    // A head split across reads: look again from a little before the old end, where "\r\n\r\n" may straddle.
    const from = Math.max(0, this.pending.length - 3);
    this.pending = Buffer.concat([this.pending, data.subarray(offset, end)]);
    return this.pending.indexOf(crlfcrlf, from);
  }
}

// RFC 9110 §5.6.2: token characters, for methods and header names.
const isTokenByte = new Uint8Array(256);
for (const c of "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") isTokenByte[c.charCodeAt(0)] = 1;

const enum Known {
  None,
  Host,
  ContentLength,
  TransferEncoding,
  Connection,
  Upgrade,
  Expect,
}

const knownNames: readonly [Known, Buffer][] = (
  [
    [Known.Host, 'host'],
    [Known.ContentLength, 'content-length'],
    [Known.TransferEncoding, 'transfer-encoding'],
    [Known.Connection, 'connection'],
    [Known.Upgrade, 'upgrade'],
    [Known.Expect, 'expect'],
  ] as const
).map(([kind, name]) => [kind, Buffer.from(name, 'latin1')]);

/** Which of the headers the reader cares about `raw[start, colon)` names, in any case. */
function knownHeader(raw: Buffer, start: number, colon: number): Known {
  const length = colon - start;
  for (const [kind, name] of knownNames) {
    if (name.length !== length) continue;
    let k = 0;
    while (k < length && (raw[start + k]! | 0x20) === name[k]) k++;
    if (k === length) return kind;
  }
  return Known.None;
}

const version = Buffer.from('HTTP/1.', 'latin1');

/** The request line and headers of a complete head (ending in CRLFCRLF), or why it is malformed. */
function parseHead(raw: Buffer): RequestHead | string {
  const lineEnd = raw.indexOf(10);
  if (lineEnd < 1 || raw[lineEnd - 1] !== 13) return 'request line not ended by CRLF';
  let methodEnd = 0;
  while (methodEnd < lineEnd && isTokenByte[raw[methodEnd]!]) methodEnd++;
  if (methodEnd === 0 || raw[methodEnd] !== 32) return 'malformed request line';
  const targetStart = methodEnd + 1;
  let targetEnd = targetStart;
  while (targetEnd < lineEnd && raw[targetEnd]! > 32 && raw[targetEnd] !== 127) targetEnd++;
  // "SP HTTP/1.x CR" must follow the target exactly.
  if (targetEnd === targetStart || raw[targetEnd] !== 32 || targetEnd + 10 !== lineEnd || raw.compare(version, 0, 7, targetEnd + 1, targetEnd + 8) !== 0) return 'malformed request line';
  const minor = raw[targetEnd + 8]! - 48;
  if (minor !== 0 && minor !== 1) return 'unsupported HTTP version';

  let host: string | undefined;
  let hostLineStart = -1;
  let hostLineEnd = -1;
  let contentLength = -1;
  let transferEncoding: string | undefined;
  let connection = '';
  let upgrade: string | undefined;
  let expect: string | undefined;
  const headersStart = lineEnd + 1;
  const headersEnd = raw.length - 2;
  let lineStart = headersStart;
  while (lineStart < headersEnd) {
    const newline = raw.indexOf(10, lineStart);
    // Every line ends in CRLF, and no other CR may hide in it (a bare CR splits headers differently elsewhere).
    if (newline < 0 || raw[newline - 1] !== 13 || raw.indexOf(13, lineStart) !== newline - 1) return 'header line not ended by CRLF';
    const first = raw[lineStart];
    if (first === 32 || first === 9) return 'folded header line';
    const colon = raw.indexOf(58, lineStart);
    if (colon < 0 || colon > newline) return 'header line without a colon';
    for (let i = lineStart; i < colon; i++) if (!isTokenByte[raw[i]!]) return 'invalid header name';
    if (colon === lineStart) return 'invalid header name';
    const kind = knownHeader(raw, lineStart, colon);
    if (kind !== Known.None) {
      let valueStart = colon + 1;
      let valueEnd = newline - 1;
      while (valueStart < valueEnd && (raw[valueStart] === 32 || raw[valueStart] === 9)) valueStart++;
      while (valueEnd > valueStart && (raw[valueEnd - 1] === 32 || raw[valueEnd - 1] === 9)) valueEnd--;
      const value = raw.toString('latin1', valueStart, valueEnd);
      switch (kind) {
        case Known.Host:
          if (host !== undefined) return 'more than one Host';
          host = value;
          hostLineStart = lineStart;
          hostLineEnd = newline + 1;
          break;
        case Known.ContentLength: {
          const length = /^\d{1,15}$/.test(value) ? Number(value) : -1;
          if (length < 0 || (contentLength >= 0 && length !== contentLength)) return 'invalid Content-Length';
          contentLength = length;
          break;
        }
        case Known.TransferEncoding:
          transferEncoding = transferEncoding === undefined ? value.toLowerCase() : `${transferEncoding},${value.toLowerCase()}`;
          break;
        case Known.Connection:
          connection = connection === '' ? value.toLowerCase() : `${connection},${value.toLowerCase()}`;
          break;
        case Known.Upgrade:
          upgrade = value;
          break;
        case Known.Expect:
          expect = value;
          break;
      }
    }
    lineStart = newline + 1;
  }

  let isChunked = false;
  if (transferEncoding !== undefined) {
    if (minor === 0) return 'Transfer-Encoding in an HTTP/1.0 request';
    if (contentLength >= 0) return 'both Content-Length and Transfer-Encoding';
    const codings = transferEncoding.split(',').map((coding) => coding.trim());
    // The last coding must be chunked, and only the last (RFC 9112 §6.1): otherwise the length is unknowable.
    if (codings.at(-1) !== 'chunked' || codings.indexOf('chunked') !== codings.length - 1) return 'Transfer-Encoding whose last coding is not chunked';
    isChunked = true;
  }
  const isKeepAlive = minor === 1 ? !hasToken(connection, 'close') : hasToken(connection, 'keep-alive');
  return {
    method: raw.toString('latin1', 0, methodEnd),
    target: raw.toString('latin1', targetStart, targetEnd),
    targetStart,
    minorVersion: minor,
    raw,
    headersStart,
    headersEnd,
    hostLineStart,
    hostLineEnd,
    host,
    contentLength,
    isChunked,
    connection,
    upgrade,
    expect,
    isKeepAlive,
  };
}

function hasToken(list: string, token: string): boolean {
  if (list === '') return false;
  if (list === token) return true;
  return list.split(',').some((item) => item.trim() === token);
}

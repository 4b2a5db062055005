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
    // A read that is exactly one head (most GETs) is the head: no view to make.
    const raw = this.pending ? this.pending.subarray(0, headEnd + 4) : offset === 0 && headEnd + 4 === end ? data : data.subarray(offset, headEnd + 4);
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

const names = {
  host: Buffer.from('host'),
  expect: Buffer.from('expect'),
  upgrade: Buffer.from('upgrade'),
  connection: Buffer.from('connection'),
  contentLength: Buffer.from('content-length'),
  transferEncoding: Buffer.from('transfer-encoding'),
  keepAlive: Buffer.from('keep-alive'),
  close: Buffer.from('close'),
};

/** Whether `raw[start, end)` is `lower` in any case. */
function equalsIgnoringCase(raw: Buffer, start: number, end: number, lower: Buffer): boolean {
  if (end - start !== lower.length) return false;
  for (let k = 0; k < lower.length; k++) if ((raw[start + k]! | 0x20) !== lower[k]) return false;
  return true;
}

/** The few methods nearly every request uses, without making a string for each. */
function methodName(raw: Buffer, end: number): string {
  if (end === 3 && raw[0] === 71 && raw[1] === 69 && raw[2] === 84) return 'GET';
  if (end === 4 && raw[0] === 80 && raw[1] === 79 && raw[2] === 83 && raw[3] === 84) return 'POST';
  if (end === 4 && raw[0] === 72 && raw[1] === 69 && raw[2] === 65 && raw[3] === 68) return 'HEAD';
  return raw.toString('latin1', 0, end);
}

/** A Connection value, lower-case; the two common ones without making a string. */
function connectionValue(raw: Buffer, start: number, end: number): string {
  if (equalsIgnoringCase(raw, start, end, names.keepAlive)) return 'keep-alive';
  if (equalsIgnoringCase(raw, start, end, names.close)) return 'close';
  return raw.toString('latin1', start, end).toLowerCase();
}

class ParsedHead implements RequestHead {
  private targetText: string | undefined;
  private hostText: string | undefined;

  constructor(
    readonly raw: Buffer,
    readonly method: string,
    readonly targetStart: number,
    private readonly targetEnd: number,
    readonly minorVersion: number,
    readonly headersStart: number,
    readonly headersEnd: number,
    readonly hostLineStart: number,
    readonly hostLineEnd: number,
    private readonly hostValueStart: number,
    private readonly hostValueEnd: number,
    readonly contentLength: number,
    readonly isChunked: boolean,
    readonly connection: string,
    readonly upgrade: string | undefined,
    readonly expect: string | undefined,
    readonly isKeepAlive: boolean,
  ) {}

  // Made on first use: the fast lane forwards most requests without looking at either.
  get target(): string {
    return (this.targetText ??= this.raw.toString('latin1', this.targetStart, this.targetEnd));
  }

  get host(): string | undefined {
    if (this.hostLineStart < 0) return undefined;
    return (this.hostText ??= this.raw.toString('latin1', this.hostValueStart, this.hostValueEnd));
  }
}

/**
 * The request line and headers of a complete head (ending in CRLFCRLF), or why it is malformed. Byte
 * loops rather than `indexOf` per line: on heads of a few hundred bytes the native calls cost more.
 */
function parseHead(raw: Buffer): RequestHead | string {
  const last = raw.length;
  let methodEnd = 0;
  while (methodEnd < last && isTokenByte[raw[methodEnd]!] === 1) methodEnd++;
  if (methodEnd === 0 || raw[methodEnd] !== 32) return 'malformed request line';
  const targetStart = methodEnd + 1;
  let targetEnd = targetStart;
  for (let byte = raw[targetEnd]!; targetEnd < last && byte > 32 && byte !== 127; byte = raw[++targetEnd]!);
  // "SP HTTP/1.x CRLF" must follow the target exactly.
  const v = targetEnd + 1;
  if (targetEnd === targetStart || raw[targetEnd] !== 32 || raw[v] !== 72 || raw[v + 1] !== 84 || raw[v + 2] !== 84 || raw[v + 3] !== 80 || raw[v + 4] !== 47 || raw[v + 5] !== 49 || raw[v + 6] !== 46) return 'malformed request line';
  if (raw[v + 8] !== 13 || raw[v + 9] !== 10) return 'malformed request line';
  const minor = raw[v + 7]! - 48;
  if (minor !== 0 && minor !== 1) return 'unsupported HTTP version';

  let hostLineStart = -1;
  let hostLineEnd = -1;
  let hostValueStart = 0;
  let hostValueEnd = 0;
  let contentLength = -1;
  let transferEncoding: string | undefined;
  let connection = '';
  let upgrade: string | undefined;
  let expect: string | undefined;
  const headersStart = v + 10;
  const headersEnd = last - 2;
  let lineStart = headersStart;
  while (lineStart < headersEnd) {
    const first = raw[lineStart];
    if (first === 32 || first === 9) return 'folded header line';
    let colon = lineStart;
    while (isTokenByte[raw[colon]!] === 1) colon++;
    if (colon === lineStart || raw[colon] !== 58) return raw[colon] === 13 || raw[colon] === 10 ? 'header line without a colon' : 'invalid header name';
    let lineEnd = colon + 1;
    for (let byte = raw[lineEnd]; byte !== 13 && byte !== 10 && lineEnd < headersEnd; byte = raw[++lineEnd]);
    // Every line ends in CRLF: a bare CR or LF would split the headers differently elsewhere.
    if (raw[lineEnd] !== 13 || raw[lineEnd + 1] !== 10) return 'header line not ended by CRLF';
    const nameLength = colon - lineStart;
    if (nameLength === 4 || nameLength === 6 || nameLength === 7 || nameLength === 10 || nameLength === 14 || nameLength === 17) {
      let valueStart = colon + 1;
      let valueEnd = lineEnd;
      while (valueStart < valueEnd && (raw[valueStart] === 32 || raw[valueStart] === 9)) valueStart++;
      while (valueEnd > valueStart && (raw[valueEnd - 1] === 32 || raw[valueEnd - 1] === 9)) valueEnd--;
      if (equalsIgnoringCase(raw, lineStart, colon, names.host)) {
        if (hostLineStart >= 0) return 'more than one Host';
        hostLineStart = lineStart;
        hostLineEnd = lineEnd + 2;
        hostValueStart = valueStart;
        hostValueEnd = valueEnd;
      } else if (equalsIgnoringCase(raw, lineStart, colon, names.contentLength)) {
        const length = digitsValue(raw, valueStart, valueEnd);
        if (length < 0 || (contentLength >= 0 && length !== contentLength)) return 'invalid Content-Length';
        contentLength = length;
      } else if (equalsIgnoringCase(raw, lineStart, colon, names.transferEncoding)) {
        const value = raw.toString('latin1', valueStart, valueEnd).toLowerCase();
        transferEncoding = transferEncoding === undefined ? value : `${transferEncoding},${value}`;
      } else if (equalsIgnoringCase(raw, lineStart, colon, names.connection)) {
        const value = connectionValue(raw, valueStart, valueEnd);
        connection = connection === '' ? value : `${connection},${value}`;
      } else if (equalsIgnoringCase(raw, lineStart, colon, names.upgrade)) upgrade = raw.toString('latin1', valueStart, valueEnd);
      else if (equalsIgnoringCase(raw, lineStart, colon, names.expect)) expect = raw.toString('latin1', valueStart, valueEnd);
    }
    lineStart = lineEnd + 2;
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
  const method = methodName(raw, methodEnd);
  return new ParsedHead(raw, method, targetStart, targetEnd, minor, headersStart, headersEnd, hostLineStart, hostLineEnd, hostValueStart, hostValueEnd, contentLength, isChunked, connection, upgrade, expect, isKeepAlive);
}

/** A Content-Length value: 1–15 decimal digits, else -1. */
function digitsValue(raw: Buffer, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = raw[i]! - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function hasToken(list: string, token: string): boolean {
  if (list === token) return true;
  if (list.indexOf(token) < 0) return false;
  return list.split(',').some((item) => item.trim() === token);
}

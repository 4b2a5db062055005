import { FaultlineError } from '../core/errors.js';

/** One element of `log.entries`, with the line it starts on (for error lines). */
export interface ScannedEntry {
  readonly index: number;
  readonly line: number;
  /** The entry's JSON text, or null when it was larger than the per-entry limit and was skipped. */
  readonly raw: Buffer | null;
  readonly bytes: number;
}

// Where the scanner is in the JSON grammar.
const expectValue = 0;
const expectValueOrEnd = 1; // after '['
const expectKeyOrEnd = 2; // after '{'
const expectKey = 3; // after ',' in an object
const expectColon = 4;
const expectCommaOrEnd = 5;
const inString = 6;
const inLiteral = 7;
const afterRoot = 8;

type Role = 'root' | 'log' | 'entries' | 'entry' | 'other';

interface Frame {
  readonly isObject: boolean;
  readonly role: Role;
  /** The key whose value comes next (captured only for the root and `log` objects). */
  key: string;
}

const quote = 0x22;
const backslash = 0x5c;
const newline = 0x0a;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === newline || byte === 0x0d || byte === 0x09;
}

/**
 * An incremental JSON scanner for HAR files: it checks the whole document's syntax byte by byte, and
 * hands back each element of `log.entries` parsed on its own, so a 500 MB HAR is read with one entry
 * (and one read chunk) in memory at a time instead of one 500 MB string and its object tree.
 * Structural bytes are ASCII, so scanning UTF-8 bytes is safe; an entry's bytes are decoded whole.
 */
export class HarScanner {
  private mode = expectValue;
  private readonly stack: Frame[] = [];
  private line = 1;
  private isEscaped = false;
  private isKeyString = false;
  private keyParts: Buffer[] | undefined;
  private literal = '';
  private entryParts: Buffer[] = [];
  private entryBytes = 0;
  private entryLine = 0;
  private isEntryTooLarge = false;
  private entryIndex = 0;
  private hasEntries = false;
  private hasRoot = false;
  private isStart = true;

  constructor(
    private readonly file: string,
    private readonly maxEntryBytes: number,
  ) {}

  /** Scan one chunk; returns the entries that ended inside it. */
  feed(chunk: Buffer): ScannedEntry[] {
    const out: ScannedEntry[] = [];
    let entryStart = this.inEntry() ? 0 : -1;
    let keyStart = this.keyParts ? 0 : -1;
    const n = chunk.length;
    let i = 0;
    // Some Windows tools write a UTF-8 byte order mark before the JSON.
    if (this.isStart && n > 0) {
      this.isStart = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    }
    while (i < n) {
      if (this.mode === inString) {
        // The hot path: HAR bodies are long strings. Control characters are left to JSON.parse of the entry.
        let j = i;
        if (this.isEscaped) {
          this.isEscaped = false;
          j += 1;
        }
        while (j < n) {
          const c = chunk[j]!;
          if (c === quote) break;
          if (c === backslash) {
            if (j + 1 >= n) {
              this.isEscaped = true;
              j = n;
              break;
            }
            j += 2;
            continue;
          }
          if (c === newline) this.line += 1;
          j += 1;
        }
        if (j >= n) {
          i = n;
          break;
        }
        if (this.keyParts) {
          this.keyParts.push(chunk.subarray(keyStart, j));
          this.finishKey();
          keyStart = -1;
        }
        this.mode = this.isKeyString ? expectColon : expectCommaOrEnd;
        i = j + 1;
        if (!this.isKeyString && this.afterValue(out, chunk, entryStart, i)) entryStart = -1;
        continue;
      }
      const c = chunk[i]!;
      if (this.mode === inLiteral) {
        if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x2b || c === 0x2d || c === 0x2e || c === 0x45) {
          this.literal += String.fromCharCode(c);
          if (this.literal.length > 400) this.fail('a number or literal that never ends');
          i += 1;
          continue;
        }
        this.endLiteral();
        this.mode = expectCommaOrEnd;
        if (this.afterValue(out, chunk, entryStart, i)) entryStart = -1;
        continue;
      }
      if (isSpace(c)) {
        if (c === newline) this.line += 1;
        i += 1;
        continue;
      }
      switch (this.mode) {
        case expectValue:
        case expectValueOrEnd:
          if (c === 0x5d && this.mode === expectValueOrEnd) {
            this.close(false);
            if (this.afterValue(out, chunk, entryStart, i + 1)) entryStart = -1;
            break;
          }
          this.isKeyString = false;
          this.startValue(c);
          if (entryStart === -1 && this.inEntry()) entryStart = i;
          break;
        case expectKeyOrEnd:
        case expectKey:
          if (c === 0x7d && this.mode === expectKeyOrEnd) {
            this.close(true);
            if (this.afterValue(out, chunk, entryStart, i + 1)) entryStart = -1;
            break;
          }
          if (c !== quote) this.fail(`expected a property name in double quotes, found ${describe(c)}`);
          this.mode = inString;
          this.isKeyString = true;
          if (this.top().role === 'root' || this.top().role === 'log') {
            this.keyParts = [];
            keyStart = i + 1;
          }
          break;
        case expectColon:
          if (c !== 0x3a) this.fail(`expected ':' after a property name, found ${describe(c)}`);
          this.mode = expectValue;
          break;
        case expectCommaOrEnd: {
          const frame = this.stack[this.stack.length - 1];
          if (!frame) this.fail(`unexpected ${describe(c)} after the end of the document`);
          if (c === 0x2c) this.mode = frame.isObject ? expectKey : expectValue;
          else if (c === (frame.isObject ? 0x7d : 0x5d)) {
            this.close(frame.isObject);
            if (this.afterValue(out, chunk, entryStart, i + 1)) entryStart = -1;
          } else this.fail(`expected ',' or '${frame.isObject ? '}' : ']'}', found ${describe(c)}`);
          break;
        }
        case afterRoot:
          this.fail(`unexpected ${describe(c)} after the end of the document`);
      }
      i += 1;
    }
    if (entryStart !== -1 && this.inEntry()) this.keepEntryPart(chunk.subarray(entryStart));
    if (keyStart !== -1 && this.keyParts) this.keyParts.push(chunk.subarray(keyStart));
    return out;
  }

  /** The file ended: anything still open means it was cut short. */
  end(): void {
    if (this.mode === inLiteral) {
      this.endLiteral();
      this.mode = this.stack.length === 0 ? afterRoot : expectCommaOrEnd;
    }
    if (!this.hasRoot && this.mode === expectValue) this.fail('the file is empty');
    if (this.mode !== afterRoot) this.fail('the file ends in the middle of the JSON document (cut short?)');
    if (!this.hasEntries) this.fail('not a HAR file: there is no log.entries array');
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  private inEntry(): boolean {
    return this.entryLine > 0;
  }

  /** A value starts with byte c. */
  private startValue(c: number): void {
    const parent = this.stack[this.stack.length - 1];
    const role: Role = !parent
      ? 'root'
      : parent.role === 'root' && parent.key === 'log'
        ? 'log'
        : parent.role === 'log' && parent.key === 'entries'
          ? 'entries'
          : parent.role === 'entries'
            ? 'entry'
            : 'other';
    if (!parent) this.hasRoot = true;
    if (role === 'root' && c !== 0x7b) this.fail('not a HAR file: expected a JSON object with a log property');
    if (role === 'log' && c !== 0x7b) this.fail('log: expected an object');
    if (role === 'entries' && c !== 0x5b) this.fail('log.entries: expected an array');
    if (role === 'entry') {
      if (c !== 0x7b) this.fail(`log.entries[${this.entryIndex}]: expected an object, found ${describe(c)}`);
      this.entryLine = this.line;
      this.entryParts = [];
      this.entryBytes = 0;
      this.isEntryTooLarge = false;
    }
    if (role === 'entries') this.hasEntries = true;
    if (c === 0x7b || c === 0x5b) {
      this.stack.push({ isObject: c === 0x7b, role, key: '' });
      this.mode = c === 0x7b ? expectKeyOrEnd : expectValueOrEnd;
      return;
    }
    if (c === quote) {
      this.mode = inString;
      return;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) {
      this.mode = inLiteral;
      this.literal = String.fromCharCode(c);
      return;
    }
    this.fail(`expected a value, found ${describe(c)}`);
  }

  private endLiteral(): void {
    const text = this.literal;
    if (text !== 'true' && text !== 'false' && text !== 'null' && !/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text)) this.fail(`'${text}' is not a JSON value`);
  }

  private close(isObject: boolean): void {
    const frame = this.stack.pop();
    if (!frame || frame.isObject !== isObject) this.fail(`unexpected '${isObject ? '}' : ']'}'`);
    this.mode = this.stack.length === 0 ? afterRoot : expectCommaOrEnd;
  }

  /** A value just ended at `end` (exclusive). Returns true when it was a whole entry, now emitted. */
  private afterValue(out: ScannedEntry[], chunk: Buffer, entryStart: number, end: number): boolean {
    if (this.stack.length === 0) this.mode = afterRoot;
    if (!this.inEntry() || this.top().role !== 'entries') return false;
    this.keepEntryPart(chunk.subarray(Math.max(entryStart, 0), end));
    out.push(this.emitEntry());
    return true;
  }

  private keepEntryPart(part: Buffer): void {
    this.entryBytes += part.length;
    if (this.isEntryTooLarge) return;
    if (this.entryBytes > this.maxEntryBytes) {
      this.isEntryTooLarge = true;
      this.entryParts = [];
      return;
    }
    // A chunk is reused by the stream only after we return, but copying keeps the parts independent of it.
    this.entryParts.push(Buffer.from(part));
  }

  private emitEntry(): ScannedEntry {
    const index = this.entryIndex++;
    const line = this.entryLine;
    this.entryLine = 0;
    const bytes = this.entryBytes;
    if (this.isEntryTooLarge) return { index, line, raw: null, bytes };
    const raw = this.entryParts.length === 1 ? this.entryParts[0]! : Buffer.concat(this.entryParts);
    this.entryParts = [];
    return { index, line, raw, bytes };
  }

  /**
   * The entry as a value. Parsed one at a time by the reader, not per chunk: a 1 MB chunk holds about a
   * thousand entries, and parsing them all at once would keep a thousand object trees alive together.
   */
  parse(entry: ScannedEntry): unknown {
    try {
      return JSON.parse(entry.raw!.toString('utf8')) as unknown;
    } catch (error) {
      return this.fail(`log.entries[${entry.index}]: ${(error as Error).message}`, entry.line);
    }
  }

  private finishKey(): void {
    const raw = Buffer.concat(this.keyParts!).toString('utf8');
    this.keyParts = undefined;
    let key: string;
    try {
      key = JSON.parse(`"${raw}"`) as string;
    } catch {
      key = raw;
    }
    this.top().key = key;
  }

  private fail(message: string, line = this.line): never {
    throw new FaultlineError('E_HAR_INVALID', message, { location: { file: this.file, line } });
  }
}

function describe(byte: number): string {
  return byte >= 0x21 && byte < 0x7f ? `'${String.fromCharCode(byte)}'` : `byte 0x${byte.toString(16).padStart(2, '0')}`;
}

/**
 * A fast reader for the plain block-style YAML that API descriptions are written in: Stripe's 4 MB
 * description reads several times faster than with the `yaml` package's full parser. It understands
 * block maps and sequences, plain, quoted and block scalars, flow collections and comments, and
 * resolves scalars with the YAML 1.2 core schema as `yaml` does. Anything else (anchors, aliases, tags,
 * merge keys, complex keys, directives, several documents, or text it cannot read) makes it answer
 * `undefined`, and the caller parses with `yaml`, which also reports the errors. So it never has to be
 * right about invalid YAML, only about the subset it accepts; yaml-fast.test.ts compares the two. The
 * one error of its own: nesting deeper than `maxDepth` throws YamlTooDeepError.
 */

/** Line of each map key and sequence item, per container; the root's own line under `root`. */
export interface YamlLines {
  readonly root: number;
  readonly byContainer: WeakMap<object, Record<string, number>>;
}

export interface FastYaml {
  readonly value: unknown;
  readonly lines?: YamlLines;
}

class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

/**
 * Thrown for nesting deeper than the limit: handing 50 MB of `[[[[` to `yaml` would take minutes, and
 * nothing downstream could walk such a document anyway.
 */
export class YamlTooDeepError extends Error {
  constructor(readonly line: number, readonly maxDepth: number) {
    super(`nested more than ${maxDepth} levels deep`);
    this.name = 'YamlTooDeepError';
  }
}

const nullPattern = /^(?:~|[Nn]ull|NULL)?$/;
const boolPattern = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const intPattern = /^[-+]?[0-9]+$/;
const floatPattern = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** Resolve a plain scalar with the YAML 1.2 core schema, as the `yaml` package does. */
export function resolvePlain(text: string): unknown {
  const first = text.charCodeAt(0);
  // Most scalars are words: skip the patterns unless the first character could start one.
  const maybeSpecial = text.length === 0 || (first >= 48 && first <= 57) || '~nNtTfF+-.'.includes(text[0]!);
  if (!maybeSpecial) return text;
  if (nullPattern.test(text)) return null;
  if (boolPattern.test(text)) return text[0] === 't' || text[0] === 'T';
  if (intPattern.test(text)) return parseInt(text, 10);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (floatPattern.test(text)) return parseFloat(text);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text[0] === '-' ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
  return text;
}

function keyString(value: unknown): string {
  return value === null ? '' : String(value);
}

const doubleQuoteEscapes: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/',
  '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** Parse `text`, or answer undefined when it uses YAML this reader leaves to the `yaml` package. */
export function parseYamlFast(text: string, options: { recordLines?: boolean; maxDepth?: number } = {}): FastYaml | undefined {
  try {
    return new Reader(text, options.recordLines === true, options.maxDepth ?? 1000).document();
  } catch (error) {
    if (error instanceof Unsupported || error instanceof RangeError) return undefined;
    throw error;
  }
}

class Reader {
  private readonly lines: string[];
  /** Leading spaces of each line, or -1 for a blank or comment-only line. */
  private readonly indents: Int32Array;
  private readonly byContainer: WeakMap<object, Record<string, number>> | undefined;
  private line = 0;
  /** Inside quoted scalars and flow collections: the column on `line` where reading goes on. */
  private column = 0;
  private depth = 0;

  constructor(
    text: string,
    recordLines: boolean,
    private readonly maxDepth: number,
  ) {
    this.lines = text.split('\n');
    const count = this.lines.length;
    this.indents = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      let line = this.lines[i]!;
      if (line.endsWith('\r')) line = this.lines[i] = line.slice(0, -1);
      // A lone carriage return is a line break to YAML: leave such text to `yaml`.
      if (line.includes('\r')) unsupported();
      let n = 0;
      while (line.charCodeAt(n) === 32) n++;
      const c = line.charCodeAt(n);
      if (Number.isNaN(c) || c === 35 /* # */) this.indents[i] = -1;
      else if (c === 9 /* tab */) this.indents[i] = /^[ \t]*$/.test(line) ? -1 : unsupported();
      else this.indents[i] = n;
    }
    this.byContainer = recordLines ? new WeakMap() : undefined;
  }

  document(): FastYaml {
    this.skipBlank();
    const first = this.lines[this.line];
    if (first !== undefined && (first.startsWith('%') || first.startsWith('---'))) {
      if (first.startsWith('%') || !/^---[ \t]*(#.*)?$/.test(first)) unsupported();
      this.line++;
      this.skipBlank();
    }
    const rootLine = this.line + 1;
    let value: unknown = null;
    if (this.line < this.lines.length) {
      const indent = this.indents[this.line]!;
      value = this.node(this.line, indent, -1);
    }
    this.skipBlank();
    // A second document, a `...` end marker or any stray text: let `yaml` decide what it means.
    if (this.line < this.lines.length) unsupported();
    return { value, ...(this.byContainer ? { lines: { root: rootLine, byContainer: this.byContainer } } : {}) };
  }

  private skipBlank(): void {
    while (this.line < this.lines.length && this.indents[this.line] === -1) this.line++;
  }

  /** The line table of a new container when lines are recorded (arrays for sequences: index → line). */
  private linesOf(container: unknown[]): number[] | undefined;
  private linesOf(container: Record<string, unknown>): Record<string, number> | undefined;
  private linesOf(container: object): Record<string, number> | number[] | undefined {
    if (!this.byContainer) return undefined;
    const lines = Array.isArray(container) ? [] : (Object.create(null) as Record<string, number>);
    this.byContainer.set(container, lines as Record<string, number>);
    return lines;
  }

  /** A block node whose first character is at (line, column); `parentIndent` bounds its continuation lines. */
  private node(line: number, column: number, parentIndent: number): unknown {
    const text = this.lines[line]!;
    if (isSequenceEntry(text, column)) return this.sequence(line, column);
    if (keyEnd(text, column) !== -1) return this.mapping(line, column);
    this.line = line;
    return this.inlineValue(column, parentIndent);
  }

  private enter(): void {
    if (++this.depth > this.maxDepth) throw new YamlTooDeepError(this.line + 1, this.maxDepth);
  }

  private mapping(line: number, column: number): Record<string, unknown> {
    this.enter();
    const map: Record<string, unknown> = {};
    const lines = this.linesOf(map);
    const indent = column;
    let start = column;
    this.line = line;
    for (;;) {
      const text = this.lines[this.line]!;
      const colon = keyEnd(text, start);
      if (colon === -1) unsupported();
      const key = readKey(text, start, colon);
      if (key === '__proto__' || key === '<<' || key === undefined) unsupported();
      const keyLine = this.line;
      map[key!] = this.valueAfter(colon + 1, indent, true);
      if (lines) lines[key!] = keyLine + 1;
      this.skipBlank();
      if (this.line >= this.lines.length) break;
      const next = this.indents[this.line]!;
      if (next < indent) break;
      if (next > indent || isSequenceEntry(this.lines[this.line]!, next)) unsupported();
      start = indent;
    }
    this.depth--;
    return map;
  }

  private sequence(line: number, column: number): unknown[] {
    this.enter();
    const items: unknown[] = [];
    const lines = this.linesOf(items);
    this.line = line;
    let dash = column;
    for (;;) {
      const itemLine = this.line;
      items.push(this.valueAfter(dash + 1, column, false));
      lines?.push(itemLine + 1);
      this.skipBlank();
      if (this.line >= this.lines.length) break;
      const next = this.indents[this.line]!;
      if (next < column) break;
      if (next > column || !isSequenceEntry(this.lines[this.line]!, next)) {
        // `key:` with its sequence at the key's own indentation ends where the next key starts.
        if (next === column && keyEnd(this.lines[this.line]!, next) !== -1) break;
        unsupported();
      }
      dash = column;
    }
    this.depth--;
    return items;
  }

  /**
   * The value after a key's colon or an entry's dash, starting at `from` on the current line. Leaves
   * `this.line` on the first line it did not consume.
   */
  private valueAfter(from: number, indent: number, isMapValue: boolean): unknown {
    const text = this.lines[this.line]!;
    let column = from;
    while (text.charCodeAt(column) === 32) column++;
    if (text.charCodeAt(column) === 9) unsupported();
    const c = text[column];
    if (c === undefined || c === '#') {
      this.line++;
      this.skipBlank();
      if (this.line >= this.lines.length) return null;
      const next = this.indents[this.line]!;
      if (next > indent) return this.node(this.line, next, indent);
      if (next === indent && isMapValue && isSequenceEntry(this.lines[this.line]!, next)) return this.sequence(this.line, next);
      return null;
    }
    if (!isMapValue && (isSequenceEntry(text, column) || keyEnd(text, column) !== -1)) {
      // A compact node inside a sequence entry: `- name: id` or `- - a`.
      return isSequenceEntry(text, column) ? this.sequence(this.line, column) : this.mapping(this.line, column);
    }
    return this.inlineValue(column, indent);
  }

  /** A scalar or flow collection starting at `column` of the current line. */
  private inlineValue(column: number, parentIndent: number): unknown {
    const text = this.lines[this.line]!;
    const c = text[column]!;
    if (c === '|' || c === '>') return this.blockScalar(column, parentIndent);
    if (c === '[' || c === '{') return this.flowCollection(column);
    if (c === '"' || c === "'") {
      const value = this.quoted(column, parentIndent);
      this.expectLineEnd();
      return value;
    }
    if ('&*!%@`?,]}'.includes(c) || (c === '-' && isSequenceEntry(text, column))) unsupported();
    return this.plain(column, parentIndent);
  }

  /** After a quoted scalar or a flow collection: only a comment may follow on the line. */
  private expectLineEnd(): void {
    const rest = this.lines[this.line]!.slice(this.column);
    if (!/^[ \t]*(#.*)?$/.test(rest) || (rest.startsWith('#') && rest.length > 0)) unsupported();
    this.line++;
  }

  private plain(column: number, parentIndent: number): unknown {
    const text = this.lines[this.line]!;
    let end = plainEnd(text, column);
    let value = trimEnd(text.slice(column, end));
    if (end < text.length && !/^[ \t]+#/.test(text.slice(end))) unsupported();
    this.line++;
    // Continuation lines fold into one string: a line break becomes a space, an empty line a newline.
    let isMultiLine = false;
    let emptyLines = 0;
    while (this.line < this.lines.length) {
      const next = this.lines[this.line]!;
      const indent = this.indents[this.line]!;
      if (indent === -1) {
        if (/^[ \t]*$/.test(next)) {
          emptyLines++;
          this.line++;
          continue;
        }
        break; // a comment ends the scalar
      }
      if (indent <= parentIndent) break;
      end = plainEnd(next, indent);
      if (end < trimEnd(next).length) unsupported();
      const part = trimEnd(next.slice(indent, end));
      value += emptyLines > 0 ? '\n'.repeat(emptyLines) + part : ' ' + part;
      emptyLines = 0;
      isMultiLine = true;
      this.line++;
    }
    // Empty lines after the scalar belong to nobody: step back so that skipBlank sees them.
    this.line -= emptyLines;
    return isMultiLine ? value : resolvePlain(value);
  }

  private blockScalar(column: number, parentIndent: number): string {
    const header = this.lines[this.line]!.slice(column);
    const match = /^([|>])([+-]?)[ \t]*(?:#.*)?$/.exec(header);
    if (!match) unsupported();
    const isFolded = match![1] === '>';
    const chomping = match![2];
    this.line++;
    let indent = -1;
    const body: string[] = [];
    let trailingEmpty = 0;
    let maxLeadingSpaces = 0;
    for (; this.line < this.lines.length; this.line++) {
      const text = this.lines[this.line]!;
      const isEmpty = /^ *$/.test(text);
      if (indent === -1) {
        if (isEmpty) {
          maxLeadingSpaces = Math.max(maxLeadingSpaces, text.length);
          body.push('');
          trailingEmpty++;
          continue;
        }
        let n = 0;
        while (text.charCodeAt(n) === 32) n++;
        if (text.charCodeAt(n) === 9) unsupported();
        if (n <= parentIndent) break;
        if (maxLeadingSpaces > n) unsupported();
        indent = n;
      }
      // Spaces beyond the indentation are content (a more-indented line), not an empty line.
      if (isEmpty && text.length <= indent) {
        body.push('');
        trailingEmpty++;
        continue;
      }
      let n = 0;
      while (n < indent && text.charCodeAt(n) === 32) n++;
      if (n < indent) break;
      body.push(text.slice(indent));
      trailingEmpty = 0;
    }
    const content = body.slice(0, body.length - trailingEmpty);
    // The scalar's trailing empty lines are counted by chomping, the rest are left for the caller.
    let result = '';
    let emptyLines = 0;
    let hasContent = false;
    let isMoreIndented = false;
    for (const line of content) {
      if (line === '') {
        emptyLines++;
        continue;
      }
      if (!isFolded) {
        result += '\n'.repeat(hasContent ? 1 + emptyLines : emptyLines);
      } else if (line[0] === ' ' || line[0] === '\t') {
        isMoreIndented = true;
        result += '\n'.repeat(hasContent ? 1 + emptyLines : emptyLines);
      } else if (isMoreIndented) {
        isMoreIndented = false;
        result += '\n'.repeat(emptyLines + 1);
      } else if (emptyLines === 0) {
        if (hasContent) result += ' ';
      } else {
        result += '\n'.repeat(emptyLines);
      }
      result += line;
      hasContent = true;
      emptyLines = 0;
    }
    const isLastLineOfText = this.line >= this.lines.length;
    if (chomping === '+') result += '\n'.repeat(hasContent ? 1 + trailingEmpty : trailingEmpty);
    else if (chomping === '' && hasContent) result += '\n';
    // At the very end of a file without a final line break `yaml` still adds one; so do we, but keep
    // away from the ambiguous keep-chomping at the end of the text.
    if (isLastLineOfText && chomping === '+') unsupported();
    return result;
  }

  /** A quoted scalar at `column` of the current line, possibly over several lines; sets this.line/column after it. */
  private quoted(column: number, parentIndent: number): string {
    const quote = this.lines[this.line]![column];
    const isDouble = quote === '"';
    let out = '';
    let kept = 0; // out[0..kept) must not be trimmed: escaped characters
    let i = column + 1;
    for (;;) {
      const text = this.lines[this.line]!;
      while (i < text.length) {
        const c = text[i]!;
        if (c === quote) {
          if (!isDouble && text[i + 1] === "'") {
            out += "'";
            kept = out.length;
            i += 2;
            continue;
          }
          this.column = i + 1;
          return out;
        }
        if (isDouble && c === '\\') {
          const e = text[i + 1];
          if (e === undefined) {
            // An escaped line break joins the lines without a space.
            i = text.length + 1;
            break;
          }
          if (e === 'x' || e === 'u' || e === 'U') {
            const length = e === 'x' ? 2 : e === 'u' ? 4 : 8;
            const hex = text.slice(i + 2, i + 2 + length);
            if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) unsupported();
            out += String.fromCodePoint(parseInt(hex, 16));
            i += 2 + length;
          } else {
            const mapped = doubleQuoteEscapes[e];
            if (mapped === undefined) unsupported();
            out += mapped;
            i += 2;
          }
          kept = out.length;
          continue;
        }
        out += c;
        i++;
      }
      // The line ended inside the scalar: fold it into the next non-empty line.
      const isEscapedBreak = i === text.length + 1;
      if (!isEscapedBreak) {
        let trimmed = out.length;
        while (trimmed > kept && (out[trimmed - 1] === ' ' || out[trimmed - 1] === '\t')) trimmed--;
        out = out.slice(0, trimmed);
      }
      this.line++;
      let emptyLines = 0;
      while (this.line < this.lines.length && /^[ \t]*$/.test(this.lines[this.line]!)) {
        emptyLines++;
        this.line++;
      }
      // Empty lines after an escaped line break: `yaml` and the YAML spec disagree there; leave it to `yaml`.
      if (this.line >= this.lines.length || (isEscapedBreak && emptyLines > 0)) unsupported();
      const next = this.lines[this.line]!;
      let start = 0;
      while (next[start] === ' ' || next[start] === '\t') start++;
      if (start <= parentIndent || (next.startsWith('---') || next.startsWith('...'))) unsupported();
      if (!isEscapedBreak) out += emptyLines > 0 ? '\n'.repeat(emptyLines) : ' ';
      else out += '\n'.repeat(emptyLines);
      kept = isEscapedBreak ? out.length : kept;
      i = start;
    }
  }

  /** `[...]` or `{...}` starting at `column`, possibly over several lines. */
  private flowCollection(column: number): unknown {
    this.column = column;
    const value = this.flowValue();
    this.expectLineEnd();
    return value;
  }

  private skipFlowSpace(): void {
    for (;;) {
      const text = this.lines[this.line];
      if (text === undefined) unsupported();
      while (this.column < text!.length && (text![this.column] === ' ' || text![this.column] === '\t')) this.column++;
      if (this.column < text!.length && !(text![this.column] === '#' && this.column > 0 && /[ \t]/.test(text![this.column - 1]!))) return;
      this.line++;
      this.column = 0;
    }
  }

  private flowValue(): unknown {
    this.skipFlowSpace();
    const text = this.lines[this.line]!;
    const c = text[this.column]!;
    if (c === '[') return this.flowSequence();
    if (c === '{') return this.flowMapping();
    if (c === '"' || c === "'") return this.quoted(this.column, -1);
    if ('&*!%@`?|>#,]}:'.includes(c) || (c === '-' && (text[this.column + 1] === ' ' || this.column + 1 === text.length))) unsupported();
    const start = this.column;
    let end = start;
    while (end < text.length) {
      const d = text[end]!;
      if (d === ',' || d === '[' || d === ']' || d === '{' || d === '}') break;
      if (d === ':' && (end + 1 === text.length || ' ,[]{}'.includes(text[end + 1]!))) break;
      if (d === '#' && /[ \t]/.test(text[end - 1] ?? '')) break;
      end++;
    }
    this.column = end;
    const raw = text.slice(start, end);
    const value = trimEnd(raw);
    // `{0x1b :` followed by a line break: `yaml` keeps the space in the key there; leave such keys to it.
    if (text[end] === ':' && value.length !== raw.length) unsupported();
    // A plain scalar that goes on over the next line, or an implicit key inside a sequence: not ours.
    this.skipFlowSpace();
    const after = this.lines[this.line]![this.column];
    if (after !== ',' && after !== ']' && after !== '}' && after !== ':') unsupported();
    return resolvePlain(value);
  }

  private flowSequence(): unknown[] {
    this.enter();
    const items: unknown[] = [];
    const lines = this.linesOf(items);
    this.column++;
    for (;;) {
      this.skipFlowSpace();
      if (this.lines[this.line]![this.column] === ']') break;
      const itemLine = this.line;
      items.push(this.flowValue());
      lines?.push(itemLine + 1);
      this.skipFlowSpace();
      const c = this.lines[this.line]![this.column];
      if (c === ',') this.column++;
      else if (c !== ']') unsupported();
    }
    this.column++;
    this.depth--;
    return items;
  }

  private flowMapping(): Record<string, unknown> {
    this.enter();
    const map: Record<string, unknown> = {};
    const lines = this.linesOf(map);
    this.column++;
    for (;;) {
      this.skipFlowSpace();
      if (this.lines[this.line]![this.column] === '}') break;
      const keyLine = this.line;
      const key = keyString(this.flowValue());
      if (key === '__proto__' || key === '<<') unsupported();
      this.skipFlowSpace();
      let c = this.lines[this.line]![this.column];
      if (c !== ':') unsupported();
      this.column++;
      map[key] = this.flowValue();
      if (lines) lines[key] = keyLine + 1;
      this.skipFlowSpace();
      c = this.lines[this.line]![this.column];
      if (c === ',') this.column++;
      else if (c !== '}') unsupported();
    }
    this.column++;
    this.depth--;
    return map;
  }
}

/** YAML's white space is the space and the tab only; JavaScript's trim would also eat U+2028 and friends. */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end === text.length ? text : text.slice(0, end);
}

function isSequenceEntry(text: string, column: number): boolean {
  if (text[column] !== '-') return false;
  const next = text[column + 1];
  return next === undefined || next === ' ';
}

/** Where a plain scalar on a block line ends: at ` #` or the end of the line. `: ` inside is not ours. */
function plainEnd(text: string, column: number): number {
  let end = text.length;
  const comment = text.indexOf(' #', column);
  if (comment !== -1) end = comment;
  const tabComment = text.indexOf('\t#', column);
  if (tabComment !== -1 && tabComment < end) end = tabComment;
  const colon = text.indexOf(': ', column);
  if ((colon !== -1 && colon < end) || trimEnd(text.slice(column, end)).endsWith(':')) unsupported();
  return end;
}

/**
 * Offset of the `:` that ends an implicit key starting at `column`, or -1 when the text there is not a
 * `key: value` line. Quoted keys stay on one line.
 */
function keyEnd(text: string, column: number): number {
  const c = text[column];
  if (c === undefined) return -1;
  if (c === '"' || c === "'") {
    let i = column + 1;
    while (i < text.length) {
      if (text[i] === '\\' && c === '"') {
        i += 2;
        continue;
      }
      if (text[i] === c) {
        if (c === "'" && text[i + 1] === "'") {
          i += 2;
          continue;
        }
        break;
      }
      i++;
    }
    if (i >= text.length) return -1;
    let j = i + 1;
    while (text[j] === ' ') j++;
    return text[j] === ':' && (j + 1 === text.length || text[j + 1] === ' ') ? j : -1;
  }
  if ('[]{}#&*!|>%@`,'.includes(c) || (c === '?' && (text[column + 1] === ' ' || column + 1 === text.length))) return -1;
  if (c === '-' && (text[column + 1] === ' ' || column + 1 === text.length)) return -1;
  let i = text.indexOf(':', column);
  while (i !== -1) {
    if (i + 1 === text.length || text[i + 1] === ' ') {
      const comment = text.indexOf(' #', column);
      return comment !== -1 && comment < i ? -1 : i;
    }
    i = text.indexOf(':', i + 1);
  }
  return -1;
}

/** The key text between `column` and the colon, resolved as the `yaml` package turns keys into property names. */
function readKey(text: string, column: number, colon: number): string | undefined {
  const raw = trimEnd(text.slice(column, colon));
  const c = raw[0];
  if (c === "'") return raw.slice(1, -1).replace(/''/g, "'");
  if (c === '"') {
    if (raw.includes('\\')) {
      try {
        return JSON.parse(raw) as string;
      } catch {
        return undefined;
      }
    }
    return raw.slice(1, -1);
  }
  if (raw.includes('\t')) return undefined;
  return keyString(resolvePlain(raw));
}

/**
 * Offset of the first `{` or `[` that opens a level deeper than maxDepth, or -1. Runs before
 * JSON.parse: V8 parses `[[[[…]]]]` iteratively, so 50 MB of it would build 25 million nested
 * arrays before anything downstream (checks walk schemas recursively) could refuse them.
 */
export function findExcessiveNesting(text: string, maxDepth: number): number {
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // indexOf is native and fast; an escaped quote is one preceded by an odd run of backslashes.
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
      if (end === -1) return -1;
      i = end;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > maxDepth) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    }
  }
  return -1;
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let k = quote - 1; k >= 0 && text.charCodeAt(k) === 92; k--) backslashes++;
  return backslashes % 2 === 1;
}

const literalPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const simpleEscapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * Offset of the first JSON syntax error, or -1 when the text is valid. Only called after JSON.parse
 * failed with a message that carries no position (V8's "Unexpected token" quotes a snippet instead),
 * so that the error can still name a line. Iterative: deep nesting cannot overflow the stack.
 */
export function findJsonSyntaxError(text: string): number {
  const stack: number[] = [];
  const length = text.length;
  let i = 0;
  type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close';
  let expect: Expect = 'value';

  const skipWhitespace = () => {
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  // Advances past a string starting at i; returns false with i at the offending character.
  const readString = (): boolean => {
    i++;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const escape = text[i + 1];
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (escape !== undefined && simpleEscapes.has(escape)) i += 2;
        else return false;
      } else {
        i++;
      }
    }
    return false;
  };

  for (;;) {
    skipWhitespace();
    if (i >= length) return stack.length === 0 && expect === 'comma-or-close' ? -1 : length;
    const c = text.charCodeAt(i);
    switch (expect) {
      case 'value':
      case 'value-or-close':
        if (c === 93 /* ] */ && expect === 'value-or-close') {
          stack.pop();
          i++;
          expect = 'comma-or-close';
        } else if (c === 123 || c === 91) {
          stack.push(c);
          i++;
          expect = c === 123 ? 'key-or-close' : 'value-or-close';
        } else if (c === 34) {
          if (!readString()) return i;
          expect = 'comma-or-close';
        } else {
          literalPattern.lastIndex = i;
          const match = literalPattern.exec(text);
          if (!match) return i;
          i += match[0].length;
          expect = 'comma-or-close';
        }
        break;
      case 'key':
      case 'key-or-close':
        if (c === 125 /* } */ && expect === 'key-or-close') {
          stack.pop();
          i++;
          expect = 'comma-or-close';
        } else {
          if (c !== 34 || !readString()) return i;
          expect = 'colon';
        }
        break;
      case 'colon':
        if (c !== 58) return i;
        i++;
        expect = 'value';
        break;
      case 'comma-or-close': {
        const top = stack[stack.length - 1];
        if (top === undefined) return i;
        if (c === 44) {
          i++;
          expect = top === 123 ? 'key' : 'value';
        } else if ((c === 125 && top === 123) || (c === 93 && top === 91)) {
          stack.pop();
          i++;
        } else {
          return i;
        }
        break;
      }
    }
  }
}

/** 1-based line of a character offset. */
export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  let index = text.indexOf('\n');
  while (index !== -1 && index < end) {
    line++;
    index = text.indexOf('\n', index + 1);
  }
  return line;
}

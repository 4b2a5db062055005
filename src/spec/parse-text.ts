import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { FaultlineError } from '../core/errors.js';
import { findExcessiveNesting, findJsonSyntaxError, lineAtOffset } from './json-syntax.js';
import { locateJsonPointers } from './locate-json.js';
import { splitPointer } from './values.js';
import { parseYamlFast, YamlTooDeepError, type FastYaml, type YamlLines } from './yaml-fast.js';

/** Finds the line of JSON pointers in the text a document was parsed from. */
export type LineLocator = (pointers: ReadonlySet<string>) => Map<string, number>;

export interface ParsedText {
  readonly document: unknown;
  readonly locateLines: LineLocator;
}

// A YAML alias bomb ("billion laughs") expands exponentially; the yaml package counts alias uses.
const maxAliasCount = 1000;
// Far deeper than any real description (GitHub's fully dereferenced one nests 29 levels), shallow enough that
// recursive walks over schemas in checks never overflow the stack.
export const maxNestingDepth = 1000;

/** Parse JSON or YAML text (chosen by its first character) into plain values plus a line locator. */
export function parseSpecText(rawText: string, file: string): ParsedText {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return parseJson(text, file);
  return parseYaml(text, file);
}

function parseJson(text: string, file: string): ParsedText {
  const tooDeep = findExcessiveNesting(text, maxNestingDepth);
  if (tooDeep !== -1) {
    throw new FaultlineError('E_SPEC_PARSE', `invalid JSON: nested more than ${maxNestingDepth} levels deep`, { location: { file, ...lineAndColumn(text, tooDeep) } });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : findJsonSyntaxError(text);
    const where = offset >= 0 ? lineAndColumn(text, offset) : {};
    const reason = position || offset < 0 ? v8Reason(message) : unexpectedAt(text, offset);
    throw new FaultlineError('E_SPEC_PARSE', `invalid JSON: ${firstLine(reason)}`, { location: { file, ...where }, cause: error });
  }
  return { document, locateLines: (pointers) => locateJsonPointers(text, pointers) };
}

function parseYaml(text: string, file: string): ParsedText {
  let fast: FastYaml | undefined;
  try {
    // Lines are recorded while reading: nearly every run reports something, and a second reading to
    // find lines would cost far more than noting them now.
    fast = parseYamlFast(text, { maxDepth: maxNestingDepth, recordLines: true });
  } catch (error) {
    if (!(error instanceof YamlTooDeepError)) throw error;
    throw new FaultlineError('E_SPEC_PARSE', `invalid YAML: ${error.message}`, { location: { file, line: error.line } });
  }
  if (!fast) return parseYamlFully(text, file);
  const { value, lines } = fast;
  return { document: value, locateLines: (pointers) => (lines ? fastYamlLines(value, lines, pointers) : new Map()) };
}

/** Walk the recorded reading by pointer; answer the line of the deepest key or item reached. */
function fastYamlLines(root: unknown, lines: YamlLines, pointers: ReadonlySet<string>): Map<string, number> {
  const found = new Map<string, number>();
  for (const pointer of pointers) {
    let node = root;
    let line = lines.root;
    for (const segment of splitPointer(pointer)) {
      if (node === null || typeof node !== 'object') break;
      const childLine = lines.byContainer.get(node)?.[segment];
      if (childLine === undefined) break;
      line = childLine;
      node = (node as Record<string, unknown>)[segment];
    }
    found.set(pointer, line);
  }
  return found;
}

function parseYamlFully(text: string, file: string): ParsedText {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    // merge: `<<: *defaults` is common in hand-written specs and every YAML tool for OpenAPI honours it.
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, merge: true });
  } catch (error) {
    throw new FaultlineError('E_SPEC_PARSE', `invalid YAML: ${firstLine((error as Error).message)}`, { location: { file }, cause: error });
  }
  const firstError = doc.errors[0];
  if (firstError) {
    const { line, col } = lineCounter.linePos(firstError.pos[0]);
    const reason =
      firstError.code === 'RESOURCE_EXHAUSTION' ? 'nested too deeply to parse'
      : firstError.code === 'MULTIPLE_DOCS' ? 'the file holds more than one YAML document (---); a description is one document'
      : firstLine(firstError.message).replace(/ at line \d+, column \d+:?$/, '');
    throw new FaultlineError('E_SPEC_PARSE', `invalid YAML: ${reason}`, { location: { file, line, column: col } });
  }
  let document: unknown;
  let hasAnchors = false;
  try {
    document = doc.toJS({ maxAliasCount, onAnchor: () => void (hasAnchors = true) });
  } catch (error) {
    const message = (error as Error).message;
    const reason = /resource exhaustion/i.test(message)
      ? `more than ${maxAliasCount} alias expansions (a "billion laughs" alias bomb?)`
      : error instanceof RangeError ? 'nested too deeply to parse' : firstLine(message);
    throw new FaultlineError('E_SPEC_PARSE', `invalid YAML: ${reason}`, { location: { file }, cause: error });
  }
  // An alias inside its own anchor makes a cyclic value, which JSON cannot hold and every walk would loop on.
  if (hasAnchors && isCyclic(document)) {
    throw new FaultlineError('E_SPEC_PARSE', 'invalid YAML: an alias refers to a node that contains it (a recursive structure cannot be an OpenAPI document)', { location: { file } });
  }
  const locateLines: LineLocator = (pointers) => {
    const found = new Map<string, number>();
    for (const pointer of pointers) {
      const line = yamlLine(doc, lineCounter, pointer);
      if (line !== undefined) found.set(pointer, line);
    }
    return found;
  };
  return { document, locateLines };
}

/** V8's reason without the position it also gives ("… in JSON at position 38 (line 5 column 39)"). */
function v8Reason(message: string): string {
  return message
    .replace(/^JSON\.parse: /, '')
    .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '');
}

// Where V8 quotes a snippet instead of a position ("Unexpected token ' ', …"tru }"… is not valid JSON")
// it names the character after the real culprit: name the culprit found by our own scan instead.
function unexpectedAt(text: string, offset: number): string {
  if (offset >= text.length) return 'unexpected end of text';
  const word = text.slice(offset, offset + 10).split(/[\s,}\]]/)[0] || text[offset];
  return `unexpected ${JSON.stringify(word)}`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const line = lineAtOffset(text, offset);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { line, column: offset - lineStart + 1 };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Iterative depth-first search for an object that is its own ancestor (shared subtrees are fine). */
function isCyclic(root: unknown): boolean {
  const state = new Map<object, 'open' | 'done'>();
  const stack: { node: object; isExit: boolean }[] = [];
  if (root !== null && typeof root === 'object') stack.push({ node: root, isExit: false });
  while (stack.length > 0) {
    const { node, isExit } = stack.pop()!;
    if (isExit) {
      state.set(node, 'done');
      continue;
    }
    const seen = state.get(node);
    if (seen === 'done') continue;
    if (seen === 'open') return true;
    state.set(node, 'open');
    stack.push({ node, isExit: true });
    for (const value of Object.values(node)) {
      if (value === null || typeof value !== 'object') continue;
      if (state.get(value) === 'open') return true;
      if (state.get(value) !== 'done') stack.push({ node: value, isExit: false });
    }
  }
  return false;
}

/** Walk the YAML node tree by pointer; answer the line of the deepest node reached (the key's line for map entries). */
function yamlLine(doc: Document, lineCounter: LineCounter, pointer: string): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined = lineOfNode(lineCounter, node) ?? 1;
  for (const segment of splitPointer(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const key = item.key as { value?: unknown } | null;
        return key !== null && typeof key === 'object' && String(key.value) === segment;
      });
      if (!pair) return line;
      line = lineOfNode(lineCounter, pair.key) ?? line;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) return line;
      line = lineOfNode(lineCounter, item) ?? line;
      node = item;
    } else {
      return line;
    }
  }
  return line;
}

function lineOfNode(lineCounter: LineCounter, node: unknown): number | undefined {
  const range = node !== null && typeof node === 'object' ? (node as { range?: [number] | null }).range : undefined;
  return range ? lineCounter.linePos(range[0]).line : undefined;
}

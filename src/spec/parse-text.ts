import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { FaultlineError } from '../core/errors.js';
import { fromPointer } from '../core/location.js';
import { locateJsonPointers } from './locate-json.js';

/** Finds the line of JSON pointers in the text a document was parsed from. */
export type LineLocator = (pointers: ReadonlySet<string>) => Map<string, number>;

export interface ParsedText {
  readonly document: unknown;
  readonly locateLines: LineLocator;
}

// A YAML alias bomb ("billion laughs") expands exponentially; the yaml package counts alias uses.
const maxAliasCount = 1000;

export function parseSpecText(text: string, file: string): ParsedText {
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return parseJson(text, file);
  return parseYaml(text, file);
}

function parseJson(text: string, file: string): ParsedText {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof RangeError) {
      throw new FaultlineError('E_SPEC_PARSE', 'invalid JSON: nested too deeply to parse', { location: { file }, cause: error });
    }
    const position = /position (\d+)/.exec(message);
    const line = position ? lineAt(text, Number(position[1])) : undefined;
    const reason = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    throw new FaultlineError('E_SPEC_PARSE', `invalid JSON: ${reason}`, { location: { file, ...(line ? { line } : {}) }, cause: error });
  }
  return { document, locateLines: (pointers) => locateJsonPointers(text, pointers) };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function parseYaml(text: string, file: string): ParsedText {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    throw new FaultlineError('E_SPEC_PARSE', `invalid YAML: ${(error as Error).message}`, { location: { file }, cause: error });
  }
  const firstError = doc.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line;
    const reason = firstError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'syntax error';
    throw new FaultlineError('E_SPEC_PARSE', `invalid YAML: ${reason}`, { location: { file, line } });
  }
  let document: unknown;
  try {
    document = doc.toJS({ maxAliasCount });
  } catch (error) {
    throw new FaultlineError('E_SPEC_PARSE', `invalid YAML: ${(error as Error).message}`, { location: { file }, cause: error });
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

/** Walk the YAML node tree by pointer; answer the line of the deepest node reached (the key's line for map entries). */
function yamlLine(doc: Document, lineCounter: LineCounter, pointer: string): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined = node && typeof node === 'object' && 'range' in node ? lineOf(lineCounter, (node as { range?: [number] }).range) : 1;
  for (const segment of fromPointer(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const key = item.key as { value?: unknown } | null;
        return key !== null && typeof key === 'object' && String(key.value) === segment;
      });
      if (!pair) return line;
      line = lineOf(lineCounter, (pair.key as { range?: [number] }).range) ?? line;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) return line;
      line = lineOf(lineCounter, (item as { range?: [number] }).range) ?? line;
      node = item;
    } else {
      return line;
    }
  }
  return line;
}

function lineOf(lineCounter: LineCounter, range: [number] | undefined | null): number | undefined {
  return range ? lineCounter.linePos(range[0]).line : undefined;
}

import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { FaultlineError } from '../core/errors.js';
import { existsSync } from 'node:fs';
import { closest } from '../core/did-you-mean.js';
import { interpolateEnv, interpolationError } from './interpolate.js';
import { configSchema, type FaultlineConfig } from './schema.js';

/** Config files looked for in the working directory when --config is not given, in this order. */
export const configFileNames = ['faultline.yaml', 'faultline.yml', 'faultline.json'] as const;

export function discoverConfig(cwd: string): string | undefined {
  for (const name of configFileNames) {
    const path = resolve(cwd, name);
    if (existsSync(path)) return path;
  }
  return undefined;
}

export interface LoadedConfig {
  readonly config: FaultlineConfig;
  readonly file: string;
  /** The spec path resolved against the config file's folder (URLs as they are). */
  readonly specSource?: string;
}

/** Read faultline.yaml/.json, validate it, and report the first problem as file:line: field: message. */
export async function loadConfig(file: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FaultlineError(code === 'ENOENT' ? 'E_CONFIG_NOT_FOUND' : 'E_CONFIG_INVALID', code === 'ENOENT' ? 'config file not found' : `cannot read config (${code})`, { location: { file }, cause: error });
  }
  return parseConfig(text, file, env);
}

export function parseConfig(text: string, file: string, env: Readonly<Record<string, string | undefined>> = {}): LoadedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    throw new FaultlineError('E_CONFIG_INVALID', `invalid YAML: ${syntax.message.split('\n')[0]}`, { location: { file, line: lineCounter.linePos(syntax.pos[0]).line } });
  }
  const interpolated = interpolateEnv(doc.toJS({ maxAliasCount: 100 }) ?? {}, env);
  const problem = interpolated.problems[0];
  if (problem) throw interpolationError(problem, file, formatPath(problem.path) || '(root)', lineOf(doc, lineCounter, problem.path));
  const parsed = configSchema.safeParse(interpolated.value);
  if (!parsed.success) throw configError(parsed.error, doc, lineCounter, file);
  const config = parsed.data;
  const specSource = config.spec === undefined ? undefined : /^https?:\/\//i.test(config.spec) || isAbsolute(config.spec) ? config.spec : resolve(dirname(file), config.spec);
  return { config, file, ...(specSource !== undefined ? { specSource } : {}) };
}

function configError(error: z.ZodError, doc: Document, lineCounter: LineCounter, file: string): FaultlineError {
  const issue = error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  let message = issue.message;
  let fieldPath = path;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    fieldPath = [...path, key];
    const known = knownKeys(path);
    const suggestion = closest(key, known);
    message = `unknown key '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : known.length ? ` (known keys: ${known.join(', ')})` : ''}`;
  }
  const field = formatPath(fieldPath);
  const line = lineOf(doc, lineCounter, fieldPath);
  return new FaultlineError('E_CONFIG_INVALID', message, { location: { file, field: field || '(root)', ...(line !== undefined ? { line } : {}) } });
}

// The keys the schema allows at a path, for did-you-mean on unknown keys.
function knownKeys(path: readonly (string | number)[]): string[] {
  let schema: unknown = configSchema;
  for (const segment of path) {
    schema = unwrap(schema);
    const shape = (schema as { shape?: Record<string, unknown> }).shape;
    if (typeof segment === 'number') schema = (schema as { element?: unknown }).element;
    else schema = shape?.[segment];
  }
  const shape = (unwrap(schema) as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { unwrap?: () => unknown; def?: { innerType?: unknown } } | undefined;
  for (let i = 0; i < 5 && current; i++) {
    if (current.def?.innerType) current = current.def.innerType as typeof current;
    else if (typeof current.unwrap === 'function' && !('shape' in current) && !('element' in current)) current = current.unwrap() as typeof current;
    else break;
  }
  return current;
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, segment) => (typeof segment === 'number' ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment), '');
}

function lineOf(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value) === String(segment));
      if (!pair) break;
      const range = (pair.key as { range?: [number] }).range;
      if (range) line = lineCounter.linePos(range[0]).line;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as { range?: [number] } | undefined;
      if (!item) break;
      if (item.range) line = lineCounter.linePos(item.range[0]).line;
      node = item;
    } else break;
  }
  return line;
}

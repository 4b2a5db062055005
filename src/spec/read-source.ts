import { open, stat } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';
import { FaultlineError } from '../core/errors.js';

export const defaultMaxSpecBytes = 128 * 1024 * 1024;

export interface SourceText {
  readonly text: string;
  /** The path or URL as given (for messages) */
  readonly source: string;
  /** Absolute path or URL used to resolve relative `$ref`s. */
  readonly base: string;
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** Read a spec from a file or an http(s) URL, refusing anything above maxBytes before it is buffered. */
export async function readSource(source: string, maxBytes = defaultMaxSpecBytes, timeoutMs = 30_000): Promise<SourceText> {
  if (isUrl(source)) return readUrl(source, maxBytes, timeoutMs);
  const path = resolvePath(source);
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new FaultlineError('E_SPEC_READ', 'is a directory, not a spec file', { location: { file: source } });
    size = info.size;
  } catch (error) {
    if (error instanceof FaultlineError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FaultlineError('E_SPEC_NOT_FOUND', 'spec file not found', { location: { file: source }, cause: error });
    throw new FaultlineError('E_SPEC_READ', `cannot read spec file (${code ?? String(error)})`, { location: { file: source }, cause: error });
  }
  if (size > maxBytes) throw tooLarge(source, size, maxBytes);
  const handle = await open(path, 'r');
  try {
    const text = await handle.readFile({ encoding: 'utf8' });
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, source, base: path };
  } finally {
    await handle.close();
  }
}

function tooLarge(source: string, size: number, maxBytes: number): FaultlineError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new FaultlineError('E_SPEC_TOO_LARGE', `spec is ${mb(size)}, above the ${mb(maxBytes)} limit (raise it with --max-spec-size)`, {
    location: { file: source },
  });
}

async function readUrl(url: string, maxBytes: number, timeoutMs: number): Promise<SourceText> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    throw new FaultlineError('E_SPEC_READ', `cannot fetch spec: ${(error as Error).message}`, { location: { file: url }, cause: error });
  }
  if (!response.ok) throw new FaultlineError('E_SPEC_NOT_FOUND', `fetching the spec answered HTTP ${response.status}`, { location: { file: url } });
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(url, declared, maxBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge(url, total, maxBytes);
      }
      chunks.push(value);
    }
  }
  return { text: Buffer.concat(chunks).toString('utf8'), source: url, base: url };
}

export function resolveRelative(base: string, ref: string): string {
  if (isUrl(ref)) return ref;
  if (isUrl(base)) return new URL(ref, base).toString();
  return resolvePath(dirname(base), ref);
}

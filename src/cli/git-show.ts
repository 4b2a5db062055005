import { execFile } from 'node:child_process';
import { FaultlineError } from '../core/errors.js';

export interface GitRef {
  readonly ref: string;
  readonly path: string;
}

/** `git:REF:path` → { ref, path }; undefined when the source is not a git reference. A ref name holds no ':' (git-check-ref-format). */
export function parseGitSource(source: string): GitRef | undefined {
  if (!source.startsWith('git:')) return undefined;
  const rest = source.slice(4);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) {
    throw new FaultlineError('E_USAGE', `expected git:REF:path, e.g. git:origin/main:openapi.yaml (got '${source}')`, { location: { field: source } });
  }
  return { ref: rest.slice(0, colon), path: rest.slice(colon + 1) };
}

/**
 * The text of `path` at `ref` in the git repository around `cwd`, as `git show REF:path` prints it
 * (path from the repository root, or `./path` from the working directory). Git's refusals become one
 * clear error each: an unknown revision, a path missing at that revision, no repository, no git.
 */
export function gitShow(source: string, { ref, path }: GitRef, options: { cwd?: string; maxBytes?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['show', `${ref}:${path}`],
      { cwd: options.cwd ?? process.cwd(), encoding: 'utf8', maxBuffer: options.maxBytes ?? 128 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        reject(gitError(source, ref, path, error, stderr));
      },
    );
  });
}

function gitError(source: string, ref: string, path: string, error: Error & { code?: unknown }, stderr: string): FaultlineError {
  const location = { location: { file: source }, cause: error };
  if (error.code === 'ENOENT') return new FaultlineError('E_SPEC_READ', 'git is not installed (needed to read git:REF:path)', location);
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return new FaultlineError('E_SPEC_TOO_LARGE', `${path} at ${ref} is larger than the spec size limit`, location);
  const said = stderr.split('\n').find((line) => line.trim() !== '')?.replace(/^fatal:\s*/, '').trim() ?? error.message;
  if (/not a git repository/i.test(said)) return new FaultlineError('E_SPEC_READ', 'not inside a git repository', location);
  if (/does not exist in|exists on disk, but not in|exists, but not/i.test(said)) return new FaultlineError('E_SPEC_NOT_FOUND', `no file '${path}' at ${ref}: ${said}`, location);
  if (/invalid object name|unknown revision|bad revision|ambiguous argument|invalid reference/i.test(said)) return new FaultlineError('E_SPEC_NOT_FOUND', `unknown git revision '${ref}'`, location);
  return new FaultlineError('E_SPEC_READ', `git show ${ref}:${path} failed: ${said}`, location);
}

import { spawn, type ChildProcess } from 'node:child_process';
import { binPath, repoRoot } from './run-cli.js';

/** `faultline serve` in its own process, as an operator runs it: the built CLI, its log read line by line. */
export interface ServeChild {
  readonly url: string;
  readonly process: ChildProcess;
  /** Every stderr line so far (JSON log lines and faultline's own lines). */
  readonly lines: string[];
  /** The JSON log lines' `msg` fields so far. */
  messages(): string[];
  isRunning(): boolean;
  /** SIGTERM, then the exit code (SIGKILL after the limit). */
  stop(limitMs?: number): Promise<number | null>;
}

export async function startServeChild(args: readonly string[], options: { env?: Record<string, string>; cwd?: string; startLimitMs?: number } = {}): Promise<ServeChild> {
  const child = spawn(process.execPath, [binPath, 'serve', '--listen', '127.0.0.1:0', ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  let exited: { code: number | null } | undefined;
  const exit = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      exited = { code };
      resolve(code);
    });
  });
  child.stderr?.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start within ${options.startLimitMs ?? 30_000} ms:\n${lines.join('\n')}`)), options.startLimitMs ?? 30_000);
    child.stderr?.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const started = /^faultline: serve on (http:\/\/\S+)/.exec(line);
        if (started?.[1]) {
          clearTimeout(timer);
          resolve(started[1]);
        }
      }
    });
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before it listened:\n${lines.join('\n')}`));
    });
  });
  return {
    url,
    process: child,
    lines,
    messages: () =>
      lines.flatMap((line) => {
        try {
          const parsed = JSON.parse(line) as { msg?: unknown };
          return typeof parsed.msg === 'string' ? [parsed.msg] : [];
        } catch {
          return [];
        }
      }),
    isRunning: () => exited === undefined,
    async stop(limitMs = 30_000) {
      if (exited) return exited.code;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
      try {
        return await exit;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Sign in as admin through the API; returns the cookie header for later reads. */
export async function signIn(url: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

export async function until(condition: () => boolean | Promise<boolean>, what: string, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${limitMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

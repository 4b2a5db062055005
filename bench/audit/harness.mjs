// Shared by bench/audit/run.mjs and bench/audit/json-server/run.mjs: a frozen copy of the faultline
// build, a timed child process under /usr/bin/time, free loopback ports, and small statistics.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const auditBenchDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(auditBenchDir, '..', '..');

export function requireBuild(fail) {
  if (!existsSync('/usr/bin/time')) fail('/usr/bin/time is missing (Debian: apt-get install -y time)');
  if (!existsSync(join(repoRoot, 'dist', 'src', 'cli', 'main.js')) || !existsSync(join(repoRoot, 'dist', 'demo', 'shop.js'))) {
    fail('faultline is not built: run `npx tsc -p tsconfig.build.json` in the repo root first');
  }
}

/**
 * Other people rebuild dist/ while a bench runs: measure a copy of the build taken now.
 * demo/openapi.yaml goes beside it because dist/demo/shop.js looks for ../../demo/openapi.yaml.
 * `source` is another built checkout (bench/audit/run.mjs --compare); `name` keeps two copies apart.
 */
export function snapshotFaultline(scratch, { source = repoRoot, name = 'faultline' } = {}) {
  const home = join(scratch, name);
  mkdirSync(join(home, 'demo'), { recursive: true });
  cpSync(join(source, 'dist'), join(home, 'dist'), { recursive: true });
  cpSync(join(source, 'bin'), join(home, 'bin'), { recursive: true });
  cpSync(join(source, 'package.json'), join(home, 'package.json'));
  cpSync(join(source, 'demo', 'openapi.yaml'), join(home, 'demo', 'openapi.yaml'));
  // A worktree without its own install (or with a link to this one) runs on this repo's packages.
  const modules = existsSync(join(source, 'node_modules')) ? join(source, 'node_modules') : join(repoRoot, 'node_modules');
  symlinkSync(realpathSync(modules), join(home, 'node_modules'), 'dir');
  return home;
}

/**
 * Runs `node <argv>` under GNU time (wall seconds, user+system CPU seconds and peak RSS of the child,
 * not of this script; on a shared machine the CPU time is the steadier figure),
 * inside coreutils timeout so a hung run is cut off and still measured. Each stderr line is kept
 * with the milliseconds since the start at which it arrived, so progress lines time the phases.
 */
export async function timedNode(argv, { cwd, stdoutFile, stderrFile, timeFile, timeoutS, env }) {
  const out = createWriteStream(stdoutFile);
  const err = createWriteStream(stderrFile);
  await Promise.all([opened(out), opened(err)]);
  const startedMs = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%e %M %U %S', '-o', timeFile, 'timeout', '--kill-after=10', String(timeoutS), process.execPath, ...argv], {
    cwd,
    stdio: ['ignore', out, 'pipe'],
    env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env },
  });
  const stderrLines = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderrLines.push({ atMs: Math.round(performance.now() - startedMs), line });
    err.write(`${line}\n`);
  });
  const exitCode = await new Promise((resolveExit) => child.on('close', (code, signal) => resolveExit(code ?? `signal ${signal}`)));
  out.close();
  err.close();
  // GNU time writes "Command exited with non-zero status N" before the numbers; the numbers are the last line.
  const timeLine = (existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '').trim().split('\n').at(-1) ?? '';
  const [wallS, maxRssKiB, userS, systemS] = timeLine.split(' ').map(Number);
  const finite = (value) => (Number.isFinite(value) ? value : null);
  const cpuS = Number.isFinite(userS) && Number.isFinite(systemS) ? Math.round((userS + systemS) * 100) / 100 : null;
  return { exitCode, wallS: finite(wallS), cpuS, maxRssKiB: finite(maxRssKiB), isTimedOut: exitCode === 124, stderrLines };
}

/** A port that was free a moment ago on 127.0.0.1 (for servers that only take a --port flag). */
export function freePort() {
  return new Promise((resolvePort, rejectPort) => {
    const server = createServer();
    server.once('error', rejectPort);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Polls url until it answers at all; bounded in attempts and time. */
export async function waitForHttp(url, { attempts = 100, pauseMs = 100 } = {}) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }
  throw new Error(`${url} did not answer after ${attempts} attempts`);
}

export function machineInfo() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    loadAvgAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function gitCommit(root = repoRoot) {
  return spawnSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || null;
}

/** Files under src/, demo/ and bin/ that differ from the commit: the build measured is not exactly the commit. */
export function gitDirtyFiles(root = repoRoot) {
  const status = spawnSync('git', ['-C', root, 'status', '--porcelain', '--', 'src', 'demo', 'bin'], { encoding: 'utf8' }).stdout ?? '';
  return status.split('\n').filter(Boolean).map((line) => line.slice(3));
}

export function faultlineVersion(root = repoRoot) {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
}

export function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function countBy(items, keyOf) {
  const counts = {};
  for (const item of items) {
    const key = keyOf(item) ?? '(none)';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

export function timestamp(date) {
  return date.toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
}

/** `--name value` and `--name=value` pairs; --help prints the // comment block at the top of `file`. */
export function parseArgs(argv, file, fail) {
  const parsed = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      const header = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('//'));
      process.stdout.write(`${header.map((l) => l.slice(3)).join('\n')}\n`);
      process.exit(0);
    }
    const match = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
    if (!match) fail(`unexpected argument '${arg}'`);
    parsed[match[1]] = match[2] ?? argv[++i];
  }
  return parsed;
}

export function log(message) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function opened(stream) {
  return new Promise((resolveOpen, rejectOpen) => {
    stream.once('open', resolveOpen);
    stream.once('error', rejectOpen);
  });
}

/** A number with `digits` decimals, or '-' when there is none. */
export function fixed(value, digits) {
  return value === null || value === undefined ? '-' : value.toFixed(digits);
}

/** A CLI flag's value as a positive whole number; `fail` (the script's own usage error) otherwise. */
export function positiveInteger(value, field, fail) {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) fail(`${field} must be a positive whole number (got '${value}')`);
  return n;
}

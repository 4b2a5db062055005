import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { binPath, repoRoot, type CliResult } from './run-cli.js';

const memoryMarker = 'faultline-test-memory ';
const preloadUrl = pathToFileURL(join(import.meta.dirname, 'report-peak-memory.mjs')).href;

export interface MeasuredCliResult extends CliResult {
  /** Wall-clock time from spawn to exit, as the user waits for it. */
  readonly wallMs: number;
  /** Peak resident memory of the child minus its resident memory before faultline's code loaded. */
  readonly peakRssGrowthBytes: number;
  /** stderr without the memory line. */
  readonly stderr: string;
}

/**
 * Run the built CLI in its own process, so time and memory are the run's own and not shared with the
 * test runner or the hostile server: wall time from spawn to exit, and peak RSS from the kernel's
 * high-water mark (reported by a preload on exit, so it needs no external `time` binary).
 */
export function runMeasuredCli(args: readonly string[], options: { cwd?: string; timeoutMs?: number; nodeOptions?: readonly string[] } = {}): Promise<MeasuredCliResult> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), '--import', preloadUrl, binPath, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - startedAt;
      const lines = Buffer.concat(stderr).toString('utf8').split('\n');
      const memoryLine = lines.find((line) => line.startsWith(memoryMarker));
      const memory = memoryLine ? (JSON.parse(memoryLine.slice(memoryMarker.length)) as { startRssBytes: number; peakRssBytes: number }) : undefined;
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: lines.filter((line) => !line.startsWith(memoryMarker)).join('\n'),
        wallMs,
        // No line means the child died without running its exit handlers (killed): count it as unbounded.
        peakRssGrowthBytes: memory ? memory.peakRssBytes - memory.startRssBytes : Number.POSITIVE_INFINITY,
      });
    });
  });
}

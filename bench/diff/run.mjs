#!/usr/bin/env node
// Diff benchmark: `faultline diff` on two versions of GitHub's REST description
// (@octokit/openapi 19.0.0 → 23.0.2, the npm aliases in devDependencies).
//
// Each run is its own process under /usr/bin/time (wall seconds, peak RSS in KB, and CPU seconds, which
// a busy shared machine disturbs less than wall time); the table gives the median of the runs. oasdiff, the peer, is a Go binary and is not installed here, so there is no
// side-by-side column. Markdown to stdout, progress to stderr.
//
// Usage: node bench/diff/run.mjs [--runs 5]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(repoRoot, 'package.json'));
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
if (!Number.isInteger(runs) || runs < 1) fail('--runs must be a positive whole number');
if (!existsSync('/usr/bin/time')) fail('/usr/bin/time is missing (Debian: apt-get install -y time)');
if (!existsSync(join(repoRoot, 'dist', 'src', 'cli', 'main.js'))) fail('faultline is not built: run `npm run build` first');

const oldSpec = require.resolve('octokit-openapi-old/generated/api.github.com.json');
const newSpec = require.resolve('@octokit/openapi/generated/api.github.com.json');
const version = (alias) => JSON.parse(readFileSync(require.resolve(`${alias}/package.json`), 'utf8')).version;

const samples = [];
let findings;
for (let i = 1; i <= runs; i++) {
  process.stderr.write(`run ${i}/${runs}\n`);
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', process.execPath, join(repoRoot, 'bin', 'faultline'), 'diff', oldSpec, newSpec, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 600_000,
  });
  // Exit 1 means "breaking changes found", which is the expected outcome here.
  if (result.status !== 0 && result.status !== 1) fail(`faultline diff exited ${result.status}: ${result.stderr}`);
  const [wall, peakKb, user, system] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
  samples.push({ wall, peakKb, cpu: user + system });
  const report = JSON.parse(result.stdout);
  findings = report.stats;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const wall = median(samples.map((s) => s.wall));
const peakMb = median(samples.map((s) => s.peakKb)) / 1024;
const cpu = median(samples.map((s) => s.cpu));
console.log(`| pair | runs | wall (median) | CPU user+sys (median) | peak RSS (median) | findings | breaking / warning / info |`);
console.log(`|---|---:|---:|---:|---:|---:|---|`);
console.log(`| GitHub REST ${version('octokit-openapi-old')} → ${version('@octokit/openapi')} (2 × 13 MB JSON) | ${runs} | ${wall.toFixed(2)} s | ${cpu.toFixed(2)} s | ${peakMb.toFixed(0)} MB | ${findings.findings} | ${findings.breaking} / ${findings.warning} / ${findings.info} |`);
console.log('');
console.log(`all runs (wall s / cpu s / MB): ${samples.map((s) => `${s.wall.toFixed(2)}/${s.cpu.toFixed(2)}/${(s.peakKb / 1024).toFixed(0)}`).join(', ')}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);

function fail(message) {
  process.stderr.write(`bench/diff: ${message}\n`);
  process.exit(2);
}

#!/usr/bin/env node
// Runs every bench/real-apis/<name>/run.mjs in turn (one at a time: the machine is small) with the same
// flags, then prints one summary line per API: requests, time, operations reached with a 2xx, findings.
// Each run's full Markdown goes to stdout as it finishes; results stay in bench/real-apis/results/.
//
// Needs `npm ci --prefix bench/real-apis/<name>` for each API once.
//
// Usage: node bench/real-apis/run-all.mjs [--faultline /path/to/bin/faultline] [--budget-requests 3000]
//          [--seed 1] [--timeout 600]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log, parseArgs } from '../audit/harness.mjs';
import { realApisDir } from './common.mjs';

const args = parseArgs(process.argv.slice(2), fileURLToPath(import.meta.url), (m) => {
  process.stderr.write(`bench/real-apis/run-all: ${m}\n`);
  process.exit(2);
});
const passOn = Object.entries(args).flatMap(([k, v]) => [`--${k}`, v]);
const names = readdirSync(realApisDir).filter((d) => existsSync(join(realApisDir, d, 'run.mjs'))).sort();
const rows = [];
for (const name of names) {
  const startedMs = Date.now();
  log(`${name}: starting`);
  const run = spawnSync(process.execPath, [join(realApisDir, name, 'run.mjs'), ...passOn], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(`${run.stdout}\n`);
  const summary = newestSummary(name, startedMs);
  if (run.status !== 0 || !summary) {
    rows.push(`| ${name} | failed (exit ${run.status}) | | | | |`);
    continue;
  }
  const live = Object.values(summary.liveByCheck).reduce((a, b) => a + b, 0);
  const lint = Object.values(summary.lintByCheck).reduce((a, b) => a + b, 0);
  rows.push(`| ${summary.api} ${summary.apiVersion} | ${summary.faultline} | ${summary.coverage.requests} | ${summary.wallS} s | ${summary.coverage.reached} of ${summary.coverage.total} | ${live} live, ${lint} lint |`);
}
process.stdout.write(['| API | faultline | requests | wall | operations reached with a 2xx | findings |', '| --- | --- | ---: | ---: | --- | --- |', ...rows].join('\n') + '\n');

function newestSummary(name, sinceMs) {
  const resultsDir = join(realApisDir, 'results');
  if (!existsSync(resultsDir)) return null;
  const dirs = readdirSync(resultsDir)
    .filter((d) => d.startsWith(`${name}-`) && existsSync(join(resultsDir, d, 'summary.json')))
    .map((d) => join(resultsDir, d))
    .filter((d) => statSync(d).mtimeMs >= sinceMs - 1000)
    .sort();
  return dirs.length ? JSON.parse(readFileSync(join(dirs.at(-1), 'summary.json'), 'utf8')) : null;
}

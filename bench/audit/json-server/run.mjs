#!/usr/bin/env node
// faultline audit on an API it did not write: json-server 0.17.4 (Express + lowdb) serving a copy of
// bench/audit/json-server/db.json on 127.0.0.1 (a free port), described by the hand-written
// bench/audit/json-server/openapi.yaml. Prints the findings by cause and check and one line per
// finding (Markdown) for judging by hand; docs/benchmarks.md holds the judgement.
//
// Needs `npm ci --prefix bench/audit/json-server` once and a build (`npx tsc -p tsconfig.build.json`).
// json-server writes every change back to its db.json, so it runs on a copy in a temp dir; the copy
// as the audit left it, json-server's own log (stack traces included) and faultline's reports go to
// bench/audit/results/json-server-<timestamp>/.
//
// Usage: node bench/audit/json-server/run.mjs [--budget-requests 3000] [--seed 1] [--timeout 600]
import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditBenchDir, countBy, freePort, gitCommit, log, machineInfo, parseArgs, requireBuild, snapshotFaultline, timedNode, timestamp, waitForHttp } from '../harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv.slice(2), fileURLToPath(import.meta.url), fail);
const budgetRequests = positive(args['budget-requests'] ?? 3000, '--budget-requests');
const seed = positive(args.seed ?? 1, '--seed');
const timeoutS = positive(args.timeout ?? 600, '--timeout');
const jsonServerBin = join(here, 'node_modules', 'json-server', 'lib', 'cli', 'bin.js');
if (!existsSync(jsonServerBin)) fail('json-server is not installed: run `npm ci --prefix bench/audit/json-server`');
requireBuild(fail);
const jsonServerVersion = JSON.parse(readFileSync(join(here, 'node_modules', 'json-server', 'package.json'), 'utf8')).version;

const startedAt = new Date();
const outDir = join(auditBenchDir, 'results', `json-server-${timestamp(startedAt)}`);
mkdirSync(outDir, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'faultline-bench-json-server-'));
const home = snapshotFaultline(scratch);
const dataDir = join(scratch, 'data');
mkdirSync(dataDir);
copyFileSync(join(here, 'db.json'), join(dataDir, 'db.json'));

const port = await freePort();
const target = `http://127.0.0.1:${port}`;
const serverLog = createWriteStream(join(outDir, 'json-server.log'));
// cwd is the temp dir: json-server serves ./public from it when present (it is not) and writes snapshots there.
const server = spawn(process.execPath, [jsonServerBin, 'db.json', '--host', '127.0.0.1', '--port', String(port)], { cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] });
server.stdout.pipe(serverLog);
server.stderr.pipe(serverLog);
const serverExited = new Promise((resolveExit) => server.once('exit', resolveExit));

let timed;
try {
  await waitForHttp(`${target}/db`);
  log(`json-server ${jsonServerVersion} on ${target}; auditing with --budget-requests ${budgetRequests} --seed ${seed}`);
  const command = ['audit', '--spec', join(here, 'openapi.yaml'), '--target', target, '--budget-requests', String(budgetRequests), '--seed', String(seed), '--fail-on', 'none', '--format', 'json', '--out', outDir];
  timed = await timedNode([join(home, 'bin', 'faultline'), ...command], {
    cwd: scratch,
    timeoutS,
    stdoutFile: join(outDir, 'stdout.json'),
    stderrFile: join(outDir, 'stderr.txt'),
    timeFile: join(scratch, 'time.txt'),
  });
} finally {
  server.kill('SIGTERM');
  await Promise.race([serverExited, new Promise((r) => setTimeout(r, 5000))]);
  if (existsSync(join(dataDir, 'db.json'))) copyFileSync(join(dataDir, 'db.json'), join(outDir, 'db.after.json'));
  rmSync(scratch, { recursive: true, force: true });
}

const report = JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8'));
const summary = {
  startedAt: startedAt.toISOString(),
  machine: machineInfo(),
  gitCommit: gitCommit(),
  jsonServer: jsonServerVersion,
  config: { budgetRequests, seed, timeoutS },
  exitCode: timed.exitCode,
  wallS: timed.wallS,
  cpuS: timed.cpuS,
  maxRssKiB: timed.maxRssKiB,
  stats: report.stats,
  notes: report.notes,
  byCause: countBy(report.findings, (f) => f.cause),
  byCheck: countBy(report.findings, (f) => f.check),
};
writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`${markdown(summary, report.findings)}\n`);
log(`done; reports, json-server.log and db.after.json in ${outDir}`);

function markdown(s, findings) {
  const lines = [
    `json-server ${s.jsonServer}, faultline exit ${s.exitCode}, ${s.wallS} s wall, ${s.cpuS} s CPU, ${Math.round(s.maxRssKiB / 1024)} MB peak RSS, ${s.stats.requests} requests, ${s.stats.operationsCovered}/${s.stats.operations} operations, ${findings.length} findings`,
    ...s.notes.map((n) => `note: ${n}`),
    '',
    '| cause | findings |',
    '| --- | ---: |',
    ...Object.entries(s.byCause).map(([cause, n]) => `| ${cause} | ${n} |`),
    '',
    '| check | operation | status | severity | detail |',
    '| --- | --- | ---: | --- | --- |',
    ...[...findings]
      .sort((a, b) => a.check.localeCompare(b.check) || String(a.operation).localeCompare(String(b.operation)))
      .map((f) => `| ${f.check} | ${f.operation ?? '-'} | ${f.status ?? '-'} | ${f.severity} | ${oneLine(f.detail ?? f.title, 220)} |`),
  ];
  return lines.join('\n');
}

function oneLine(text, max) {
  const flat = String(text).replace(/\s+/g, ' ').replace(/\|/g, '\\|');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function positive(value, field) {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) fail(`${field} must be a positive whole number (got '${value}')`);
  return n;
}

function fail(message) {
  process.stderr.write(`bench/audit/json-server: ${message}\n`);
  process.exit(2);
}

#!/usr/bin/env node
// Audit benchmark: wall time, peak RSS and request rate of `faultline demo` (the bundled shop API
// started in-process, audited, reports written), then `faultline audit` against the same demo API
// running in its own process with a larger request budget (--budget-requests), to see the rate when
// the budget, not the API's list of operations, decides how much traffic there is.
//
// Every run is its own child process under /usr/bin/time (wall and CPU seconds, peak RSS of faultline; in the
// budget runs the demo API's memory is not counted, in `faultline demo` it is). Builds nothing: run
// `npx tsc -p tsconfig.build.json` first. A copy of the build taken at start is measured.
// Raw results go to bench/audit/results/<timestamp>.json, the Markdown table to stdout, progress to stderr.
//
// Usage: node bench/audit/run.mjs [--runs 5] [--budgets 3000,10000] [--budget-runs 1] [--timeout 600]
//        node bench/audit/run.mjs --from bench/audit/results/<timestamp>.json   (print the table of a saved run)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  auditBenchDir,
  countBy,
  faultlineVersion,
  gitCommit,
  log,
  machineInfo,
  median,
  parseArgs,
  requireBuild,
  snapshotFaultline,
  timedNode,
  timestamp,
} from './harness.mjs';

const args = parseArgs(process.argv.slice(2), fileURLToPath(import.meta.url), fail);
const runs = positive(args.runs ?? 5, '--runs');
const budgetRuns = positive(args['budget-runs'] ?? 1, '--budget-runs');
const budgets = String(args.budgets ?? '3000,10000').split(',').filter(Boolean).map((b) => positive(b, '--budgets'));
const timeoutS = positive(args.timeout ?? 600, '--timeout');
if (args.from !== undefined) {
  const saved = JSON.parse(readFileSync(args.from, 'utf8'));
  process.stdout.write(`${markdownTable(summarise(saved.runs))}\n`);
  process.exit(0);
}
requireBuild(fail);

const scratch = mkdtempSync(join(tmpdir(), 'faultline-bench-audit-'));
const home = snapshotFaultline(scratch);
const startedAt = new Date();
const resultsDir = join(auditBenchDir, 'results');
mkdirSync(resultsDir, { recursive: true });
const resultsFile = join(resultsDir, `${timestamp(startedAt)}.json`);
const results = {
  startedAt: startedAt.toISOString(),
  finishedAt: null,
  machine: machineInfo(),
  gitCommit: gitCommit(),
  faultline: faultlineVersion(),
  config: { runs, budgets, budgetRuns, timeoutS },
  runs: [],
  summary: [],
};
const save = () => writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
log(`audit bench: ${runs} demo runs, budget runs ${budgets.join(', ')} x${budgetRuns}; node ${process.version}, ${results.machine.cpus} cpus`);
log(`raw results -> ${resultsFile}`);

try {
  for (let round = 1; round <= runs; round++) {
    const out = join(scratch, `demo-${round}`);
    const run = await measure('demo', round, [join(home, 'bin', 'faultline'), 'demo', '--format', 'json', '--out', out]);
    record(run);
  }
  for (const budget of budgets) {
    for (let round = 1; round <= budgetRuns; round++) {
      const demo = await startDemoProcess();
      try {
        const config = join(scratch, `faultline-${budget}-${round}.yaml`);
        writeFileSync(config, demoConfig(demo));
        const out = join(scratch, `audit-${budget}-${round}`);
        const argv = [join(home, 'bin', 'faultline'), 'audit', '--config', config, '--budget-requests', String(budget), '--budget-time', '600s', '--seed', '1', '--fail-on', 'none', '--format', 'json', '--out', out];
        record(await measure(`audit --budget-requests ${budget}`, round, argv, budget));
      } finally {
        await demo.stop();
      }
    }
  }
} finally {
  results.summary = summarise(results.runs);
  results.finishedAt = new Date().toISOString();
  save();
  rmSync(scratch, { recursive: true, force: true });
}
process.stdout.write(`${markdownTable(results.summary)}\n`);
log(`done; raw results in ${resultsFile}`);

function record(run) {
  results.runs.push(run);
  save();
  const rate = run.requests !== null && run.wallS ? (run.requests / run.wallS).toFixed(0) : '?';
  log(`${run.name} #${run.round}: exit=${run.exitCode} ${run.wallS ?? '?'}s (cpu ${run.cpuS ?? '?'}s) ${run.maxRssKiB !== null ? Math.round(run.maxRssKiB / 1024) : '?'}MB requests=${run.requests ?? '?'} (${rate}/s) findings=${run.findings ?? '?'}`);
}

async function measure(name, round, argv, budget = null) {
  const base = join(scratch, `${name.replace(/\W+/g, '-')}-${round}`);
  const files = { stdoutFile: `${base}.out`, stderrFile: `${base}.err`, timeFile: `${base}.time` };
  const timed = await timedNode(argv, { cwd: scratch, timeoutS, ...files });
  const { stderrLines, ...measured } = timed;
  const stderr = stderrLines.map((l) => l.line).join('\n');
  const run = { name, round, budget, ...measured, loadAvg1: Math.round(loadavg()[0] * 100) / 100, requests: null, auditS: null, findings: null, operations: null, operationsCovered: null, phases: phaseTimes(stderrLines), notes: [], byCause: undefined, error: undefined };
  try {
    const report = JSON.parse(readFileSync(files.stdoutFile, 'utf8'));
    run.requests = report.stats.requests;
    run.auditS = report.stats.durationMs / 1000;
    run.findings = report.findings.length;
    run.operations = report.stats.operations;
    run.operationsCovered = report.stats.operationsCovered;
    run.notes = report.notes ?? [];
    if (round === 1) run.byCause = countBy(report.findings, (f) => f.cause);
  } catch (error) {
    run.error = `${stderr.slice(-2000)}\n(report unreadable: ${error.message})`;
  }
  return run;
}

/**
 * Requests and seconds per phase from the plain (non-TTY) progress lines on stderr
 * ("phase fuzz done: 702 requests, ..."); a phase starts when the one before it ends, the first
 * when the first line arrives (faultline has loaded and, for demo, started the API by then).
 */
function phaseTimes(stderrLines) {
  const phases = {};
  let previousMs = stderrLines[0]?.atMs ?? 0;
  for (const { atMs, line } of stderrLines) {
    const match = /phase (\S+) done: (\d+) requests/.exec(line);
    if (!match) continue;
    phases[match[1]] = { requests: Number(match[2]), seconds: (atMs - previousMs) / 1000 };
    previousMs = atMs;
  }
  return phases;
}

/** The demo shop API in its own process, so the audit's RSS and CPU are faultline's alone. */
async function startDemoProcess() {
  const shop = pathToFileURL(join(home, 'dist', 'demo', 'shop.js')).href;
  const tokens = pathToFileURL(join(home, 'dist', 'demo', 'tokens.js')).href;
  const script = `
    const { startDemoApi, demoSpecPath } = await import(${JSON.stringify(shop)});
    const { demoCredentials } = await import(${JSON.stringify(tokens)});
    const demo = await startDemoApi({});
    const stop = async () => { await demo.close(); process.exit(0); };
    process.on('SIGTERM', stop);
    process.stdin.on('end', stop);
    process.stdin.resume();
    // Never outlive the bench: a forgotten demo stops by itself after 20 minutes.
    setTimeout(stop, 20 * 60_000).unref();
    process.stdout.write(JSON.stringify({ url: demo.url, spec: demoSpecPath(), credentials: await demoCredentials() }) + '\\n');
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: home, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise((resolveLine, rejectLine) => {
    const timer = setTimeout(() => rejectLine(new Error('demo API did not start within 30 s')), 30_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolveLine(line);
    });
    child.once('exit', (code) => rejectLine(new Error(`demo API exited with ${code} before it started`)));
  });
  const started = JSON.parse(first);
  return {
    ...started,
    stop: () =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}

/** faultline.yaml for the running demo; JSON strings are valid YAML scalars, so tokens need no escaping. */
function demoConfig(demo) {
  const lines = [`spec: ${JSON.stringify(demo.spec)}`, `target: ${JSON.stringify(demo.url)}`, 'credentials:'];
  for (const credential of demo.credentials) {
    lines.push(`  - name: ${JSON.stringify(credential.name)}`);
    lines.push(`    headers: { Authorization: ${JSON.stringify(credential.headers.Authorization)} }`);
    lines.push(`    scopes: [${credential.scopes.map((s) => JSON.stringify(s)).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

function summarise(allRuns) {
  const names = [...new Set(allRuns.map((r) => r.name))];
  return names.map((name) => {
    const mine = allRuns.filter((r) => r.name === name);
    const ok = mine.filter((r) => r.exitCode === 0 && r.requests !== null);
    const walls = ok.map((r) => r.wallS);
    return {
      name,
      budget: mine[0].budget,
      runs: mine.length,
      ok: ok.length,
      medianWallS: median(walls),
      minWallS: walls.length ? Math.min(...walls) : null,
      maxWallS: walls.length ? Math.max(...walls) : null,
      medianCpuS: median(ok.map((r) => r.cpuS)),
      medianRssMB: median(ok.map((r) => r.maxRssKiB / 1024)),
      medianRequests: median(ok.map((r) => r.requests)),
      medianAuditS: median(ok.map((r) => r.auditS)),
      requestsPerWallS: median(ok.map((r) => r.requests / r.wallS)),
      requestsPerAuditS: median(ok.map((r) => r.requests / r.auditS)),
      // faultline's own cost per request; in `demo` the in-process demo API's CPU is counted too.
      requestsPerCpuS: median(ok.map((r) => r.requests / r.cpuS)),
      medianFindings: median(ok.map((r) => r.findings)),
      operations: ok[0] ? `${ok[0].operationsCovered}/${ok[0].operations}` : '-',
      phases: ok[0]?.phases ?? {},
      isBudgetSpent: ok.some((r) => r.notes.some((n) => /budget|stopped early/i.test(n))),
      medianLoadAvg1: median(mine.map((r) => r.loadAvg1)),
    };
  });
}

function markdownTable(rows) {
  const head = '| run | runs ok | median wall s (min / max) | median CPU s | median peak RSS MB | requests | audit s | requests/s (wall) | requests/s (audit) | requests per CPU s | findings | operations covered | budget spent | load avg (1 min) |';
  const rule = '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |';
  const fixed = (v, digits) => (v === null ? '-' : v.toFixed(digits));
  const lines = rows.map((r) =>
    [
      `\`faultline ${r.name}\``,
      `${r.ok}/${r.runs}`,
      `${fixed(r.medianWallS, 2)} (${fixed(r.minWallS, 2)} / ${fixed(r.maxWallS, 2)})`,
      fixed(r.medianCpuS, 2),
      fixed(r.medianRssMB, 0),
      fixed(r.medianRequests, 0),
      fixed(r.medianAuditS, 1),
      fixed(r.requestsPerWallS, 0),
      fixed(r.requestsPerAuditS, 0),
      fixed(r.requestsPerCpuS, 0),
      fixed(r.medianFindings, 0),
      r.operations,
      r.budget === null ? '-' : r.isBudgetSpent ? 'yes' : 'no',
      fixed(r.medianLoadAvg1, 1),
    ].join(' | '),
  );
  const phases = rows.map((r) => `- ${r.name}: ${Object.entries(r.phases).map(([phase, p]) => `${phase} ${p.requests} in ${p.seconds.toFixed(1)} s`).join(', ')}`);
  return [head, rule, ...lines.map((l) => `| ${l} |`), '', 'Requests and seconds by phase (first run; times from when each progress line arrived):', ...phases].join('\n');
}

function positive(value, field) {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) fail(`${field} must be a positive whole number (got '${value}')`);
  return n;
}

function fail(message) {
  process.stderr.write(`bench/audit: ${message}\n`);
  process.exit(2);
}

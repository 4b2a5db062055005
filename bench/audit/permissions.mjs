#!/usr/bin/env node
// Permission audit benchmark: `faultline audit --only permissions` (the matrix, with only the examples
// and reach phases it needs) beside the full `faultline audit`, both against the bundled demo API, to
// show what a nightly permission job costs next to a whole audit.
//
// Every run starts the demo API afresh in its own process (so neither audit inherits the other's
// products, orders or rate-limit state) and runs faultline under /usr/bin/time: wall and CPU seconds
// and peak RSS are faultline's alone. The two audits alternate run by run (permissions, full,
// permissions, full, ...) so that noise on a shared machine hits both alike. Builds nothing: run
// `npx tsc -p tsconfig.build.json` first; a copy of the build taken at start is measured.
// Raw results go to bench/audit/results/permissions-<timestamp>.json, the Markdown table to stdout.
//
// Usage: node bench/audit/permissions.mjs [--runs 5] [--timeout 600]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { auditBenchDir, faultlineVersion, fixed, gitCommit, gitDirtyFiles, log, machineInfo, median, parseArgs, positiveInteger, requireBuild, snapshotFaultline, timedNode, timestamp } from './harness.mjs';

const args = parseArgs(process.argv.slice(2), fileURLToPath(import.meta.url), fail);
const runs = positive(args.runs ?? 5, '--runs');
const timeoutS = positive(args.timeout ?? 600, '--timeout');
requireBuild(fail);

const audits = [
  { name: 'audit --only permissions', extra: ['--only', 'permissions'] },
  { name: 'audit', extra: [] },
];
const scratch = mkdtempSync(join(tmpdir(), 'faultline-bench-permissions-'));
const home = snapshotFaultline(scratch);
const startedAt = new Date();
const resultsDir = join(auditBenchDir, 'results');
mkdirSync(resultsDir, { recursive: true });
const resultsFile = join(resultsDir, `permissions-${timestamp(startedAt)}.json`);
const results = {
  startedAt: startedAt.toISOString(),
  finishedAt: null,
  machine: machineInfo(),
  gitCommit: gitCommit(),
  dirtyFiles: gitDirtyFiles(),
  faultline: faultlineVersion(),
  config: { runs, timeoutS },
  runs: [],
  summary: [],
};
const save = () => writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
log(`permission audit bench: ${runs} rounds of ${audits.map((a) => a.name).join(' and ')}; raw results -> ${resultsFile}`);

try {
  for (let round = 1; round <= runs; round++) {
    for (const audit of audits) {
      const demo = await startDemo();
      let run;
      try {
        const config = join(scratch, 'faultline.yaml');
        writeFileSync(config, demoConfig(demo));
        const base = join(scratch, `${audit.name.replace(/\W+/g, '-')}-${round}`);
        const argv = [join(home, 'bin', 'faultline'), 'audit', '--config', config, ...audit.extra, '--seed', '1', '--fail-on', 'none', '--format', 'json', '--out', base];
        const { stderrLines: _lines, ...measured } = await timedNode(argv, { cwd: scratch, timeoutS, stdoutFile: `${base}.json`, stderrFile: `${base}.err`, timeFile: `${base}.time` });
        run = { name: audit.name, round, ...measured, loadAvg1: Math.round(loadavg()[0] * 100) / 100, ...fromReport(`${base}.json`) };
      } finally {
        await demo.stop();
      }
      results.runs.push(run);
      save();
      log(`${run.name} #${round}: exit=${run.exitCode} ${run.wallS ?? '?'}s (cpu ${run.cpuS ?? '?'}s) requests=${run.requests ?? '?'} findings=${run.findings ?? '?'} violations=${run.violationCells ?? '?'} untested=${run.untestedCells ?? '?'}`);
    }
  }
} finally {
  results.summary = summarise(results.runs);
  results.finishedAt = new Date().toISOString();
  save();
  rmSync(scratch, { recursive: true, force: true });
}
process.stdout.write(`${markdownTable(results.summary)}\n`);

/** What the report says: traffic, findings, and the matrix's violation and untested cells. */
function fromReport(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const cells = (report.permissionMatrix?.rows ?? []).flatMap((row) => Object.values(row.cells));
    return {
      requests: report.stats.requests,
      auditS: report.stats.durationMs / 1000,
      findings: report.findings.length,
      permissionFindings: report.findings.filter((f) => f.cause === 'permissions').length,
      cells: cells.length,
      violationCells: cells.filter((c) => c.verdict === 'violation').length,
      untestedCells: cells.filter((c) => c.verdict === 'untested').length,
    };
  } catch (error) {
    return { error: `report unreadable: ${error.message}` };
  }
}

/** The demo shop API in a process of its own, with the three roles' tokens for the config. */
async function startDemo() {
  const shop = pathToFileURL(join(home, 'dist', 'demo', 'shop.js')).href;
  const tokens = pathToFileURL(join(home, 'dist', 'demo', 'tokens.js')).href;
  const script = `
    const { startDemoApi, demoSpecPath } = await import(${JSON.stringify(shop)});
    const { demoCredentials } = await import(${JSON.stringify(tokens)});
    const demo = await startDemoApi({});
    process.on('SIGTERM', async () => { await demo.close(); process.exit(0); });
    // Never outlive the bench.
    setTimeout(() => process.exit(0), 20 * 60_000).unref();
    process.stdout.write(JSON.stringify({ url: demo.url, spec: demoSpecPath(), credentials: await demoCredentials() }) + '\\n');
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: home, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise((resolveLine, rejectLine) => {
    const timer = setTimeout(() => rejectLine(new Error('demo API did not start within 30 s')), 30_000);
    createInterface({ input: child.stdout }).once('line', (first) => {
      clearTimeout(timer);
      resolveLine(first);
    });
    child.once('exit', (code) => rejectLine(new Error(`demo API exited with ${code} before it started`)));
  });
  const stop = () => new Promise((resolveStop) => (child.exitCode !== null ? resolveStop() : (child.once('exit', resolveStop), child.kill('SIGTERM'))));
  return { ...JSON.parse(line), stop };
}

/** One credential per role, each with the scopes its token carries: what makes the matrix mean something. */
function demoConfig(demo) {
  const roles = demo.credentials.map((c) => `  - { name: ${JSON.stringify(c.name)}, headers: { Authorization: ${JSON.stringify(c.headers.Authorization)} }, scopes: ${JSON.stringify(c.scopes)} }`);
  return [`spec: ${JSON.stringify(demo.spec)}`, `target: ${JSON.stringify(demo.url)}`, 'credentials:', ...roles, ''].join('\n');
}

function summarise(allRuns) {
  return audits.map(({ name }) => {
    const ok = allRuns.filter((r) => r.name === name && r.exitCode === 0 && typeof r.requests === 'number');
    const walls = ok.map((r) => r.wallS);
    return {
      name,
      runs: allRuns.filter((r) => r.name === name).length,
      ok: ok.length,
      medianWallS: median(walls),
      minWallS: walls.length ? Math.min(...walls) : null,
      maxWallS: walls.length ? Math.max(...walls) : null,
      medianCpuS: median(ok.map((r) => r.cpuS)),
      medianRssMB: median(ok.map((r) => r.maxRssKiB / 1024)),
      medianRequests: median(ok.map((r) => r.requests)),
      medianAuditS: median(ok.map((r) => r.auditS)),
      medianFindings: median(ok.map((r) => r.findings)),
      medianPermissionFindings: median(ok.map((r) => r.permissionFindings)),
      medianViolationCells: median(ok.map((r) => r.violationCells)),
      medianUntestedCells: median(ok.map((r) => r.untestedCells)),
      cells: ok[0]?.cells ?? null,
      medianLoadAvg1: median(ok.map((r) => r.loadAvg1)),
    };
  });
}

function markdownTable(rows) {
  const head = '| run | runs ok | median wall s (min / max) | median CPU s | median peak RSS MB | requests | audit s | findings (permissions) | matrix cells: violation / untested of all | load avg (1 min) |';
  const rule = '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const lines = rows.map((r) => `| \`faultline ${r.name}\` | ${r.ok}/${r.runs} | ${fixed(r.medianWallS, 2)} (${fixed(r.minWallS, 2)} / ${fixed(r.maxWallS, 2)}) | ${fixed(r.medianCpuS, 2)} | ${fixed(r.medianRssMB, 0)} | ${fixed(r.medianRequests, 0)} | ${fixed(r.medianAuditS, 2)} | ${fixed(r.medianFindings, 0)} (${fixed(r.medianPermissionFindings, 0)}) | ${fixed(r.medianViolationCells, 0)} / ${fixed(r.medianUntestedCells, 0)} of ${r.cells ?? '-'} | ${fixed(r.medianLoadAvg1, 1)} |`);
  const [only, full] = rows;
  const ratio = (key) => (only?.[key] && full?.[key] ? `${(only[key] / full[key]).toFixed(2)}x` : '-');
  const ratios = `--only permissions / full audit: wall ${ratio('medianWallS')}, CPU ${ratio('medianCpuS')}, requests ${ratio('medianRequests')}`;
  return [head, rule, ...lines, '', ratios].join('\n');
}

function positive(value, field) {
  return positiveInteger(value, field, fail);
}

function fail(message) {
  process.stderr.write(`bench/audit/permissions: ${message}\n`);
  process.exit(2);
}

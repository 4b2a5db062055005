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
// --compare <dir> measures a second built checkout (its bin/ and dist/, e.g. a git worktree of an older
// commit) side by side with this one, interleaved run by run (this, other, this, other, ...) so that
// noise on a shared machine hits both alike, and prints medians with this/other ratios. Both audit the
// same demo API (this checkout's), started afresh for every run.
//
// Operations reached are counted twice: from the report (stats.operationsReached; builds before it had
// stats.operationsCovered, which counts every operation that answered anything, 404 and 500 included),
// and by the demo API itself, which records every response it sends (a small --import hook in the
// process that serves it: faultline's own in `demo`, the separate demo process otherwise) and counts the
// operations that answered at least one request with a 2xx (or a documented 3xx). The second figure is
// the same for any build, so it is the one the rates and ratios use.
//
// Usage: node bench/audit/run.mjs [--runs 5] [--budgets 3000,10000] [--budget-runs 1] [--timeout 600] [--compare <dir>]
//        node bench/audit/run.mjs --from bench/audit/results/<timestamp>.json   (print the table of a saved run)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { auditBenchDir, countBy, faultlineVersion, fixed, gitCommit, gitDirtyFiles, log, machineInfo, median, parseArgs, positiveInteger, repoRoot, requireBuild, snapshotFaultline, timedNode, timestamp } from './harness.mjs';

const args = parseArgs(process.argv.slice(2), fileURLToPath(import.meta.url), fail);
const runs = positive(args.runs ?? 5, '--runs');
const budgetRuns = positive(args['budget-runs'] ?? 1, '--budget-runs');
const budgets = String(args.budgets ?? '3000,10000').split(',').filter(Boolean).map((b) => positive(b, '--budgets'));
const timeoutS = positive(args.timeout ?? 600, '--timeout');
if (args.from !== undefined) {
  const saved = JSON.parse(readFileSync(args.from, 'utf8'));
  const summary = summarise(saved.runs);
  process.stdout.write(`${saved.config.compare ? compareTable(summary, saved.builds) : markdownTable(summary)}\n`);
  process.exit(0);
}
requireBuild(fail);
const compareDir = args.compare === undefined ? null : resolve(args.compare);
if (compareDir !== null && (!existsSync(join(compareDir, 'bin', 'faultline')) || !existsSync(join(compareDir, 'dist', 'src', 'cli', 'main.js')) || !existsSync(join(compareDir, 'dist', 'demo', 'shop.js')))) {
  fail(`--compare ${compareDir}: no built faultline there (bin/faultline, dist/src/cli/main.js, dist/demo/shop.js); run \`npx tsc -p tsconfig.build.json\` in it first`);
}

const scratch = mkdtempSync(join(tmpdir(), 'faultline-bench-audit-'));
const builds = [{ label: 'this', root: repoRoot, name: 'faultline' }, ...(compareDir === null ? [] : [{ label: 'other', root: compareDir, name: 'faultline-other' }])].map((build) => ({
  ...build,
  home: snapshotFaultline(scratch, { source: build.root, name: build.name }),
  commit: gitCommit(build.root),
  dirtyFiles: gitDirtyFiles(build.root),
  version: faultlineVersion(build.root),
}));
const home = builds[0].home;
const operations = specOperations(join(home, 'demo', 'openapi.yaml'));
const responseHook = writeResponseHook(scratch);
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
  builds: builds.map(({ label, root, commit, dirtyFiles, version }) => ({ label, root, commit, dirtyFiles, version })),
  config: { runs, budgets, budgetRuns, timeoutS, compare: compareDir },
  runs: [],
  summary: [],
};
const save = () => writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
log(`audit bench: ${runs} demo runs, budget runs ${budgets.join(', ')} x${budgetRuns}; node ${process.version}, ${results.machine.cpus} cpus`);
for (const build of builds) log(`${build.label}: ${build.root} at ${build.commit}${build.dirtyFiles.length ? ` with ${build.dirtyFiles.length} changed files under src/, demo/, bin/` : ''}`);
log(`raw results -> ${resultsFile}`);

try {
  for (let round = 1; round <= runs; round++) {
    for (const build of builds) {
      const out = join(scratch, `demo-${build.label}-${round}`);
      const responsesFile = join(scratch, `demo-${build.label}-${round}.responses.json`);
      const argv = ['--import', responseHook, join(build.home, 'bin', 'faultline'), 'demo', '--format', 'json', '--out', out];
      record(await measure('demo', round, build, argv, { responsesFile, env: { FAULTLINE_BENCH_RESPONSES: responsesFile } }));
    }
  }
  for (const budget of budgets) {
    for (let round = 1; round <= budgetRuns; round++) {
      for (const build of builds) {
        const responsesFile = join(scratch, `audit-${budget}-${build.label}-${round}.responses.json`);
        const demo = await startDemoProcess(responsesFile);
        const name = `audit --budget-requests ${budget}`;
        let run;
        try {
          const config = join(scratch, `faultline-${budget}-${build.label}-${round}.yaml`);
          writeFileSync(config, demoConfig(demo));
          const out = join(scratch, `audit-${budget}-${build.label}-${round}`);
          const argv = [join(build.home, 'bin', 'faultline'), 'audit', '--config', config, '--budget-requests', String(budget), '--budget-time', '600s', '--seed', '1', '--fail-on', 'none', '--format', 'json', '--out', out];
          run = await measure(name, round, build, argv, { budget, apiPort: Number(new URL(demo.url).port) });
        } finally {
          await demo.stop();
        }
        // The demo process writes what it answered as it exits.
        Object.assign(run, answeredBy(responsesFile, run.apiPort));
        record(run);
      }
    }
  }
} finally {
  results.summary = summarise(results.runs);
  results.finishedAt = new Date().toISOString();
  save();
  rmSync(scratch, { recursive: true, force: true });
}
process.stdout.write(`${compareDir === null ? markdownTable(results.summary) : compareTable(results.summary, results.builds)}\n`);
log(`done; raw results in ${resultsFile}`);

function record(run) {
  results.runs.push(run);
  save();
  const rate = run.requests !== null && run.wallS ? (run.requests / run.wallS).toFixed(0) : '?';
  const reached = run.operationsReached ?? (run.operationsCovered !== null ? `${run.operationsCovered} answered` : '?');
  log(`${run.name} [${run.build}] #${run.round}: exit=${run.exitCode} ${run.wallS ?? '?'}s (cpu ${run.cpuS ?? '?'}s) ${run.maxRssKiB !== null ? Math.round(run.maxRssKiB / 1024) : '?'}MB requests=${run.requests ?? '?'} (${rate}/s) findings=${run.findings ?? '?'} reached=${reached} (API saw ${run.operationsAnswered2xx ?? '?'} answer 2xx)`);
}

async function measure(name, round, build, argv, { budget = null, responsesFile = null, apiPort = null, env = {} } = {}) {
  const base = join(scratch, `${name.replace(/\W+/g, '-')}-${build.label}-${round}`);
  const files = { stdoutFile: `${base}.out`, stderrFile: `${base}.err`, timeFile: `${base}.time` };
  const timed = await timedNode(argv, { cwd: scratch, timeoutS, env, ...files });
  const { stderrLines, ...measured } = timed;
  const stderr = stderrLines.map((l) => l.line).join('\n');
  const run = {
    name,
    round,
    build: build.label,
    commit: build.commit,
    budget,
    ...measured,
    loadAvg1: Math.round(loadavg()[0] * 100) / 100,
    requests: null,
    auditS: null,
    findings: null,
    operations: null,
    operationsReached: null,
    operationsCovered: null,
    apiPort,
    apiResponses: null,
    operationsAnswered: null,
    operationsAnswered2xx: null,
    phases: phaseTimes(stderrLines),
    notes: [],
    byCause: undefined,
    error: undefined,
  };
  try {
    const report = JSON.parse(readFileSync(files.stdoutFile, 'utf8'));
    run.requests = report.stats.requests;
    run.auditS = report.stats.durationMs / 1000;
    run.findings = report.findings.length;
    run.operations = report.stats.operations;
    // Reports since the coverage work say which operations a valid request reached with a 2xx; older
    // ones only counted operations that answered anything (operationsCovered).
    run.operationsReached = report.stats.operationsReached ?? null;
    run.operationsCovered = report.stats.operationsCovered ?? null;
    run.notes = report.notes ?? [];
    if (round === 1) run.byCause = countBy(report.findings, (f) => f.cause);
  } catch (error) {
    run.error = `${stderr.slice(-2000)}\n(report unreadable: ${error.message})`;
  }
  if (responsesFile !== null) {
    // `faultline demo` starts the shop on a port of its own choosing and says which.
    const port = /demo shop API listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr)?.[1];
    run.apiPort = port === undefined ? null : Number(port);
    Object.assign(run, answeredBy(responsesFile, run.apiPort));
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

/**
 * An --import hook for the process that serves the demo API: it tallies every response any node:http
 * server there sends, by local port, method, path and status, and writes the tally to
 * $FAULTLINE_BENCH_RESPONSES on exit. A counter per response is all it adds to the process measured.
 */
function writeResponseHook(dir) {
  const file = join(dir, 'count-responses.mjs');
  writeFileSync(
    file,
    `import http from 'node:http';
import { writeFileSync } from 'node:fs';
const file = process.env.FAULTLINE_BENCH_RESPONSES;
if (file) {
  const seen = new Map();
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, request, response) {
    if (event === 'request') {
      const key = request.socket?.localPort + ' ' + request.method + ' ' + String(request.url).split('?')[0];
      response.once('finish', () => {
        let statuses = seen.get(key);
        if (!statuses) seen.set(key, (statuses = {}));
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
      });
    }
    return emit.apply(this, arguments);
  };
  process.on('exit', () => writeFileSync(file, JSON.stringify(Object.fromEntries(seen))));
}
`,
  );
  return pathToFileURL(file).href;
}

/** The spec's operations as path patterns, literal paths first so /products/search is not /products/{id}. */
function specOperations(specFile) {
  const spec = parseYaml(readFileSync(specFile, 'utf8'));
  const basePath = new URL(spec.servers?.[0]?.url ?? 'http://localhost/').pathname.replace(/\/$/, '');
  const escape = (text) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const found = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']) {
      if (!item?.[method]) continue;
      const parameters = (path.match(/\{[^}]+\}/g) ?? []).length;
      const pattern = new RegExp(`^${escape(basePath)}${path.split(/\{[^}]+\}/).map(escape).join('[^/]+')}$`);
      const documented3xx = Object.keys(item[method].responses ?? {}).filter((status) => /^3/.test(status)).map((s) => s.toUpperCase());
      found.push({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), pattern, parameters, documented3xx });
    }
  }
  return found.sort((a, b) => a.parameters - b.parameters);
}

/**
 * What the demo API answered, from the hook's tally: how many responses it sent, how many of the spec's
 * operations answered anything, and how many answered a 2xx (or a 3xx the spec documents for them),
 * the rule faultline's own coverage uses, here applied to every request rather than valid ones only.
 */
function answeredBy(responsesFile, port) {
  const none = { apiResponses: null, operationsAnswered: null, operationsAnswered2xx: null, unansweredOperations: null };
  if (port === null || !existsSync(responsesFile)) return none;
  const tally = JSON.parse(readFileSync(responsesFile, 'utf8'));
  const answered = new Set();
  const succeeded = new Set();
  let apiResponses = 0;
  for (const [key, statuses] of Object.entries(tally)) {
    const [entryPort, method, path] = key.split(' ');
    if (Number(entryPort) !== port) continue;
    for (const count of Object.values(statuses)) apiResponses += count;
    const operation = operations.find((o) => o.method === method && o.pattern.test(path));
    if (!operation) continue;
    answered.add(operation.key);
    const isSuccess = Object.keys(statuses).some((status) => (status >= 200 && status < 300) || operation.documented3xx.includes(status) || (status >= 300 && status < 400 && operation.documented3xx.includes('3XX')));
    if (isSuccess) succeeded.add(operation.key);
  }
  return {
    apiResponses,
    operationsAnswered: answered.size,
    operationsAnswered2xx: succeeded.size,
    unansweredOperations: operations.filter((o) => !succeeded.has(o.key)).map((o) => o.key),
  };
}

/** The demo shop API in its own process, so the audit's RSS and CPU are faultline's alone. */
async function startDemoProcess(responsesFile) {
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
  const child = spawn(process.execPath, ['--import', responseHook, '--input-type=module', '-e', script], {
    cwd: home,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, FAULTLINE_BENCH_RESPONSES: responsesFile },
  });
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
  const groups = [...new Set(allRuns.map((r) => `${r.name}\u0000${r.build ?? 'this'}`))];
  return groups.map((group) => {
    const [name, build] = group.split('\u0000');
    const mine = allRuns.filter((r) => r.name === name && (r.build ?? 'this') === build);
    const ok = mine.filter((r) => r.exitCode === 0 && r.requests !== null);
    const walls = ok.map((r) => r.wallS);
    const reachedOf = (r) => r.operationsAnswered2xx ?? null;
    return {
      name,
      build,
      commit: mine[0].commit ?? null,
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
      cpuMsPerRequest: median(ok.map((r) => (1000 * r.cpuS) / r.requests)),
      medianFindings: median(ok.map((r) => r.findings)),
      operations: ok[0] ? `${ok[0].operationsReached ?? ok[0].operationsCovered}/${ok[0].operations}` : '-',
      medianOperations: median(ok.map((r) => r.operations)),
      medianOperationsReached: median(ok.map((r) => r.operationsReached)),
      medianOperationsCovered: median(ok.map((r) => r.operationsCovered)),
      medianOperationsAnswered: median(ok.map((r) => r.operationsAnswered)),
      medianOperationsAnswered2xx: median(ok.map(reachedOf)),
      reachedPerWallS: median(ok.filter((r) => reachedOf(r) !== null).map((r) => reachedOf(r) / r.wallS)),
      reachedPerCpuS: median(ok.filter((r) => reachedOf(r) !== null).map((r) => reachedOf(r) / r.cpuS)),
      unansweredOperations: ok[0]?.unansweredOperations ?? null,
      // Runs are interleaved, so run n of this build and run n of the other shared the machine's mood.
      pairedCpuPerRequestRatios: build === 'this' ? pairedRatios(allRuns, name) : undefined,
      phases: ok[0]?.phases ?? {},
      isBudgetSpent: ok.some((r) => r.notes.some((n) => /budget|stopped early/i.test(n))),
      medianLoadAvg1: median(mine.map((r) => r.loadAvg1)),
    };
  });
}

function markdownTable(rows) {
  const head = '| run | runs ok | median wall s (min / max) | median CPU s | median peak RSS MB | requests | audit s | requests/s (wall) | requests/s (audit) | requests per CPU s | findings | operations reached | budget spent | load avg (1 min) |';
  const rule = '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |';
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
  return [head, rule, ...lines.map((l) => `| ${l} |`), '', ...phaseLines(rows)].join('\n');
}

/** One row per run and build, then a row of this/other ratios of the medians (above 1: this build is higher). */
function compareTable(rows, builds) {
  const head =
    '| run | build | runs ok | wall s (min / max) | CPU s | peak RSS MB | requests | requests per CPU s | CPU ms per request | operations reached (report) | operations answering 2xx (seen by the API) | reached per wall s | reached per CPU s | findings | load avg (1 min) |';
  const rule = '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const reportReached = (r) => (r.medianOperationsReached !== null ? `${fixed(r.medianOperationsReached, 0)} of ${fixed(r.medianOperations, 0)}` : r.medianOperationsCovered !== null ? `(${fixed(r.medianOperationsCovered, 0)} answered anything)` : '-');
  const describe = (r) => `${r.build} (${r.commit ?? '?'})`;
  const lines = [];
  for (const name of [...new Set(rows.map((r) => r.name))]) {
    const mine = rows.filter((r) => r.name === name);
    for (const r of mine) {
      lines.push([`\`faultline ${r.name}\``, describe(r), `${r.ok}/${r.runs}`, `${fixed(r.medianWallS, 2)} (${fixed(r.minWallS, 2)} / ${fixed(r.maxWallS, 2)})`, fixed(r.medianCpuS, 2), fixed(r.medianRssMB, 0), fixed(r.medianRequests, 0), fixed(r.requestsPerCpuS, 0), fixed(r.cpuMsPerRequest, 2), reportReached(r), fixed(r.medianOperationsAnswered2xx, 0), fixed(r.reachedPerWallS, 2), fixed(r.reachedPerCpuS, 1), fixed(r.medianFindings, 0), fixed(r.medianLoadAvg1, 1)]);
    }
    const [a, b] = [mine.find((r) => r.build === 'this'), mine.find((r) => r.build === 'other')];
    if (a && b) {
      const ratio = (key) => (a[key] !== null && b[key] ? `${(a[key] / b[key]).toFixed(2)}x` : '-');
      lines.push(['', '**this / other**', '', ratio('medianWallS'), ratio('medianCpuS'), ratio('medianRssMB'), ratio('medianRequests'), ratio('requestsPerCpuS'), ratio('cpuMsPerRequest'), '', ratio('medianOperationsAnswered2xx'), ratio('reachedPerWallS'), ratio('reachedPerCpuS'), ratio('medianFindings'), '']);
    }
  }
  const legend = (builds ?? []).map((b) => `- ${b.label}: ${b.root} at ${b.commit}${b.dirtyFiles?.length ? ` plus uncommitted changes to ${b.dirtyFiles.join(', ')}` : ''}`);
  const perRequest = [...new Set(rows.map((r) => r.name))].flatMap((name) => {
    const [a, b] = [rows.find((r) => r.name === name && r.build === 'this'), rows.find((r) => r.name === name && r.build === 'other')];
    if (!a?.cpuMsPerRequest || !b?.cpuMsPerRequest) return [];
    const slower = a.cpuMsPerRequest / b.cpuMsPerRequest;
    const verdict = (ratio) => `${ratio.toFixed(2)}x, ${ratio <= 1.5 ? 'within' : 'over'} the 1.5x limit`;
    const paired = a.pairedCpuPerRequestRatios ?? [];
    const pairedText = paired.length ? `; run by run (this #n / other #n) ${paired.map((ratio) => ratio.toFixed(2)).join(', ')}, median ${verdict(median(paired))}` : '';
    return [`- ${name}: CPU per request this / other: ratio of the medians ${verdict(slower)}${pairedText}`];
  });
  const unanswered = rows.filter((r) => r.unansweredOperations?.length).map((r) => `- ${r.name} [${r.build}], first run: no 2xx from ${r.unansweredOperations.join(', ')}`);
  return [...legend, '', head, rule, ...lines.map((l) => `| ${l.join(' | ')} |`), '', ...perRequest, '', ...unanswered, '', ...phaseLines(rows)].join('\n');
}

function phaseLines(rows) {
  return [
    'Requests and seconds by phase (first run; times from when each progress line arrived):',
    ...rows.map((r) => `- ${r.name}${rows.some((o) => o.build === 'other') ? ` [${r.build}]` : ''}: ${Object.entries(r.phases).map(([phase, p]) => `${phase} ${p.requests} in ${p.seconds.toFixed(1)} s`).join(', ')}`),
  ];
}

/** CPU per request of this build's run n over the other build's run n, for every round both finished. */
function pairedRatios(allRuns, name) {
  const usable = (r) => r.name === name && r.exitCode === 0 && r.requests && r.cpuS;
  const others = new Map(allRuns.filter((r) => usable(r) && r.build === 'other').map((r) => [r.round, r]));
  return allRuns
    .filter((r) => usable(r) && (r.build ?? 'this') === 'this' && others.has(r.round))
    .map((r) => r.cpuS / r.requests / (others.get(r.round).cpuS / others.get(r.round).requests));
}

function positive(value, field) {
  return positiveInteger(value, field, fail);
}

function fail(message) {
  process.stderr.write(`bench/audit: ${message}\n`);
  process.exit(2);
}

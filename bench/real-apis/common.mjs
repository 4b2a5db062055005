// Shared by the bench/real-apis/<name>/run.mjs scripts: which faultline build to run, a recording
// proxy that sees every request faultline sends (the coverage table is computed from it, so it is the
// same measure whichever build runs), the temporary faultline.yaml, the audit itself, and the summary.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countBy, log, machineInfo, parseArgs, repoRoot, snapshotFaultline, timedNode, timestamp } from '../audit/harness.mjs';

export const realApisDir = dirname(new URL(import.meta.url).pathname);
const { parse: parseYaml, stringify: toYaml } = createRequire(join(repoRoot, 'package.json'))('yaml');

/**
 * What every <name>/run.mjs starts with: its flags (--faultline, --budget-requests, --seed, --timeout),
 * the check that the API is installed, the results folder, a scratch dir and the faultline to run.
 */
export function startRun(name, scriptUrl, { installed, version }) {
  const fail = (message) => {
    process.stderr.write(`bench/real-apis/${name}: ${message}\n`);
    process.exit(2);
  };
  const args = parseArgs(process.argv.slice(2), fileURLToPath(scriptUrl), fail);
  const run = {
    name,
    fail,
    args,
    budgetRequests: positive(args['budget-requests'] ?? 3000, '--budget-requests', fail),
    seed: positive(args.seed ?? 1, '--seed', fail),
    timeoutS: positive(args.timeout ?? 600, '--timeout', fail),
  };
  if (!existsSync(installed)) fail(`the API is not installed: run \`npm ci --prefix bench/real-apis/${name}\``);
  run.version = JSON.parse(readFileSync(version, 'utf8')).version;
  run.startedAt = new Date();
  run.outDir = resultsDir(name, run.startedAt);
  run.scratch = mkdtempSync(join(tmpdir(), `faultline-real-${name}-`));
  run.faultline = chooseFaultline(args.faultline, run.scratch, fail);
  return run;
}

/** Audits with the config written at configFile (a copy goes to the results). */
export async function audit(run, configFile) {
  copyFileSync(configFile, join(run.outDir, 'faultline.yaml'));
  return runAudit({ faultline: run.faultline, configFile, outDir: run.outDir, scratch: run.scratch, budgetRequests: run.budgetRequests, seed: run.seed, timeoutS: run.timeoutS });
}

/** Reads the report, computes coverage from the proxy's records, writes summary.json, prints Markdown. */
export function finishRun(run, { title, spec, records, timed, extra }) {
  const report = JSON.parse(readFileSync(join(run.outDir, 'report.json'), 'utf8'));
  const coverage = coverageFrom(spec, records);
  const { markdown } = summarise({ name: title, version: run.version, startedAt: run.startedAt, faultline: run.faultline, timed, report, coverage, budgetRequests: run.budgetRequests, seed: run.seed, outDir: run.outDir, extra });
  process.stdout.write(`${markdown}\n`);
  log(`done; results in ${run.outDir}`);
}

/**
 * `--faultline PATH` runs that bin/faultline as it is (a frozen worktree such as /work/before);
 * without it, a copy of this repo's build taken now, because other people rebuild dist/ meanwhile.
 */
export function chooseFaultline(flag, scratch, fail) {
  if (flag) {
    const bin = resolve(flag);
    if (!existsSync(bin)) fail(`--faultline ${flag}: no such file`);
    return { bin, commit: commitOf(dirname(dirname(bin))) };
  }
  if (!existsSync(join(repoRoot, 'dist', 'src', 'cli', 'main.js'))) fail('faultline is not built: run `npx tsc -p tsconfig.build.json` in the repo root, or pass --faultline PATH');
  const home = snapshotFaultline(scratch);
  return { bin: join(home, 'bin', 'faultline'), commit: commitOf(repoRoot) };
}

function commitOf(dir) {
  const head = spawnSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || 'unknown';
  const dirty = spawnSync('git', ['-C', dir, 'status', '--porcelain', '--untracked-files=no', 'src'], { encoding: 'utf8' }).stdout.trim();
  return dirty ? `${head}+changes` : head;
}

export function resultsDir(name, startedAt) {
  const dir = join(realApisDir, 'results', `${name}-${timestamp(startedAt)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Starts `node argv` in cwd with its output in logFile; resolves to a stop() that waits for the exit. */
export function startServer(argv, { cwd, logFile, env }) {
  const serverLog = createWriteStream(logFile);
  const child = spawn(process.execPath, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  child.stdout.pipe(serverLog);
  child.stderr.pipe(serverLog);
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  return async function stop() {
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
}

/** One JSON request to the API under test (the bench's own set-up traffic, not counted as faultline's). */
export async function api(target, method, path, { body, token } = {}) {
  const response = await fetch(`${target}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`);
  return json;
}

/**
 * A transparent HTTP proxy on 127.0.0.1 in front of the API: faultline audits the proxy, the proxy
 * writes one line per exchange (method, path, status, milliseconds, which role's credential). Headers
 * and bodies pass unchanged; only hop-by-hop headers are the proxy's own; when the API cannot be reached
 * the client's connection is closed, as the API's would be.
 */
export async function startRecordingProxy(upstream, { roleOfAuthorization, logFile }) {
  const upstreamUrl = new URL(upstream);
  const records = [];
  const out = createWriteStream(logFile);
  const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade']);
  const server = createServer((req, res) => {
    const startedMs = performance.now();
    const headers = { ...req.headers, host: upstreamUrl.host };
    const forward = httpRequest({ host: upstreamUrl.hostname, port: upstreamUrl.port, method: req.method, path: req.url, headers }, (upstreamRes) => {
      const outgoing = {};
      for (const [name, value] of Object.entries(upstreamRes.headers)) if (!hopByHop.has(name)) outgoing[name] = value;
      res.writeHead(upstreamRes.statusCode, upstreamRes.statusMessage, outgoing);
      upstreamRes.pipe(res);
      upstreamRes.on('end', () => note(upstreamRes.statusCode));
      upstreamRes.on('error', () => note('reset'));
    });
    // An API that is down or resets the connection must look the same to faultline as without the
    // proxy: a transport error, not a 502 that the proxy made up (which reads as the API's own answer).
    forward.on('error', (error) => {
      note(`proxy-${error.code ?? 'error'}`);
      res.destroy();
    });
    req.pipe(forward);
    let noted = false;
    function note(status) {
      if (noted) return;
      noted = true;
      const record = { method: req.method, url: req.url, status, ms: Math.round(performance.now() - startedMs), role: roleOfAuthorization(req.headers) };
      records.push(record);
      out.write(`${JSON.stringify(record)}\n`);
    }
  });
  server.keepAliveTimeout = 5000;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    records,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      out.end();
    },
  };
}

/** Maps role names to the Authorization header each sends, for the proxy's role column. */
export function roleLookup(tokensByRole) {
  const byHeader = new Map(Object.entries(tokensByRole).map(([role, token]) => [`Bearer ${token}`, role]));
  return (headers) => {
    const value = headers.authorization;
    if (value === undefined) return 'anonymous';
    return byHeader.get(value) ?? 'other';
  };
}

export function writeConfig(file, { spec, target, credentials, budgetRequests, dependencies }) {
  const config = { spec, target, credentials, budget: { requests: budgetRequests, time: '180s', timeout: '5s' } };
  if (dependencies) config.dependencies = dependencies;
  writeFileSync(file, toYaml(config));
}

export async function runAudit({ faultline, configFile, outDir, scratch, budgetRequests, seed, timeoutS }) {
  const argv = [faultline.bin, 'audit', '--config', configFile, '--budget-requests', String(budgetRequests), '--seed', String(seed), '--fail-on', 'none', '--format', 'json', '--out', outDir];
  log(`faultline ${faultline.commit}: ${argv.slice(1).join(' ')}`);
  return timedNode(argv, { cwd: scratch, timeoutS, stdoutFile: join(outDir, 'stdout.json'), stderrFile: join(outDir, 'stderr.txt'), timeFile: join(scratch, 'time.txt') });
}

export function loadSpec(file) {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
}

/**
 * Per documented operation: requests the proxy saw, statuses, whether any 2xx came back, and a guess
 * at why not. Requests that match no documented operation (probes, unknown paths) are counted apart.
 */
export function coverageFrom(spec, records) {
  const basePath = new URL(spec.servers?.[0]?.url ?? 'http://x/', 'http://x').pathname.replace(/\/$/, '');
  const operations = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']) {
      if (!item[method]) continue;
      const pattern = new RegExp(`^${basePath}${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]*)')}/?$`);
      const literal = (path.match(/\{/g) ?? []).length;
      operations.push({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), pattern, literal, requests: 0, emptyParam: 0, emptyParam2xx: 0, statuses: {}, roles: {}, reached: false });
    }
  }
  // The template with the fewest parameters wins (/todos/count before /todos/{id}).
  const ordered = [...operations].sort((a, b) => a.literal - b.literal);
  let offSpec = 0;
  const offSpecStatuses = {};
  for (const record of records) {
    const path = decodeURIComponentSafe(record.url.split('?')[0]);
    const op = ordered.find((o) => o.method === record.method && o.pattern.test(path));
    if (!op) {
      offSpec++;
      offSpecStatuses[record.status] = (offSpecStatuses[record.status] ?? 0) + 1;
      continue;
    }
    op.requests++;
    op.statuses[record.status] = (op.statuses[record.status] ?? 0) + 1;
    op.roles[record.role] = (op.roles[record.role] ?? 0) + 1;
    // A path parameter sent empty (`PUT /` for `PUT /{package}`) reaches another route, not this one.
    const isSuccess = typeof record.status === 'number' && record.status >= 200 && record.status < 300;
    if (op.pattern.exec(path).slice(1).some((value) => value === '')) {
      op.emptyParam++;
      if (isSuccess) op.emptyParam2xx++;
    } else if (isSuccess) {
      op.reached = true;
    }
  }
  const rows = operations.map(({ key, requests, emptyParam, emptyParam2xx, statuses, roles, reached }) => {
    const codes = Object.keys(statuses).map(Number);
    const why = reached ? null : emptyParam2xx > 0 ? `2xx only with an empty path parameter (${emptyParam2xx})` : whyNot(codes, requests, emptyParam);
    return { operation: key, requests, emptyPathParameter: emptyParam, statuses, roles, reached2xx: reached, whyNot: why };
  });
  return { operations: rows, reached: rows.filter((r) => r.reached2xx).length, total: rows.length, offSpecRequests: offSpec, offSpecStatuses, requests: records.length };
}

function whyNot(codes, requests, emptyParam) {
  if (requests === 0) return 'never sent';
  if (emptyParam === requests) return `every request had an empty path parameter (${codes.sort().join(', ')})`;
  if (codes.every((s) => s === 404)) return 'every request answered 404';
  if (codes.every((s) => s === 401 || s === 403)) return 'every request answered 401/403';
  if (codes.every((s) => s >= 500 || typeof s !== 'number')) return 'only 5xx or transport errors';
  if (codes.every((s) => s >= 400)) return `only 4xx/5xx (${codes.sort().join(', ')})`;
  return 'no 2xx';
}

function decodeURIComponentSafe(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function summarise({ name, version, startedAt, faultline, timed, report, coverage, budgetRequests, seed, outDir, extra = {} }) {
  const live = report.findings.filter((f) => !f.check.startsWith('lint.'));
  const lint = report.findings.filter((f) => f.check.startsWith('lint.'));
  const summary = {
    api: name,
    apiVersion: version,
    startedAt: startedAt.toISOString(),
    machine: machineInfo(),
    faultline: faultline.commit,
    config: { budgetRequests, seed },
    exitCode: timed.exitCode,
    wallS: timed.wallS,
    cpuS: timed.cpuS,
    stats: report.stats,
    notes: report.notes,
    ...extra,
    coverage,
    permissionMatrix: compactMatrix(report.permissionMatrix),
    liveByCheck: countBy(live, (f) => f.check),
    lintByCheck: countBy(lint, (f) => f.check),
  };
  writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return { summary, markdown: markdown(summary, live, extra) };
}

function markdown(s, live, extra) {
  const c = s.coverage;
  const lines = [
    `## ${s.api} ${s.apiVersion}: faultline ${s.faultline}`,
    '',
    `exit ${s.exitCode}, ${s.wallS} s wall, ${s.cpuS} s CPU; faultline counted ${s.stats.requests} requests; the proxy saw ${c.requests} (${c.offSpecRequests} to undocumented paths); reached ${c.reached} of ${c.total} operations with a 2xx; report stats ${JSON.stringify(s.stats)}`,
    ...s.notes.map((n) => `note: ${n}`),
    ...Object.entries(extra).map(([k, v]) => `${k}: ${JSON.stringify(v)}`),
    '',
    '| operation | requests | empty path parameter | statuses | 2xx | why not |',
    '| --- | ---: | ---: | --- | --- | --- |',
    ...c.operations.map((o) => `| ${o.operation} | ${o.requests} | ${o.emptyPathParameter} | ${Object.entries(o.statuses).map(([k, v]) => `${k}×${v}`).join(' ')} | ${o.reached2xx ? 'yes' : 'no'} | ${o.whyNot ?? ''} |`),
    '',
    `lint findings by check: ${Object.entries(s.lintByCheck).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`,
    '',
    ...matrixMarkdown(s.permissionMatrix),
    '| check | operation | status | severity | detail |',
    '| --- | --- | ---: | --- | --- |',
    ...[...live]
      .sort((a, b) => a.check.localeCompare(b.check) || String(a.operation).localeCompare(String(b.operation)))
      .map((f) => `| ${f.check} | ${f.operation ?? '-'} | ${f.status ?? '-'} | ${f.severity} | ${oneLine(f.detail ?? f.title, 240)} |`),
  ];
  return lines.join('\n');
}

/**
 * The report's permission matrix (builds from before it existed have none) as one line per operation:
 * each role's verdict and status, and why a cell is untested, so that each cell can be judged by hand.
 */
function compactMatrix(matrix) {
  if (!matrix) return null;
  return {
    roles: matrix.roles,
    rows: matrix.rows.map((row) => ({
      operation: row.operation,
      requires: row.requires,
      cells: Object.fromEntries(matrix.roles.map((role) => [role, row.cells[role] ?? null])),
    })),
  };
}

function matrixMarkdown(matrix) {
  if (!matrix) return ['no permission matrix in this report', ''];
  const cell = (c) => (c ? `${c.verdict} ${c.status ?? '-'}${c.why ? ` (${oneLine(c.why, 90)})` : ''}` : '-');
  return [
    `| operation | requires | ${matrix.roles.join(' | ')} |`,
    `| --- | --- |${matrix.roles.map(() => ' --- |').join('')}`,
    ...matrix.rows.map((row) => `| ${row.operation} | ${row.requires} | ${matrix.roles.map((role) => cell(row.cells[role])).join(' | ')} |`),
    '',
  ];
}

function oneLine(text, max) {
  const flat = String(text).replace(/\s+/g, ' ').replace(/\|/g, '\\|');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function positive(value, field, fail) {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) fail(`${field} must be a positive whole number (got '${value}')`);
  return n;
}

#!/usr/bin/env node
// Lint benchmark: faultline vs Spectral (spectral:oas) vs Redocly CLI (recommended), side by side.
//
// Each run is its own child process under /usr/bin/time (wall and CPU seconds, peak RSS), wrapped in
// coreutils `timeout` so a peer that takes forever is recorded as "timeout" instead of hanging the
// bench. Tools are interleaved per spec (a, b, c, a, b, c, ...) so machine noise hits all alike.
// The findings of each tool's first run on a spec are sorted into rule families (families.mjs, from
// docs/lint-parity.md) and matched by family and place: what faultline found, what a peer found, what both did.
// Raw results go to bench/lint/results/<timestamp>.json, the Markdown tables to stdout, progress to stderr.
//
// Usage: node bench/lint/run.mjs [--runs 3] [--spectral-runs 3] [--timeout 600]
//          [--specs github,stripe,readme,startrek] [--tools faultline,spectral,redocly]
//        node bench/lint/run.mjs --report bench/lint/results/<timestamp>.json   (tables again, no runs)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir, platform, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { anchorOf, familyOf, familyOrder, loadPeerFamilies, mappedChecks, overlap, pointerSegments, referenceMap, unmappedChecks } from './families.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..', '..');
const octokit = join(repoRoot, 'node_modules', '@octokit', 'openapi', 'generated');

const allSpecs = {
  github: { file: join(octokit, 'api.github.com.json'), about: "GitHub REST (api.github.com), 13 MB JSON with $refs" },
  ghec: { file: join(octokit, 'ghec.json'), about: 'GitHub Enterprise Cloud, 14 MB JSON with $refs' },
  'ghec-deref': { file: join(octokit, 'ghec.deref.json'), about: 'GitHub Enterprise Cloud dereferenced, 78 MB JSON' },
  stripe: { file: process.env.STRIPE_SPEC ?? '/work/shared/specs/stripe/spec3-2023-09-11.yaml', about: 'Stripe 2023-09-11, 4 MB YAML' },
  readme: { file: join(repoRoot, 'test', 'fixtures', 'specs', 'real', 'readme-3.1.json'), about: "ReadMe's API, OpenAPI 3.1, 560 KB JSON (MIT, @readme/oas-examples)" },
  startrek: { file: join(benchDir, 'node_modules', '@readme', 'oas-examples', '3.0', 'json', 'star-trek.json'), about: 'STAPI (Star Trek API), OpenAPI 3.0, 500 KB JSON (MIT, @readme/oas-examples)' },
};

const args = parseArgs(process.argv.slice(2));
const peerFamilies = loadPeerFamilies(join(repoRoot, 'docs', 'lint-parity.md'));
if (args.report) {
  const saved = JSON.parse(readFileSync(args.report, 'utf8'));
  // The family tables are recomputed from the saved findings, so a change to the matching needs no new runs.
  saved.families = familyTable(saved.located);
  writeFileSync(args.report, `${JSON.stringify(saved, null, 2)}\n`);
  process.stdout.write(`${markdown(saved)}\n`);
  process.exit(0);
}
const runs = Number(args.runs ?? 3);
const spectralRuns = Number(args['spectral-runs'] ?? 3);
const timeoutS = Number(args.timeout ?? 600);
const specNames = String(args.specs ?? 'github,stripe,readme,startrek').split(',').filter(Boolean);
const toolNames = String(args.tools ?? 'faultline,spectral,redocly').split(',').filter(Boolean);

for (const name of specNames) if (!allSpecs[name]) fail(`unknown spec '${name}' (known: ${Object.keys(allSpecs).join(', ')})`);
if (!existsSync('/usr/bin/time')) fail('/usr/bin/time is missing (Debian: apt-get install -y time)');
if (!existsSync(join(repoRoot, 'dist', 'src', 'cli', 'main.js'))) fail('faultline is not built: run `npx tsc -p tsconfig.build.json` in the repo root first');

const binOf = (pkg) => {
  const dir = join(benchDir, 'node_modules', pkg);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : Object.values(manifest.bin)[0];
  return { script: join(dir, bin), version: manifest.version };
};

/** Each tool: how to run it on a spec, and how to count what it found from its JSON on stdout. */
const tools = {
  faultline: () => ({
    version: JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version,
    argv: (spec) => [join(faultlineHome, 'bin', 'faultline'), 'lint', spec, '--format', 'json', '--no-color'],
    count: (out) => {
      const report = JSON.parse(out);
      return {
        findings: report.findings.length,
        byRule: countBy(report.findings, (f) => f.check),
        bySeverity: countBy(report.findings, (f) => f.severity),
        // A finding with no pointer still names its operation, which is its anchor.
        located: report.findings.map((f) => located('faultline', f.check, f.location?.pointer ?? null, f.operation)),
      };
    },
  }),
  spectral: () => {
    const { script, version } = binOf('@stoplight/spectral-cli');
    return {
      version,
      argv: (spec) => [script, 'lint', spec, '--ruleset', join(benchDir, '.spectral.yaml'), '--format', 'json', '--quiet'],
      count: (out) => {
        const results = JSON.parse(out);
        const severity = ['error', 'warn', 'info', 'hint'];
        return {
          findings: results.length,
          byRule: countBy(results, (r) => r.code),
          bySeverity: countBy(results, (r) => severity[r.severity] ?? String(r.severity)),
          located: results.map((r) => located('spectral', r.code, `/${(r.path ?? []).map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`)),
        };
      },
    };
  },
  redocly: () => {
    const { script, version } = binOf('@redocly/cli');
    return {
      version,
      // Redocly prints only the first 100 problems unless told otherwise; the counts need them all.
      argv: (spec) => [script, 'lint', spec, '--config', join(benchDir, 'redocly.yaml'), '--format', 'json', '--max-problems', '1000000'],
      count: (out) => {
        const result = JSON.parse(out);
        return {
          findings: result.problems.length,
          byRule: countBy(result.problems, (p) => p.ruleId),
          bySeverity: countBy(result.problems, (p) => p.severity),
          located: result.problems.map((p) => located('redocly', p.ruleId, p.location?.[0]?.pointer ?? null)),
        };
      },
    };
  },
};
for (const name of toolNames) if (!tools[name]) fail(`unknown tool '${name}' (known: ${Object.keys(tools).join(', ')})`);
// Every check this build runs needs a family, or the overlap would quietly drop it.
{
  const catalogue = spawnSync(process.execPath, [join(repoRoot, 'bin', 'faultline'), 'checks', '--kind', 'lint', '--format', 'json'], { encoding: 'utf8' });
  const listed = JSON.parse(catalogue.stdout);
  const missing = unmappedChecks((listed.checks ?? listed).map((c) => c.id));
  if (missing.length > 0) fail(`checks with no rule family in bench/lint/families.mjs: ${missing.join(', ')}`);
}
const scratch = mkdtempSync(join(tmpdir(), 'faultline-bench-lint-'));
// Other people rebuild dist/ while a long bench runs: measure a copy of the build taken now.
const faultlineHome = snapshotFaultline();
const toolSetups = Object.fromEntries(toolNames.map((name) => [name, tools[name]()]));

const startedAt = new Date();
const resultsDir = join(benchDir, 'results');
mkdirSync(resultsDir, { recursive: true });
const resultsFile = join(resultsDir, `${startedAt.toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}.json`);
const gitCommit = spawnSync('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || null;
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? null,
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  os: `${platform()} ${release()}`,
  node: process.version,
  loadAvgAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
};
const results = {
  startedAt: startedAt.toISOString(),
  finishedAt: null,
  machine,
  gitCommit,
  config: { runs, spectralRuns, timeoutS, specs: specNames, tools: toolNames },
  versions: Object.fromEntries(toolNames.map((name) => [name, toolSetups[name].version])),
  runs: [],
  summary: [],
  // Per spec and tool, from the first run: each finding's rule, family and place.
  located: {},
  families: [],
};
const save = () => writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

log(`lint bench: ${toolNames.join(', ')} on ${specNames.join(', ')}; ${runs} runs (spectral ${spectralRuns}), timeout ${timeoutS}s; node ${process.version}, ${machine.cpus} cpus`);
log(`raw results -> ${resultsFile}`);

for (const specName of specNames) {
  const spec = allSpecs[specName];
  if (!existsSync(spec.file)) {
    log(`skip ${specName}: ${spec.file} not found`);
    continue;
  }
  const planned = Object.fromEntries(toolNames.map((name) => [name, name === 'spectral' ? spectralRuns : runs]));
  const gaveUp = new Set();
  const rounds = Math.max(...Object.values(planned));
  for (let round = 1; round <= rounds; round++) {
    for (const toolName of toolNames) {
      if (round > planned[toolName] || gaveUp.has(toolName)) continue;
      const run = await runOnce(toolName, specName, spec.file, round);
      results.runs.push(run);
      save();
      log(`${specName} ${toolName} #${round}: ${run.status} ${run.wallS ?? '?'}s ${run.maxRssKiB !== null ? Math.round(run.maxRssKiB / 1024) : '?'}MB exit=${run.exitCode} findings=${run.findings ?? '-'}`);
      // A peer that timed out or ran out of memory once will do so again: don't spend hours proving it.
      if (run.status === 'timeout' || run.status === 'oom') gaveUp.add(toolName);
    }
  }
}

results.summary = summarise(results.runs);
results.families = familyTable(results.located);
results.finishedAt = new Date().toISOString();
save();
rmSync(scratch, { recursive: true, force: true });
process.stdout.write(`${markdown(results)}\n`);
log(`done; raw results in ${resultsFile}`);

async function runOnce(toolName, specName, specFile, round) {
  const tool = toolSetups[toolName];
  const base = join(scratch, `${specName}-${toolName}-${round}`);
  const [outFile, errFile, timeFile] = [`${base}.out`, `${base}.err`, `${base}.time`];
  const out = createWriteStream(outFile);
  const err = createWriteStream(errFile);
  await Promise.all([once(out, 'open'), once(err, 'open')]);
  // timeout sits inside time, so time still reports the wall clock and peak RSS of a run that was cut off.
  const argv = ['-f', '%e %M %U %S', '-o', timeFile, 'timeout', '--kill-after=10', String(timeoutS), process.execPath, ...tool.argv(specFile)];
  const child = spawn('/usr/bin/time', argv, {
    cwd: benchDir,
    stdio: ['ignore', out, err],
    env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', CI: 'true' },
  });
  const exitCode = await new Promise((resolveExit) => child.on('close', (code, signal) => resolveExit(code ?? (signal ? `signal ${signal}` : null))));
  out.close();
  err.close();
  const timeText = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
  // GNU time writes "Command exited with non-zero status N" before the numbers; the numbers are the last line.
  const timeLine = timeText.trim().split('\n').at(-1) ?? '';
  const [wall, rss, user, sys] = timeLine.split(' ').map(Number);
  const stderr = readFileSync(errFile, 'utf8');
  const run = {
    tool: toolName,
    spec: specName,
    round,
    // The 1-minute load average when the run ended: on a shared machine, says how busy it was.
    loadAvg1: Math.round(loadavg()[0] * 100) / 100,
    exitCode,
    wallS: Number.isFinite(wall) ? wall : null,
    // User plus system CPU seconds: what the run cost, whatever else the shared machine was doing.
    cpuS: Number.isFinite(user) && Number.isFinite(sys) ? Math.round((user + sys) * 100) / 100 : null,
    maxRssKiB: Number.isFinite(rss) ? rss : null,
    status: 'ok',
    findings: null,
    byRule: undefined,
    bySeverity: undefined,
    stderrTail: undefined,
  };
  // 124: timeout's TERM ended it; 137: KILL, from timeout's --kill-after or from the kernel's OOM killer.
  if (exitCode === 124 || (exitCode === 137 && (run.wallS ?? 0) >= timeoutS)) run.status = 'timeout';
  else if (/heap out of memory|Allocation failed|ERR_STRING_TOO_LONG|Invalid string length/i.test(stderr) || exitCode === 134 || exitCode === 137) run.status = 'oom';
  if (run.status === 'ok') {
    try {
      const counted = tool.count(readFileSync(outFile, 'utf8'));
      run.findings = counted.findings;
      // Per-rule counts once per tool and spec: they do not change between runs.
      if (round === 1) {
        run.byRule = counted.byRule;
        run.bySeverity = counted.bySeverity;
        results.located[specName] ??= {};
        results.located[specName][toolName] = counted.located;
      }
    } catch (error) {
      run.status = 'error';
      run.stderrTail = `${stderr.slice(-2000)}\n(output unreadable: ${error.message})`;
    }
  } else {
    run.stderrTail = stderr.slice(-2000);
  }
  rmSync(outFile, { force: true });
  return run;
}

function snapshotFaultline() {
  const home = join(scratch, 'faultline');
  mkdirSync(home);
  cpSync(join(repoRoot, 'dist'), join(home, 'dist'), { recursive: true });
  cpSync(join(repoRoot, 'bin'), join(home, 'bin'), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(home, 'package.json'));
  symlinkSync(join(repoRoot, 'node_modules'), join(home, 'node_modules'), 'dir');
  return home;
}

function summarise(allRuns) {
  const rows = [];
  for (const specName of specNames) {
    const baseRuns = allRuns.filter((r) => r.tool === 'faultline' && r.spec === specName && r.status === 'ok');
    const [baseWall, baseCpu, baseRss] = [median(baseRuns.map((r) => r.wallS)), median(baseRuns.map((r) => r.cpuS)), median(baseRuns.map((r) => r.maxRssKiB))];
    for (const toolName of toolNames) {
      const mine = allRuns.filter((r) => r.tool === toolName && r.spec === specName);
      if (mine.length === 0) continue;
      const ok = mine.filter((r) => r.status === 'ok');
      const failed = mine.filter((r) => r.status !== 'ok');
      const walls = ok.map((r) => r.wallS);
      const cpus = ok.map((r) => r.cpuS);
      const [wall, cpu, rss] = [median(walls), median(cpus), median(ok.map((r) => r.maxRssKiB))];
      rows.push({
        tool: toolName,
        version: toolSetups[toolName].version,
        spec: specName,
        runs: mine.length,
        ok: ok.length,
        failures: [...new Set(failed.map((r) => r.status))],
        // A run that was cut off still says how long it had gone on and how much it held by then.
        failedWallS: failed.length > 0 ? Math.max(...failed.map((r) => r.wallS ?? 0)) : null,
        failedMaxRssKiB: failed.length > 0 ? Math.max(...failed.map((r) => r.maxRssKiB ?? 0)) : null,
        medianCpuS: cpu,
        minCpuS: cpus.length ? Math.min(...cpus) : null,
        maxCpuS: cpus.length ? Math.max(...cpus) : null,
        medianWallS: wall,
        minWallS: walls.length ? Math.min(...walls) : null,
        maxWallS: walls.length ? Math.max(...walls) : null,
        medianRssMB: rss !== null ? rss / 1024 : null,
        findings: ok[0]?.findings ?? null,
        exitCodes: [...new Set(mine.map((r) => r.exitCode))],
        medianLoadAvg1: median(mine.map((r) => r.loadAvg1)),
        cpuVsFaultline: cpu !== null && baseCpu ? cpu / baseCpu : null,
        wallVsFaultline: wall !== null && baseWall ? wall / baseWall : null,
        rssVsFaultline: rss !== null && baseRss ? rss / baseRss : null,
      });
    }
  }
  return rows;
}

/** One finding of a tool, reduced to what the overlap compares: rule, family, anchor and pointer segments. */
function located(tool, rule, pointer, operation = null) {
  const segments = pointer === null ? [] : pointerSegments(pointer);
  const anchor = pointer === null && operation ? operation : anchorOf(segments);
  return { rule, family: familyOf(tool, rule, peerFamilies), checks: mappedChecks(tool, rule, peerFamilies), anchor, segments };
}

/** Per spec and family: how many findings and places each tool has, and the places faultline shares with each peer. */
function familyTable(locatedBySpec) {
  const rows = [];
  for (const [spec, byTool] of Object.entries(locatedBySpec)) {
    const mine = byTool.faultline;
    const file = allSpecs[spec].file;
    const refs = referenceMap(file.endsWith('.json') ? JSON.parse(readFileSync(file, 'utf8')) : parseYaml(readFileSync(file, 'utf8'), { maxAliasCount: -1 }));
    for (const family of familyOrder) {
      const inFamily = (list) => (list ?? []).filter((f) => f.family === family);
      const row = { spec, family, faultline: mine ? inFamily(mine).length : null, peers: {} };
      for (const peer of Object.keys(byTool).filter((t) => t !== 'faultline')) {
        const theirs = inFamily(byTool[peer]);
        row.peers[peer] = { findings: theirs.length, rules: countBy(theirs, (f) => f.rule), ...(mine ? overlap(inFamily(mine), theirs, refs) : {}) };
      }
      row.faultlineChecks = mine ? countBy(inFamily(mine), (f) => f.rule) : {};
      const any = (row.faultline ?? 0) > 0 || Object.values(row.peers).some((p) => p.findings > 0);
      if (any) rows.push(row);
    }
  }
  return rows;
}

function markdown(saved) {
  const parts = [performanceTable(saved.summary)];
  const specs = [...new Set(saved.families.map((r) => r.spec))];
  for (const spec of specs) {
    const rows = saved.families.filter((r) => r.spec === spec);
    const peers = Object.keys(rows[0]?.peers ?? {});
    const head = `| family | faultline findings (places) | ${peers.map((p) => `${p} findings (places) | faultline only / both / ${p} only`).join(' | ')} |`;
    const rule = `| --- | ---: | ${peers.map(() => '---: | :---:').join(' | ')} |`;
    const lines = rows.map((r) => {
      const fl = r.faultline === null ? '-' : `${r.faultline} (${r.peers[peers[0]]?.mine ?? '-'})`;
      const cells = peers.map((p) => {
        const o = r.peers[p];
        if (o.both === undefined) return `${o.findings} (${o.theirs ?? '-'}) | -`;
        const notes = [];
        if (o.both > 0 && o.bothSameRule !== o.both) notes.push(`${o.bothSameRule} same rule`);
        if (o.mineMatchedViaRefs !== undefined && (o.mineMatchedViaRefs !== o.both || o.theirsMatchedViaRefs !== o.both)) {
          notes.push(`through $refs: ${o.mineMatchedViaRefs} of faultline's, ${o.theirsMatchedViaRefs} of ${p}'s`);
        }
        return `${o.findings} (${o.theirs}) | ${o.mineOnly} / **${o.both}** / ${o.theirsOnly}${notes.length ? ` (${notes.join('; ')})` : ''}`;
      });
      return `| ${r.family} | ${fl} | ${cells.join(' | ')} |`;
    });
    parts.push(`**${spec}**\n\n${[head, rule, ...lines].join('\n')}`);
  }
  const unmapped = saved.families.filter((r) => r.family === 'unmapped');
  for (const r of unmapped) parts.push(`unmapped on ${r.spec}: ${JSON.stringify(Object.fromEntries(Object.entries(r.peers).map(([p, o]) => [p, o.rules])))} ${JSON.stringify(r.faultlineChecks)}`);
  return parts.join('\n\n');
}

function performanceTable(rows) {
  const head = '| tool | version | spec | median CPU s | min / max CPU s | median wall s | median peak RSS MB | findings | CPU vs faultline | RSS vs faultline |';
  const rule = '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const lines = rows.map((row) => {
    if (row.ok === 0) {
      const what = row.failures.map((f) => (f === 'timeout' || f === 'oom' ? 'timeout/OOM' : f)).join(', ');
      const wall = row.failedWallS !== null ? `> ${row.failedWallS.toFixed(0)}` : '-';
      const rss = row.failedMaxRssKiB ? `${(row.failedMaxRssKiB / 1024).toFixed(0)} (at stop)` : '-';
      return `| ${row.tool} | ${row.version} | ${row.spec} | ${what} | - | ${wall} | ${rss} | - | - | - |`;
    }
    const note = row.ok < row.runs ? ` (${row.ok}/${row.runs} ok)` : '';
    return `| ${row.tool} | ${row.version} | ${row.spec} | ${row.medianCpuS.toFixed(2)}${note} | ${row.minCpuS.toFixed(2)} / ${row.maxCpuS.toFixed(2)} | ${row.medianWallS.toFixed(2)} | ${row.medianRssMB.toFixed(0)} | ${row.findings ?? '-'} | ${ratio(row.cpuVsFaultline)} | ${ratio(row.rssVsFaultline)} |`;
  });
  return [head, rule, ...lines].join('\n');
}

function ratio(value) {
  return value === null ? '-' : `${value.toFixed(value >= 10 ? 0 : 1)}x`;
}

function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function countBy(items, keyOf) {
  const counts = {};
  for (const item of items) {
    const key = keyOf(item) ?? '(none)';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]));
}

function once(emitter, event) {
  return new Promise((resolveEvent, rejectEvent) => {
    emitter.once(event, resolveEvent);
    emitter.once('error', rejectEvent);
  });
}

function parseArgs(argv) {
  const parsed = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n') + '\n');
      process.exit(0);
    }
    const match = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
    if (!match) fail(`unexpected argument '${arg}'`);
    parsed[match[1]] = match[2] ?? argv[++i];
  }
  return parsed;
}

function log(message) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`bench/lint: ${message}\n`);
  process.exit(2);
}

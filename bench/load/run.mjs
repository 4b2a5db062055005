// Load generator benchmark: faultline vs autocannon vs wrk, side by side in one run, against nginx
// (Debian, one worker, a static file) on 127.0.0.1. The target is pinned to core 0 and the generators to
// core 1 (taskset), all with the same connections and duration.
//
// Figures: requests per CPU-second of the generator (the one that survives a noisy machine), raw
// req/s, p50/p99; the stall-pattern correctness check (true percentiles vs faultline vs autocannon);
// peak memory of a short and a long open-model run.
//
// Needs: nginx, wrk and GNU time from Debian (apt-get install -y nginx wrk time), `npm run build` at
// the repo root, `npm install --prefix bench/load` (autocannon).
// Usage: node bench/load/run.mjs [--seconds 15] [--rounds 3] [--connections 50] [--memory-seconds 60] [--skip-memory]
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const faultline = join(repo, 'bin', 'faultline');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const seconds = Number(flag('seconds', '15'));
const connections = Number(flag('connections', '50'));
const memorySeconds = Number(flag('memory-seconds', '60'));
const rounds = Number(flag('rounds', '3'));
const skipMemory = args.includes('--skip-memory');

function need(command, hint) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
  } catch {
    console.error(`bench/load: '${command}' is missing (${hint})`);
    process.exit(2);
  }
}
need('nginx', 'apt-get install -y nginx');
need('wrk', 'apt-get install -y wrk');
need('taskset', 'util-linux');
if (!existsSync('/usr/bin/time')) {
  console.error("bench/load: GNU time is missing (apt-get install -y time)");
  process.exit(2);
}
if (!existsSync(join(repo, 'dist', 'src', 'cli', 'main.js'))) {
  console.error('bench/load: run `npm run build` at the repo root first');
  process.exit(2);
}
if (!existsSync(join(here, 'node_modules', 'autocannon'))) {
  console.error('bench/load: run `npm install --prefix bench/load` first (autocannon)');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'faultline-bench-load-'));
// nginx workers run as nobody and must read the static file.
chmodSync(work, 0o755);
const port = 18000 + Math.floor(Math.random() * 1000);

function startNginx() {
  mkdirSync(join(work, 'www'), { recursive: true });
  mkdirSync(join(work, 'logs'), { recursive: true });
  writeFileSync(join(work, 'www', 'index.html'), 'hello world, this is a small static file for load testing.\n');
  writeFileSync(join(work, 'nginx.conf'), `worker_processes 1;
daemon off;
pid ${work}/nginx.pid;
error_log ${work}/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000000;
  keepalive_timeout 120;
  client_body_temp_path ${work}/tmp;
  proxy_temp_path ${work}/tmp;
  fastcgi_temp_path ${work}/tmp;
  uwsgi_temp_path ${work}/tmp;
  scgi_temp_path ${work}/tmp;
  server {
    listen 127.0.0.1:${port};
    root ${work}/www;
    location / { index index.html; }
  }
}
`);
  const child = spawn('taskset', ['-c', '0', 'nginx', '-c', join(work, 'nginx.conf'), '-p', work], { stdio: 'ignore' });
  return child;
}

/** Run a command under GNU time pinned to core 1; return stdout and user/sys/max RSS. */
function timed(command, commandArgs) {
  const timeFile = join(work, 'time.txt');
  const stdout = execFileSync('/usr/bin/time', ['-f', '%U %S %M', '-o', timeFile, 'taskset', '-c', '1', command, ...commandArgs], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  const [user, system, maxRssKb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
  return { stdout, cpuSeconds: user + system, user, system, maxRssKb };
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const url = `http://127.0.0.1:${port}/`;

function parseWrkMs(text) {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text);
  if (!match) return NaN;
  return Number(match[1]) * { us: 0.001, ms: 1, s: 1000 }[match[2]];
}

function runWrk() {
  const run = timed('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url]);
  const total = Number(/(\d+) requests in/.exec(run.stdout)[1]);
  const latency = (p) => parseWrkMs(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(run.stdout)[1]);
  return { tool: 'wrk', requests: total, rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(run.stdout)[1]), p50: latency(50), p99: latency(99), cpuSeconds: run.cpuSeconds, inRunCpuSeconds: run.cpuSeconds, maxRssKb: run.maxRssKb };
}

function runAutocannon(rate, duration = seconds) {
  const run = timed(process.execPath, [join(here, 'autocannon-run.mjs'), url, String(connections), String(duration), ...(rate ? [String(rate)] : [])]);
  const result = JSON.parse(run.stdout.trim().split('\n').pop());
  return { tool: 'autocannon', requests: result.requests, rps: result.rps, p50: result.p50, p90: result.p90, p99: result.p99, cpuSeconds: run.cpuSeconds, inRunCpuSeconds: (result.cpuUserMs + result.cpuSystemMs) / 1000, maxRssKb: run.maxRssKb };
}

function runFaultline(loadArgs) {
  const run = timed(process.execPath, [faultline, 'load', '--threads', '1', '--connections', String(connections), '--format', 'json', ...loadArgs]);
  const result = JSON.parse(run.stdout);
  const g = result.generator;
  return {
    tool: 'faultline',
    requests: result.total.completed,
    rps: result.total.throughputPerSecond,
    p50: result.total.latencyMs.p50,
    p90: result.total.latencyMs.p90,
    p99: result.total.latencyMs.p99,
    cpuSeconds: run.cpuSeconds,
    inRunCpuSeconds: (g.cpuUserMs + g.cpuSystemMs) / 1000,
    maxRssKb: run.maxRssKb,
    startedAt: Date.parse(result.startedAt),
    dropped: result.total.dropped,
  };
}

const perCpu = (r, cpu) => Math.round(r.requests / cpu);
const fmt = (n, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)).toString() : '-');

async function efficiency() {
  const nginx = startNginx();
  try {
    await wait(500);
    // Warm nginx up once so the first tool does not pay for it.
    execFileSync('taskset', ['-c', '1', 'wrk', '-t1', '-c10', '-d1s', url], { stdio: 'ignore' });
    // Rounds alternate the tools, so a noisy neighbour hurts all three alike; the median round counts.
    const byTool = { wrk: [], autocannon: [], faultline: [] };
    for (let round = 0; round < rounds; round++) {
      for (const r of [runWrk(), runAutocannon(), runFaultline(['--target', url, '--vus', String(connections), '--duration', `${seconds}s`])]) {
        byTool[r.tool].push({ ...r, perCpuSecond: perCpu(r, r.cpuSeconds), perInRunCpuSecond: perCpu(r, r.inRunCpuSeconds) });
      }
    }
    return Object.values(byTool).map((runs) => {
      const sorted = [...runs].sort((a, b) => a.perInRunCpuSecond - b.perInRunCpuSecond);
      return { ...sorted[Math.floor(sorted.length / 2)], rounds: runs.map((r) => r.perInRunCpuSecond) };
    });
  } finally {
    nginx.kill('SIGTERM');
  }
}

async function stallCorrectness() {
  const server = spawn('taskset', ['-c', '0', process.execPath, join(here, 'stall-server.mjs'), '1000', '2000'], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const info = await new Promise((resolve) => server.stdout.once('data', (chunk) => resolve(JSON.parse(chunk.toString()))));
    const stallUrl = `http://127.0.0.1:${info.port}/`;
    const rate = 500;
    const durationMs = 6000;
    // faultline's default for 500/s: 500 connections, so the server holds every request of a stall.
    const fl = runFaultline(['--target', stallUrl, '--rate', `${rate}/s`, '--duration', `${durationMs / 1000}s`, '--connections', '500']);
    const expected = Array.from({ length: (rate * durationMs) / 1000 }, (_, i) => {
      const phase = (((fl.startedAt + (i * 1000) / rate - info.origin) % info.periodMs) + info.periodMs) % info.periodMs;
      return phase < info.stallMs ? info.stallMs - phase : 0;
    }).sort((a, b) => a - b);
    const at = (p) => expected[Math.ceil((p / 100) * expected.length) - 1];
    const ac = runAutocannonAgainst(stallUrl, rate, durationMs / 1000);
    const acFree = runAutocannonAgainst(stallUrl, undefined, durationMs / 1000);
    return { truth: { p50: at(50), p90: at(90), p99: at(99) }, faultline: fl, autocannon: ac, autocannonUnlimited: acFree, loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') };
  } finally {
    server.kill('SIGTERM');
  }
}

function runAutocannonAgainst(target, rate, duration) {
  const run = timed(process.execPath, [join(here, 'autocannon-run.mjs'), target, String(connections), String(duration), ...(rate ? [String(rate)] : [])]);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

/** RSS of a faultline run sampled every 5 s from /proc: flat means no growth with duration. */
async function memory() {
  const nginx = startNginx();
  try {
    await wait(500);
    const rate = 3000;
    const child = spawn('taskset', ['-c', '1', process.execPath, faultline, 'load', '--threads', '1', '--target', url, '--rate', `${rate}/s`, '--duration', `${memorySeconds}s`, '--format', 'json'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const samples = [];
    const sampler = setInterval(() => {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]);
        samples.push({ second: (samples.length + 1) * 5, rssMb: Math.round(kb / 1024) });
      } catch {
        // the process has ended
      }
    }, 5000);
    await new Promise((resolve) => child.once('close', resolve));
    clearInterval(sampler);
    const result = JSON.parse(stdout);
    return { rate, seconds: memorySeconds, requests: result.total.completed, dropped: result.total.dropped, samples };
  } finally {
    nginx.kill('SIGTERM');
  }
}

try {
  const startedAt = new Date().toISOString();
  const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const loadBefore = loadAverage();
  const rows = await efficiency();
  console.error(`bench/load: efficiency done: ${JSON.stringify(rows.map((r) => [r.tool, r.perInRunCpuSecond, r.perCpuSecond]))}`);
  const stall = await stallCorrectness();
  const mem = skipMemory ? null : await memory();
  const results = { startedAt, seconds, connections, node: process.version, efficiency: rows, stall, memory: mem };
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', `${startedAt.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(results, null, 2)}\n`);

  const wrk = rows.find((r) => r.tool === 'wrk');
  const ac = rows.find((r) => r.tool === 'autocannon');
  const fl = rows.find((r) => r.tool === 'faultline');
  const lines = [
    `Run ${startedAt}, Node ${process.version}, load average ${loadBefore} before, ${connections} connections, ${seconds} s each, median of ${rounds} alternating rounds; nginx pinned to core 0, generators to core 1. Requests per CPU-second of every round (during the run): ${rows.map((r) => `${r.tool} ${r.rounds.join(' / ')}`).join('; ')}.`,
    '',
    '| tool | requests | req/s | p50 | p99 | CPU-s (process) | req per CPU-s (process) | CPU-s (during the run) | req per CPU-s (during the run) | max RSS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.tool} | ${r.requests} | ${Math.round(r.rps)} | ${fmt(r.p50)} ms | ${fmt(r.p99)} ms | ${fmt(r.cpuSeconds)} | ${r.perCpuSecond} | ${fmt(r.inRunCpuSeconds)} | ${r.perInRunCpuSecond} | ${Math.round(r.maxRssKb / 1024)} MB |`),
    '',
    `faultline / autocannon (during the run): ${fmt(fl.perInRunCpuSecond / ac.perInRunCpuSecond)}x; faultline / wrk: ${fmt(fl.perInRunCpuSecond / wrk.perInRunCpuSecond)}x (process totals: ${fmt(fl.perCpuSecond / ac.perCpuSecond)}x and ${fmt(fl.perCpuSecond / wrk.perCpuSecond)}x).`,
    '',
    'Stall pattern (server stalls 1 s in every 2 s, 500 req/s planned for 6 s):',
    '',
    '| | p50 | p90 | p99 |',
    '| --- | ---: | ---: | ---: |',
    `| true (from the pattern and the schedule) | ${fmt(stall.truth.p50)} ms | ${fmt(stall.truth.p90)} ms | ${fmt(stall.truth.p99)} ms |`,
    `| faultline (open model) | ${fmt(stall.faultline.p50)} ms | ${fmt(stall.faultline.p90)} ms | ${fmt(stall.faultline.p99)} ms |`,
    `| autocannon (-R 500, closed model capped at the rate) | ${fmt(stall.autocannon.p50)} ms | ${fmt(stall.autocannon.p90)} ms | ${fmt(stall.autocannon.p99)} ms |`,
    `| autocannon (no rate: closed model flat out, ${stall.autocannonUnlimited.requests} requests) | ${fmt(stall.autocannonUnlimited.p50)} ms | ${fmt(stall.autocannonUnlimited.p90)} ms | ${fmt(stall.autocannonUnlimited.p99)} ms |`,
    '',
    `Load average during the stall runs: ${stall.loadAverage}.`,
  ];
  if (mem) {
    lines.push('', `Memory, open model at ${mem.rate}/s for ${mem.seconds} s (${mem.requests} requests, ${mem.dropped} dropped), RSS every 5 s: ${mem.samples.map((s) => `${s.rssMb}`).join(', ')} MB.`);
  }
  console.log(lines.join('\n'));
} finally {
  rmSync(work, { recursive: true, force: true });
}

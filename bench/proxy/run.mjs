#!/usr/bin/env node
// Proxy overhead: the same small HTTP upstream, reached directly and through `faultline proxy` (HTTP mode
// and TCP mode, no fault active), side by side in one run, with two minimal Node proxies for reference. Per path: the p50 latency of sequential
// requests on one keep-alive connection (added p50 = proxy p50 - direct p50), and the throughput of a
// bounded closed loop with 32 requests in flight (share = proxy / direct). The upstream and each proxy
// are processes of their own (the proxy is the built CLI, as a user runs it); the load loop is undici in
// this process. Paths are measured in a rotating order in each run; the table gives medians over runs.
//
// CPU time per request of the upstream and the proxy comes from /proc, so it does not count time spent
// waiting for a core on a busy machine.
//
// Usage: node bench/proxy/run.mjs [--runs 5] [--seconds 3]   (after `npm run build`)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(repoRoot, 'package.json'));
const { Client, Pool } = require('undici');

function flag(name, fallback) {
  const at = process.argv.indexOf(name);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) fail(`${name} must be a positive number`);
  return value;
}
function fail(message) {
  process.stderr.write(`bench/proxy: ${message}\n`);
  process.exit(2);
}

const runs = flag('--runs', 5);
const seconds = flag('--seconds', 3);
const latencySamples = 1000;
const latencyMaxMs = 15_000;
const concurrency = 32;
const maxRequestsPerLoop = 500_000;
const bin = join(repoRoot, 'bin', 'faultline');
if (!existsSync(join(repoRoot, 'dist', 'src', 'cli', 'main.js'))) fail('faultline is not built: run `npm run build` first');

const children = new Set();
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

/** Start a child process and resolve with the first match of `pattern` in its output. */
function startChild(args, pattern, stream) {
  return new Promise((resolvePort, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    children.add(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no ready line from ${args.join(' ')}: ${output}`)), 20_000);
    child[stream].on('data', (chunk) => {
      output += chunk;
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePort({ child, port: Number(match[1]) });
      }
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${output}`)));
  });
}

const upstreamScript = `
const body = JSON.stringify({ productId: 1, available: 12, warehouse: 'north' });
const server = require('node:http').createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
`;

// Reference rows, not faultline: the least a Node HTTP proxy does (no fault machinery at all), once with
// node:http as the client (what faultline's HTTP mode uses) and once with undici, and the least a TCP
// proxy does (two sockets piped). They show how much of the cost is Node's rather than faultline's.
const minimalNodeProxy = `
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true });
const server = http.createServer((request, response) => {
  const outgoing = http.request({ hostname: '127.0.0.1', port: process.argv[1], method: request.method, path: request.url, headers: request.headers, agent }, (answer) => {
    response.writeHead(answer.statusCode, answer.headers);
    answer.pipe(response);
  });
  outgoing.on('error', () => response.writeHead(502).end());
  request.pipe(outgoing);
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
`;
const minimalUndiciProxy = `
const http = require('node:http');
const { Pool } = require(process.argv[2]);
const pool = new Pool('http://127.0.0.1:' + process.argv[1], { connections: 64 });
const server = http.createServer(async (request, response) => {
  try {
    const { statusCode, headers, body } = await pool.request({ method: request.method, path: request.url, headers: request.headers, body: request.method === 'GET' ? null : request });
    response.writeHead(statusCode, headers);
    body.pipe(response);
  } catch {
    response.writeHead(502).end();
  }
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
`;

const minimalPipe = `
const net = require('node:net');
const server = net.createServer((client) => {
  const upstream = net.connect(Number(process.argv[1]), '127.0.0.1');
  client.pipe(upstream).pipe(client);
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
});
server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
`;

async function measureLatency(origin) {
  const client = new Client(origin, { keepAliveTimeout: 60_000 });
  const samples = [];
  const deadline = performance.now() + latencyMaxMs;
  for (let i = 0; i < latencySamples + 100 && performance.now() < deadline; i++) {
    const startedAt = performance.now();
    const { body } = await client.request({ path: '/stock/1', method: 'GET' });
    await body.text();
    if (i >= 100) samples.push(performance.now() - startedAt);
  }
  await client.close();
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length * 0.5)], p99: samples[Math.floor(samples.length * 0.99)] };
}

/** CPU time (user + system) a process used so far, in microseconds, from /proc (Linux). */
function cpuMicros(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1e6;
  } catch {
    return NaN;
  }
}

async function measureThroughput(origin) {
  const pool = new Pool(origin, { connections: concurrency, keepAliveTimeout: 60_000 });
  let done = 0;
  let counting = false;
  let started = 0;
  const endAt = performance.now() + 500 + seconds * 1000;
  setTimeout(() => {
    counting = true;
    started = performance.now();
  }, 500);
  const worker = async () => {
    while (performance.now() < endAt && done < maxRequestsPerLoop) {
      const { body } = await pool.request({ path: '/stock/1', method: 'GET' });
      await body.text();
      if (counting) done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  await pool.close();
  return { perSecond: (done / elapsedMs) * 1000, total: done };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const loadBefore = loadavg()[0];
const upstream = await startChild(['-e', upstreamScript], /port (\d+)/, 'stdout');
const upstreamUrl = `http://127.0.0.1:${upstream.port}`;
const httpProxy = await startChild([bin, 'proxy', '--listen', '127.0.0.1:0', '--upstream', upstreamUrl, '--no-control'], /on 127\.0\.0\.1:(\d+) →/, 'stderr');
const tcpProxy = await startChild([bin, 'proxy', '--listen', '127.0.0.1:0', '--upstream', `tcp://127.0.0.1:${upstream.port}`, '--no-control'], /on 127\.0\.0\.1:(\d+) →/, 'stderr');
const nodeProxy = await startChild(['-e', minimalNodeProxy, String(upstream.port)], /port (\d+)/, 'stdout');
const pipeProxy = await startChild(['-e', minimalPipe, String(upstream.port)], /port (\d+)/, 'stdout');
const undiciProxy = await startChild(['-e', minimalUndiciProxy, String(upstream.port), require.resolve('undici')], /port (\d+)/, 'stdout');
const paths = [
  { name: 'direct', origin: upstreamUrl },
  { name: 'faultline proxy, HTTP mode', origin: `http://127.0.0.1:${httpProxy.port}`, pid: httpProxy.child.pid },
  { name: 'faultline proxy, TCP mode', origin: `http://127.0.0.1:${tcpProxy.port}`, pid: tcpProxy.child.pid },
  { name: 'reference: minimal node:http proxy', origin: `http://127.0.0.1:${nodeProxy.port}`, pid: nodeProxy.child.pid },
  { name: 'reference: minimal undici proxy', origin: `http://127.0.0.1:${undiciProxy.port}`, pid: undiciProxy.child.pid },
  { name: 'reference: minimal TCP pipe', origin: `http://127.0.0.1:${pipeProxy.port}`, pid: pipeProxy.child.pid },
];
const results = new Map(paths.map((p) => [p.name, []]));
for (let run = 0; run < runs; run++) {
  for (let i = 0; i < paths.length; i++) {
    const path = paths[(run + i) % paths.length];
    const latency = await measureLatency(path.origin);
    // CPU per request is what a busy machine disturbs least: it does not count time spent waiting for a core.
    const cpuBefore = { upstream: cpuMicros(upstream.child.pid), proxy: path.pid ? cpuMicros(path.pid) : 0 };
    const loop = await measureThroughput(path.origin);
    const upstreamCpu = (cpuMicros(upstream.child.pid) - cpuBefore.upstream) / loop.total;
    const proxyCpu = path.pid ? (cpuMicros(path.pid) - cpuBefore.proxy) / loop.total : 0;
    results.get(path.name).push({ ...latency, throughput: loop.perSecond, upstreamCpu, proxyCpu });
    process.stderr.write(
      `run ${run + 1}/${runs} ${path.name}: p50 ${latency.p50.toFixed(3)} ms, p99 ${latency.p99.toFixed(3)} ms, ${loop.perSecond.toFixed(0)} req/s, CPU/request upstream ${upstreamCpu.toFixed(0)} µs, proxy ${proxyCpu.toFixed(0)} µs\n`,
    );
  }
}
const loadAfter = loadavg()[0];
for (const child of children) child.kill('SIGTERM');

// Shares and added latency are taken run by run (each path against the direct figure of the same run,
// measured a few seconds apart), then the median: the machine's load drifts less within a run than across.
const direct = results.get('direct');
console.log(`| path | p50 latency | p99 latency | added p50 (paired) | throughput (${concurrency} in flight) | share of direct (paired) | CPU per request: upstream / proxy |`);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [name, samples] of results) {
  const p50 = median(samples.map((r) => r.p50));
  const p99 = median(samples.map((r) => r.p99));
  const throughput = median(samples.map((r) => r.throughput));
  const added = name === 'direct' ? '–' : `+${(median(samples.map((r, i) => r.p50 - direct[i].p50)) * 1000).toFixed(0)} µs`;
  const share = name === 'direct' ? '100%' : `${(median(samples.map((r, i) => r.throughput / direct[i].throughput)) * 100).toFixed(0)}%`;
  const cpu = `${median(samples.map((r) => r.upstreamCpu)).toFixed(0)} µs / ${name === 'direct' ? '–' : `${median(samples.map((r) => r.proxyCpu)).toFixed(0)} µs`}`;
  console.log(`| ${name} | ${p50.toFixed(3)} ms | ${p99.toFixed(3)} ms | ${added} | ${throughput.toFixed(0)} req/s | ${share} | ${cpu} |`);
}
console.log('');
console.log('Per run (p50 ms / req/s):');
for (const [name, samples] of results) console.log(`- ${name}: ${samples.map((r) => `${r.p50.toFixed(3)}/${r.throughput.toFixed(0)}`).join(', ')}`);
console.log('');
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.versions.node}; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after; ${runs} runs, ${seconds} s of load per path and run, ${latencySamples} sequential requests for latency.`,
);
process.exit(0);

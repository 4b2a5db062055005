// Runs autocannon in this process and measures its CPU from the start to the end of the run only
// (process.cpuUsage), the same way faultline reports its generator's CPU. Prints one JSON line.
// Usage: node autocannon-run.mjs URL connections seconds [overallRate]
import autocannon from 'autocannon';

const [url, connections, seconds, rate] = process.argv.slice(2);
const before = process.cpuUsage();
const result = await autocannon({ url, connections: Number(connections), duration: Number(seconds), ...(rate ? { overallRate: Number(rate) } : {}) });
const cpu = process.cpuUsage(before);
process.stdout.write(`${JSON.stringify({
  requests: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors,
  rps: result.requests.average,
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  cpuUserMs: Math.round(cpu.user / 1000),
  cpuSystemMs: Math.round(cpu.system / 1000),
})}\n`);

// node bench/learn/run.mjs [entries]: time and peak memory of `faultline learn` on a generated HAR, and,
// for scale, of reading the same file the naive way (one string, one JSON.parse).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeHar } from './make-har.mjs';

const entries = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-learn-'));
const har = join(dir, 'traffic.har');
await makeHar(har, entries);
const megabytes = (bytes) => Math.round(bytes / 1024 / 1024);
const measure = (args) => {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  const peak = /peak (\d+)/.exec(result.stderr);
  return { wallMs: Math.round(wallMs), peakMb: peak ? megabytes(Number(peak[1])) : null, status: result.status, stderr: result.stderr };
};
const peakPreload = ['--import', 'data:text/javascript,process.on("exit",()=>process.stderr.write("peak "+process.resourceUsage().maxRSS*1024+"\\n"))'];
const learn = measure([...peakPreload, 'bin/faultline', 'learn', '--har', har, '--out', join(dir, 'openapi.yaml')]);
const naive = measure([...peakPreload, '-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(har)}, 'utf8'))`]);
console.log(JSON.stringify({ entries, fileMb: megabytes(statSync(har).size), learn: { wallMs: learn.wallMs, peakMb: learn.peakMb, status: learn.status }, naiveJsonParse: { wallMs: naive.wallMs, peakMb: naive.peakMb, status: naive.status } }, null, 2));
console.log(learn.stderr.split('\n').filter((line) => !line.startsWith('peak')).join('\n'));
rmSync(dir, { recursive: true, force: true });

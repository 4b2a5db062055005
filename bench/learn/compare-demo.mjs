// node bench/learn/compare-demo.mjs (after npm run build): the demo shop learnt from traffic alone, then
// audited twice with the same roles, budget and seed: once with the learnt description, once with the
// real one. Prints the findings of each by check, for docs/learn.md.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

const dist = new URL('../../dist/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const { demoSpecPath, startDemoApi } = await load('demo/shop.js');
const { demoCredentials } = await load('demo/tokens.js');
const { browseDemo } = await load('demo/traffic.js');
const { Learner } = await load('src/learn/learner.js');
const { startRecordingProxy } = await load('src/learn/recording-proxy.js');
const { toOpenApi } = await load('src/learn/to-openapi.js');
const { runAuditFromInput } = await load('src/cli/commands/audit.js');

const dir = mkdtempSync(join(tmpdir(), 'faultline-learn-compare-'));
const demo = await startDemoApi();
const roles = await demoCredentials();
const learner = new Learner();
const proxy = await startRecordingProxy({ listen: '127.0.0.1:0', upstream: demo.url, onSample: (sample) => learner.add(sample) });
const requests = await browseDemo(proxy.url, roles);
await proxy.close();
const learnt = toOpenApi(learner.finish(), { title: 'Demo shop, learnt' });
const learntPath = join(dir, 'learnt.yaml');
writeFileSync(learntPath, stringify(learnt.document, { lineWidth: 0, aliasDuplicateObjects: false }));
console.log(`recorded ${requests} requests; learnt ${learnt.summary.operations} operations`);

const audit = (specSource) =>
  runAuditFromInput({
    specSource, target: demo.url, roles, budget: { requests: 3000, time: 180_000, timeout: 5_000 },
    only: [], skip: [], isUnsafe: false, isExposureProbing: true, allowRemoteRefs: false, seed: 1, isShowingSecrets: false,
  });
const results = {};
for (const [name, spec] of [['learnt', learntPath], ['real', demoSpecPath()]]) {
  const started = Date.now();
  const report = await audit(spec);
  const byCheck = {};
  for (const finding of report.findings) byCheck[finding.check] = (byCheck[finding.check] ?? 0) + 1;
  results[name] = { byCheck, findings: report.findings.length, operations: report.stats.operations, reached: report.stats.operationsReached, seconds: Math.round((Date.now() - started) / 1000) };
}
await demo.close();
rmSync(dir, { recursive: true, force: true });
const checks = [...new Set([...Object.keys(results.learnt.byCheck), ...Object.keys(results.real.byCheck)])].sort();
console.log(JSON.stringify({ learnt: { ...results.learnt, byCheck: undefined }, real: { ...results.real, byCheck: undefined } }));
console.log('| check | learnt | real |\n|---|---:|---:|');
for (const check of checks) console.log(`| \`${check}\` | ${results.learnt.byCheck[check] ?? '–'} | ${results.real.byCheck[check] ?? '–'} |`);

#!/usr/bin/env node
// faultline audit on @loopback/example-todo 6.0.0 (LoopBack 4's tutorial app: todos in an in-memory
// store persisted to data/db.json, no authentication, and a geocoder dependency called when a todo
// has remindAtAddress), which faultline does not write. The spec is the one the app serves at
// /openapi.json, saved at run time into the results folder.
//
// The app's geocoder normally calls the US Census web service. Here it calls a stand-in on 127.0.0.1
// that answers like it, through faultline's fault-injecting proxy (`dependencies` in the temporary
// faultline.yaml), so the dependency-failures checks can act on a real dependency and no request leaves
// the machine (serve.cjs sets the URL through the app's own configuration binding). faultline audits
// the app through a recording proxy that counts every request per documented operation.
//
// Needs `npm ci --prefix bench/real-apis/loopback-todo` once, and a faultline build: this repo's
// (`npx tsc -p tsconfig.build.json`, copied at start) or any bin/faultline given with --faultline.
// Results go to bench/real-apis/results/loopback-todo-<timestamp>/; the Markdown summary to stdout.
//
// Usage: node bench/real-apis/loopback-todo/run.mjs [--faultline /path/to/bin/faultline]
//          [--budget-requests 3000] [--seed 1] [--timeout 600]
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, log, waitForHttp } from '../../audit/harness.mjs';
import { audit, finishRun, startRecordingProxy, startRun, startServer, writeConfig } from '../common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const appDir = join(here, 'node_modules', '@loopback', 'example-todo');
const run = startRun('loopback-todo', import.meta.url, { installed: join(appDir, 'dist', 'index.js'), version: join(appDir, 'package.json') });
mkdirSync(join(run.scratch, 'data'));
copyFileSync(join(appDir, 'data', 'db.json'), join(run.scratch, 'data', 'db.json'));

// The stand-in geocoder: the Census answer shape the app's responsePath reads. Its calls are counted:
// none means the audit never sent a todo with remindAtAddress, so the dependency was never exercised.
let geocoderCalls = 0;
const geocoder = createServer((req, res) => {
  geocoderCalls++;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ result: { input: { address: { address: new URL(req.url, 'http://x').searchParams.get('address') } }, addressMatches: [{ coordinates: { x: -77.0365, y: 38.8977 } }] } }));
});
await new Promise((r) => geocoder.listen(0, '127.0.0.1', r));
const geocoderUrl = `http://127.0.0.1:${geocoder.address().port}`;
const dependencyListen = `127.0.0.1:${await freePort()}`;

const port = await freePort();
const target = `http://127.0.0.1:${port}`;
const stopServer = startServer([join(here, 'serve.cjs')], {
  cwd: run.scratch,
  logFile: join(run.outDir, 'server.log'),
  env: { PORT: String(port), HOST: '127.0.0.1', GEOCODER_URL: `http://${dependencyListen}/geocoder/locations/onelineaddress` },
});
let timed;
let proxy;
let spec;
try {
  await waitForHttp(`${target}/openapi.json`);
  spec = await (await fetch(`${target}/openapi.json`)).json();
  writeFileSync(join(run.outDir, 'openapi.json'), `${JSON.stringify(spec, null, 2)}\n`);
  log(`@loopback/example-todo ${run.version} on ${target}; geocoder stand-in on ${geocoderUrl} behind faultline's proxy at ${dependencyListen}`);
  proxy = await startRecordingProxy(target, { roleOfAuthorization: (headers) => (headers.authorization === undefined ? 'anonymous' : 'other'), logFile: join(run.outDir, 'requests.jsonl') });
  const configFile = join(run.scratch, 'faultline.yaml');
  writeConfig(configFile, {
    spec: join(run.outDir, 'openapi.json'),
    target: proxy.url,
    credentials: [],
    budgetRequests: run.budgetRequests,
    dependencies: [{ name: 'geocoder', listen: dependencyListen, upstream: geocoderUrl }],
  });
  timed = await audit(run, configFile);
} finally {
  await proxy?.close();
  await stopServer();
  geocoder.closeAllConnections();
  await new Promise((r) => geocoder.close(r));
  if (existsSync(join(run.scratch, 'data', 'db.json'))) copyFileSync(join(run.scratch, 'data', 'db.json'), join(run.outDir, 'db.after.json'));
  rmSync(run.scratch, { recursive: true, force: true });
}

finishRun(run, { title: '@loopback/example-todo', spec, records: proxy.records, timed, extra: { geocoderCalls } });

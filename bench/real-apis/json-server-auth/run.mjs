#!/usr/bin/env node
// faultline audit on json-server-auth 2.1.0 (JWT users and owner guards on json-server 0.17.4, lowdb
// file storage), which faultline does not write. The server runs on a copy of db.json in a temp dir,
// guarded by routes.json (users 600, posts 644, messages 600), on a free 127.0.0.1 port. The bench
// registers two users, alice and bob, each with one post and one message, puts their JWTs in a
// temporary faultline.yaml as two roles, and audits through a recording proxy that counts every
// request per documented operation (the coverage table). Spec: openapi.yaml beside this file, written
// by hand from the READMEs (the API serves none).
//
// Needs `npm ci --prefix bench/real-apis/json-server-auth` once, and a faultline build: this repo's
// (`npx tsc -p tsconfig.build.json`, copied at start) or any bin/faultline given with --faultline.
// Results (report.json, summary.json, the proxy's requests.jsonl, the server log and db.after.json)
// go to bench/real-apis/results/json-server-auth-<timestamp>/; the Markdown summary goes to stdout.
//
// Usage: node bench/real-apis/json-server-auth/run.mjs [--faultline /path/to/bin/faultline]
//          [--budget-requests 3000] [--seed 1] [--timeout 600]
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, log, waitForHttp } from '../../audit/harness.mjs';
import { api, audit, finishRun, loadSpec, roleLookup, startRecordingProxy, startRun, startServer, writeConfig } from '../common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const serverBin = join(here, 'node_modules', 'json-server-auth', 'dist', 'bin.js');
const run = startRun('json-server-auth', import.meta.url, { installed: serverBin, version: join(here, 'node_modules', 'json-server-auth', 'package.json') });
const dataDir = join(run.scratch, 'data');
mkdirSync(dataDir);
copyFileSync(join(here, 'db.json'), join(dataDir, 'db.json'));
copyFileSync(join(here, 'routes.json'), join(dataDir, 'routes.json'));

const port = await freePort();
const target = `http://127.0.0.1:${port}`;
// cwd is the temp dir: json-server-auth writes its expanded routes to os.tmpdir()/routes-from-<cwd name>.json.
const stopServer = startServer([serverBin, 'db.json', '--routes', 'routes.json', '--host', '127.0.0.1', '--port', String(port)], { cwd: dataDir, logFile: join(run.outDir, 'server.log') });
let timed;
let proxy;
try {
  await waitForHttp(`${target}/posts`);
  const users = {};
  for (const name of ['alice', 'bob']) {
    const session = await api(target, 'POST', '/register', { body: { email: `${name}@example.com`, password: `${name}-password`, firstname: name } });
    users[name] = { id: session.user.id, token: session.accessToken };
    await api(target, 'POST', '/posts', { token: session.accessToken, body: { title: `${name}'s first post`, body: 'hello', userId: session.user.id } });
    await api(target, 'POST', '/messages', { token: session.accessToken, body: { text: `${name}'s note to self`, userId: session.user.id } });
  }
  log(`json-server-auth ${run.version} on ${target}; users ${Object.entries(users).map(([n, u]) => `${n} (id ${u.id})`).join(', ')}`);
  proxy = await startRecordingProxy(target, { roleOfAuthorization: roleLookup({ alice: users.alice.token, bob: users.bob.token }), logFile: join(run.outDir, 'requests.jsonl') });
  const configFile = join(run.scratch, 'faultline.yaml');
  writeConfig(configFile, {
    spec: join(here, 'openapi.yaml'),
    target: proxy.url,
    credentials: ['alice', 'bob'].map((name) => ({ name, headers: { Authorization: `Bearer ${users[name].token}` }, scopes: [] })),
    budgetRequests: run.budgetRequests,
  });
  timed = await audit(run, configFile);
} finally {
  await proxy?.close();
  await stopServer();
  if (existsSync(join(dataDir, 'db.json'))) copyFileSync(join(dataDir, 'db.json'), join(run.outDir, 'db.after.json'));
  rmSync(run.scratch, { recursive: true, force: true });
}

finishRun(run, { title: 'json-server-auth', spec: loadSpec(join(here, 'openapi.yaml')), records: proxy.records, timed });

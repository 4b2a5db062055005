#!/usr/bin/env node
// faultline audit on verdaccio 6.8.0 (a private npm registry: users created through the npm client's
// adduser call, API tokens, packages published by users; file storage), which faultline does not
// write. It runs with its own default configuration less what would leave 127.0.0.1 (config.yaml
// beside this file) in a temp dir, on a free 127.0.0.1 port. The bench creates two users, alice and
// bob, each publishing one package (alice-lib, bob-lib), puts their tokens in a temporary
// faultline.yaml as two roles, and audits through a recording proxy that counts every request per
// documented operation. Spec: openapi.yaml beside this file, written by hand (verdaccio serves none).
//
// Needs `npm ci --prefix bench/real-apis/verdaccio` once, and a faultline build: this repo's
// (`npx tsc -p tsconfig.build.json`, copied at start) or any bin/faultline given with --faultline.
// Results go to bench/real-apis/results/verdaccio-<timestamp>/; the Markdown summary to stdout.
//
// Usage: node bench/real-apis/verdaccio/run.mjs [--faultline /path/to/bin/faultline]
//          [--budget-requests 3000] [--seed 1] [--timeout 600] [--without-operation 'PUT /path']
//
// --without-operation audits with a copy of the spec that leaves out that operation (the copy goes
// to the results as openapi.used.json), to see what the rest of the audit finds when one operation
// takes the registry down: adduser does, with a user name such as `constructor` or `valueOf`.
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { freePort, log, waitForHttp } from '../../audit/harness.mjs';
import { api, audit, finishRun, loadSpec, roleLookup, startRecordingProxy, startRun, startServer, writeConfig } from '../common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const serverBin = join(here, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
const run = startRun('verdaccio', import.meta.url, { installed: serverBin, version: join(here, 'node_modules', 'verdaccio', 'package.json') });
const dataDir = join(run.scratch, 'registry');
mkdirSync(dataDir);
copyFileSync(join(here, 'config.yaml'), join(dataDir, 'config.yaml'));
const { specFile, spec } = specToAudit(run.args['without-operation']);

const port = await freePort();
const target = `http://127.0.0.1:${port}`;
const stopServer = startServer([serverBin, '--config', join(dataDir, 'config.yaml'), '--listen', `127.0.0.1:${port}`], { cwd: dataDir, logFile: join(run.outDir, 'server.log') });
let timed;
let proxy;
try {
  await waitForHttp(`${target}/-/ping`);
  const tokens = {};
  for (const name of ['alice', 'bob']) {
    const created = await api(target, 'PUT', `/-/user/org.couchdb.user:${name}`, { body: { name, password: `${name}-password`, email: `${name}@example.com` } });
    tokens[name] = created.token;
    await api(target, 'PUT', `/${name}-lib`, { token: created.token, body: publishDocument(`${name}-lib`, '1.0.0', target) });
  }
  log(`verdaccio ${run.version} on ${target}; users alice and bob, packages alice-lib and bob-lib`);
  proxy = await startRecordingProxy(target, { roleOfAuthorization: roleLookup(tokens), logFile: join(run.outDir, 'requests.jsonl') });
  const configFile = join(run.scratch, 'faultline.yaml');
  writeConfig(configFile, {
    spec: specFile,
    target: proxy.url,
    credentials: ['alice', 'bob'].map((name) => ({ name, headers: { Authorization: `Bearer ${tokens[name]}` }, scopes: [] })),
    budgetRequests: run.budgetRequests,
  });
  timed = await audit(run, configFile);
} finally {
  await proxy?.close();
  await stopServer();
  if (existsSync(join(dataDir, 'storage'))) cpSync(join(dataDir, 'storage'), join(run.outDir, 'storage.after'), { recursive: true });
  rmSync(run.scratch, { recursive: true, force: true });
}

finishRun(run, { title: 'verdaccio', spec, records: proxy.records, timed, extra: run.args['without-operation'] ? { withoutOperation: run.args['without-operation'] } : undefined });

/** The spec beside this file, or a copy in the results without one operation ('PUT /{package}'). */
function specToAudit(without) {
  const original = join(here, 'openapi.yaml');
  if (!without) return { specFile: original, spec: loadSpec(original) };
  const [method, path] = without.trim().split(/\s+/);
  const trimmed = loadSpec(original);
  if (!trimmed.paths?.[path]?.[method?.toLowerCase()]) run.fail(`--without-operation '${without}': no such operation in openapi.yaml`);
  delete trimmed.paths[path][method.toLowerCase()];
  if (!Object.keys(trimmed.paths[path]).some((k) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(k))) delete trimmed.paths[path];
  const specFile = join(run.outDir, 'openapi.used.json');
  writeFileSync(specFile, `${JSON.stringify(trimmed, null, 2)}\n`);
  return { specFile, spec: trimmed };
}

/** What `npm publish` sends: the version's manifest and its tarball, base64, in one JSON document. */
function publishDocument(name, version, registry) {
  const tgz = tarball({ name, version });
  const file = `${name}-${version}.tgz`;
  return {
    _id: name,
    name,
    'dist-tags': { latest: version },
    versions: { [version]: { name, version, _id: `${name}@${version}`, dist: { shasum: createHash('sha1').update(tgz).digest('hex'), tarball: `${registry}/${name}/-/${file}` } } },
    _attachments: { [file]: { content_type: 'application/octet-stream', data: tgz.toString('base64'), length: tgz.length } },
  };
}

/** A gzipped ustar archive holding package/package.json, as npm packs it. */
function tarball(manifest) {
  const body = Buffer.from(JSON.stringify(manifest));
  const header = Buffer.alloc(512);
  header.write('package/package.json', 0);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write(' '.repeat(8), 148); // the checksum field counts as spaces while the checksum is summed
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  header.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148);
  const padding = Buffer.alloc((512 - (body.length % 512)) % 512);
  return gzipSync(Buffer.concat([header, body, padding, Buffer.alloc(1024)]));
}

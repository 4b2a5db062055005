// Serve benchmark: how many monitors at a 10 s interval one process keeps on time (scheduling lag p99 < 1 s),
// with SQLite and with PostgreSQL, and how much storage a million results take.
// Usage: npm run build && node bench/serve/run.mjs [--pg postgres://…] [--counts 250,500,1000,2000] [--seconds 30]
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { monitorSchema } from '../../dist/src/config/schema.js';
import { silentLogger } from '../../dist/src/core/logger.js';
import { Redactor } from '../../dist/src/core/redact.js';
import { createHttpClient } from '../../dist/src/http/client.js';
import { MonitorService } from '../../dist/src/monitor/monitor-service.js';
import { openPostgresStore, openSqliteStore } from '../../dist/src/store/open-store.js';

const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const pgUrl = flag('--pg', process.env.FAULTLINE_TEST_PG_URL);
const counts = flag('--counts', '250,500,1000,2000').split(',').map(Number);
const seconds = Number(flag('--seconds', '30'));

const target = createServer((_req, res) => res.end('{"status":"ok"}'));
await new Promise((r) => target.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${target.address().port}/health`;

function quantile(sorted, q) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function tempPg(adminUrl) {
  const name = `faultline_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function openBackend(kind) {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
    const file = join(dir, 'bench.db');
    const store = await openSqliteStore(file);
    const size = () => ['', '-wal'].map((s) => (existsSync(file + s) ? statSync(file + s).size : 0)).reduce((a, b) => a + b, 0);
    return { store, size: async () => size(), dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const db = await tempPg(pgUrl);
  const store = await openPostgresStore(db.url);
  const size = async () => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query('SELECT pg_database_size(current_database()) AS n');
    await c.end();
    return Number(rows[0].n);
  };
  return { store, size, dispose: async () => { await store.close(); await db.drop(); } };
}

async function lagRun(kind, count) {
  const backend = await openBackend(kind);
  const client = createHttpClient({ isUnsafeAllowed: false, connections: 64 });
  const service = new MonitorService({ store: backend.store, client, alertClient: client, redactor: new Redactor([]), credentials: [], channels: [], logger: silentLogger });
  const lags = [];
  let failed = 0;
  service.onCheck((e) => {
    lags.push(e.lagMs);
    if (!e.outcome.ok) failed++;
  });
  const monitors = Array.from({ length: count }, (_, i) => monitorSchema.parse({ name: `m${i}`, url, interval: '10s', timeout: '5s' }));
  const started = Date.now();
  await service.start(monitors);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  await service.stop();
  const wall = (Date.now() - started) / 1000;
  await client.close();
  await backend.dispose();
  lags.sort((a, b) => a - b);
  const expected = count * Math.ceil(seconds / 10);
  return { kind, count, checks: lags.length, expected, failed, p50: quantile(lags, 0.5), p99: quantile(lags, 0.99), max: lags.at(-1), wall };
}

async function growth(kind, rows) {
  const backend = await openBackend(kind);
  const monitor = await backend.store.upsertMonitor({ name: 'growth', definition: {}, source: 'config' });
  const before = await backend.size();
  const detail = { url, assertions: [{ assertion: 'status', ok: true, detail: 'status 200' }] };
  const t0 = Date.now();
  for (let i = 0; i < rows; i++) {
    await backend.store.addResult({ monitorId: monitor.id, startedAt: t0 + i, durationMs: 3.2, ok: true, status: 200, error: null, lagMs: 1.5, detail });
  }
  const after = await backend.size();
  const pruned = await backend.store.prune({ maxPerMonitor: 1000 }, Date.now());
  await backend.dispose();
  return { kind, rows, bytesPerResult: (after - before) / rows, mbPerMillion: ((after - before) / rows) * 1e6 / 1024 / 1024, pruned, insertPerSecond: rows / ((Date.now() - t0) / 1000) };
}

console.log(`# serve bench: node ${process.version}, ${cpus().length} cores, load ${loadavg().map((n) => n.toFixed(2)).join(' ')}, ${seconds} s per run`);
const kinds = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
for (const kind of kinds) {
  for (const count of counts) {
    const r = await lagRun(kind, count);
    console.log(`${kind}\tmonitors=${r.count}\tchecks=${r.checks}/${r.expected}\tfailed=${r.failed}\tlag p50=${r.p50?.toFixed(1)} ms\tp99=${r.p99?.toFixed(1)} ms\tmax=${r.max?.toFixed(1)} ms`);
  }
}
for (const kind of kinds) {
  const g = await growth(kind, Number(flag('--growth-rows', '20000')));
  console.log(`${kind}\tgrowth: ${g.bytesPerResult.toFixed(0)} B/result = ${g.mbPerMillion.toFixed(0)} MiB per million results (${g.rows} rows, ${g.insertPerSecond.toFixed(0)} inserts/s one at a time); retention maxPerMonitor=1000 pruned ${g.pruned}`);
}
target.close();

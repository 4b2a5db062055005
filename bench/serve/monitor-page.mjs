// Monitor page benchmark: one monitor checked every 10 s for 90 days (777,600 results), then the
// dashboard's requests for its page timed over real HTTP: the page itself (summary, 90-day bar, sparkline,
// incidents) and the chart series for each range, with the bytes each answer sends.
// Usage: npm run build && node bench/serve/monitor-page.mjs [--pg postgres://…] [--runs 7]
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildServer } from '../../dist/src/server/app.js';
import { randomToken, sha256 } from '../../dist/src/server/passwords.js';
import { openPostgresStore, openSqliteStore } from '../../dist/src/store/open-store.js';
import { sqliteModuleName } from '../../dist/src/store/sqlite-driver.js';

const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const pgUrl = flag('--pg', process.env.FAULTLINE_TEST_PG_URL);
const runs = Number(flag('--runs', '7'));
const day = 86_400_000;
const intervalMs = 10_000;
const now = Date.now();
const from = now - 90 * day;
const total = Math.floor((now - from) / intervalMs);

// Deterministic data: a response time around 40 ms with a slow tail, one failure in 500, and one bad
// afternoon 20 days ago when every check failed for two hours.
function* results(monitorId) {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const outage = [now - 20 * day, now - 20 * day + 2 * 3_600_000];
  for (let i = 0; i < total; i++) {
    const startedAt = from + i * intervalMs;
    const ok = !(startedAt >= outage[0] && startedAt < outage[1]) && random() > 0.002;
    const durationMs = Math.round((25 + 30 * random() + (random() < 0.02 ? 400 * random() : 0)) * 100) / 100;
    yield [monitorId, startedAt, durationMs, ok ? 1 : 0, ok ? 200 : 503, ok ? null : 'status: status 503, expected 200', 1, '{"url":"","assertions":[]}'];
  }
}

async function seedSqlite(file, monitorId) {
  const Database = createRequire(import.meta.url)(sqliteModuleName);
  const db = new Database(file);
  const insert = db.prepare('INSERT INTO check_results (monitor_id, started_at, duration_ms, ok, status, error, lag_ms, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => { for (const row of results(monitorId)) insert.run(...row); })();
  db.exec('ANALYZE');
  db.close();
}

async function seedPostgres(url, monitorId) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let batch = [];
  const flush = async () => {
    const columns = batch[0].map((_, c) => batch.map((row) => row[c]));
    await client.query(
      `INSERT INTO check_results (monitor_id, started_at, duration_ms, ok, status, error, lag_ms, detail)
       SELECT * FROM unnest($1::int[], $2::bigint[], $3::float8[], $4::int[], $5::int[], $6::text[], $7::float8[], $8::text[])`,
      columns,
    );
    batch = [];
  };
  for (const row of results(monitorId)) {
    batch.push(row);
    if (batch.length === 10_000) await flush();
  }
  if (batch.length > 0) await flush();
  // As autovacuum would soon: the visibility map lets PostgreSQL answer from the index alone.
  await client.query('VACUUM ANALYZE check_results');
  await client.end();
}

async function backend(kind) {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-page-'));
    const file = join(dir, 'bench.db');
    const store = await openSqliteStore(file);
    return { store, seed: (id) => seedSqlite(file, id), dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `faultline_bench_page_${Date.now()}`;
  const admin = async (text) => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(text);
    await c.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const store = await openPostgresStore(url.toString());
  return { store, seed: (id) => seedPostgres(url.toString(), id), dispose: async () => { await store.close(); await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } };
}

async function measure(base, token, path) {
  const times = [];
  let bytes = 0;
  let body;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const response = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    times.push(performance.now() - start);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${text}`);
    bytes = Buffer.byteLength(text);
    body = JSON.parse(text);
  }
  // The first request fills the server's cache of past days' counts; the rest are what a redraw costs.
  const [first, ...rest] = times;
  rest.sort((a, b) => a - b);
  return { path, first, median: rest[Math.floor(rest.length / 2)], max: rest[rest.length - 1], bytes, body };
}

console.log(`# monitor page bench: node ${process.version}, ${cpus().length} cores, load ${loadavg().map((n) => n.toFixed(2)).join(' ')}, ${total} results, ${runs} runs per request`);
for (const kind of ['sqlite', ...(pgUrl ? ['postgres'] : [])]) {
  const b = await backend(kind);
  try {
    const monitor = await b.store.upsertMonitor({ name: 'api', definition: { kind: 'http', url: 'http://127.0.0.1:9/health', interval: intervalMs }, source: 'config' });
    const seedStart = performance.now();
    await b.seed(monitor.id);
    const seeded = performance.now() - seedStart;
    const user = await b.store.createUser({ username: 'bench', passwordHash: 'x', role: 'viewer', createdAt: now });
    const token = `fl_${randomToken()}`;
    await b.store.createApiToken({ userId: user.id, name: 'bench', tokenHash: sha256(token), createdAt: now });
    const app = await buildServer({ store: b.store });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    console.log(`${kind}\tseeded ${total} results in ${(seeded / 1000).toFixed(1)} s`);
    for (const path of [`/api/monitors/${monitor.id}`, ...['24h', '7d', '30d', '90d'].map((r) => `/api/monitors/${monitor.id}/series?range=${r}`), '/api/monitors']) {
      const m = await measure(base, token, path);
      const points = Array.isArray(m.body.points) ? `\t${m.body.points.length} points` : '';
      console.log(`${kind}\t${path}\tfirst ${m.first.toFixed(0)} ms\tthen median ${m.median.toFixed(0)} ms\tmax ${m.max.toFixed(0)} ms\t${(m.bytes / 1024).toFixed(1)} KiB${points}`);
    }
    await app.close();
  } finally {
    await b.dispose();
  }
}

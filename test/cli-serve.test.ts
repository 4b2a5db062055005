import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open-store.js';
import { binPath, errorLines, runCli } from './support/run-cli.js';
import { openSqliteDatabase } from '../src/store/sqlite-driver.js';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// Root writes through any file mode, so a read-only file is only read-only to an unprivileged user:
// as root the CLI runs under setpriv as nobody.
const isRoot = process.getuid?.() === 0;
const asNobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
function canRunAsNobody(): boolean {
  if (!isRoot) return true;
  return spawnSync(asNobody[0] ?? '', [...asNobody.slice(1), process.execPath, binPath, '--version'], { encoding: 'utf8' }).status === 0;
}

describe('faultline serve when it cannot use its database at start', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-cli-serve-'));
    await chmod(dir, 0o755);
  });
  afterEach(async () => {
    await chmod(dir, 0o755).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });

  it('names a SQLite file in a folder that does not exist in one E_STORE line and exits 2', async () => {
    const result = await runCli(['serve', '--db', `sqlite:${join(dir, 'missing', 'x.db')}`, '--listen', '127.0.0.1:0'], { timeoutMs: 30_000 });
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([`faultline: --db: cannot open SQLite database '${join(dir, 'missing', 'x.db')}': Cannot open database because the directory does not exist`]);
  });

  it('names an unreachable PostgreSQL in one line, password masked, and exits 2', async () => {
    const port = await closedPort();
    const result = await runCli(['serve', '--db', `postgres://faultline:hunter2-secret@127.0.0.1:${port}/faultline`, '--listen', '127.0.0.1:0'], { timeoutMs: 30_000 });
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([`faultline: --db: cannot open PostgreSQL database postgres://faultline:***@127.0.0.1:${port}/faultline: connect ECONNREFUSED 127.0.0.1:${port}`]);
    expect(result.stderr).not.toContain('hunter2');
  });

  it('stops with one E_STORE line and exit 2 when the database fails a start-up step after it opened', async () => {
    const file = join(dir, 'serve.db');
    await (await openStore(`sqlite:${file}`)).close();
    // Stands in for a database that goes away in serve's first seconds: it opens and migrates, then refuses a write.
    const database = openSqliteDatabase(file);
    database.exec("CREATE TRIGGER refuse_users BEFORE INSERT ON users BEGIN SELECT RAISE(FAIL, 'no new users here'); END;");
    database.close();
    const result = await runCli(['serve', '--db', `sqlite:${file}`, '--listen', '127.0.0.1:0'], { timeoutMs: 30_000, env: { FAULTLINE_ADMIN_PASSWORD: 'start-up step admin password' } });
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual(['faultline: --db: the database failed while creating the admin user: no new users here']);
  });

  it('refuses a database URL of another kind as a usage error', async () => {
    const result = await runCli(['serve', '--db', 'mysql://127.0.0.1/faultline', '--listen', '127.0.0.1:0'], { timeoutMs: 30_000 });
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual(["faultline: --db: unknown database 'mysql:' (use sqlite:./faultline.db or postgres://user@host:5432/db)"]);
  });

  it.skipIf(!canRunAsNobody())('refuses a SQLite file it may only read in one E_STORE line and exits 2, writing nothing', async () => {
    const file = join(dir, 'serve.db');
    // A database made by an earlier run (all migrations done, so opening it needs no write)...
    await (await openStore(`sqlite:${file}`)).close();
    // ...then handed over read-only: file 0444 and folder 0555, owned by someone else when run as root.
    await chmod(file, 0o444);
    await chmod(dir, 0o555);
    const before = await readdir(dir);
    const command = isRoot ? [...asNobody, process.execPath] : [process.execPath];
    const child = spawnSync(command[0] ?? '', [...command.slice(1), binPath, 'serve', '--db', `sqlite:${file}`, '--listen', '127.0.0.1:0'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FAULTLINE_ADMIN_PASSWORD: 'read-only start admin password' },
      timeout: 30_000,
    });
    expect(child.status).toBe(2);
    expect(errorLines(child.stderr)).toEqual([`faultline: --db: cannot open SQLite database '${file}': attempt to write a readonly database`]);
    expect(await readdir(dir)).toEqual(before);
  });
});

if (!canRunAsNobody()) {
  const message = 'cli-serve.test.ts: running as root but cannot run the CLI as nobody through setpriv, so the read-only start test is skipped';
  if (process.env.CI === 'true') throw new Error(`${message}; CI must run it`);
  console.warn(`WARNING ${message}`);
}

import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A PostgreSQL cluster of one test's own, so the test may stop and restart it without touching the
 * cluster every other test file shares (vitest runs files in parallel). Made from the server binaries
 * in FAULTLINE_TEST_PG_BIN (`.ci/run` sets it); as root the server runs as the `postgres` user, which
 * initdb demands. About two seconds to make, with --no-sync and fsync off.
 */
export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  /** `pg_ctl restart -m fast`: the server drops every connection and comes back. */
  restart(): void;
  stop(): void;
  start(): void;
  dispose(): void;
}

export async function startPrivatePostgres(binDir: string): Promise<PrivatePostgres> {
  // Under .ci/run the clusters live in a folder its exit trap sweeps, so a test killed mid-way leaves no server running.
  const dataDir = mkdtempSync(join(process.env.FAULTLINE_TEST_PG_SCRATCH ?? tmpdir(), 'faultline-test-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: readonly string[]) => {
    const command = asRoot ? ['runuser', '-u', 'postgres', '--', join(binDir, tool), ...args] : [join(binDir, tool), ...args];
    execFileSync(command[0] ?? '', command.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dataDir, uid, gid);
  }
  const port = await freePort();
  const ctl = (...args: string[]) => run('pg_ctl', ['-D', dataDir, '-l', join(dataDir, 'server.log'), '-w', '-t', '30', ...args]);
  try {
    run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    ctl('-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dataDir} -c fsync=off`, 'start');
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => ctl('-m', 'fast', 'restart'),
    stop() {
      ctl('-m', 'fast', 'stop');
      running = false;
    },
    start() {
      // Started again with the options it was first started with (pg_ctl keeps them in postmaster.opts).
      ctl('-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dataDir} -c fsync=off`, 'start');
      running = true;
    },
    dispose() {
      try {
        if (running) ctl('-m', 'immediate', 'stop');
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// Test support for load/: a bare TCP server that answers HTTP/1.1 requests with a canned response and
// stalls periodically, cheap enough that the generator beside it in the same process measures the
// stall and not the server's own queue.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface StallServer {
  readonly url: string;
  /** performance.now() at which the stall pattern starts (phase 0, stalling). */
  readonly origin: number;
  requests: number;
  close(): Promise<void>;
}

const response = Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-type: text/plain\r\n\r\nok', 'latin1');

/** Every `periodMs`, hold every answer for the first `stallMs` and release them together at its end. */
export async function startStallServer(stallMs: number, periodMs: number): Promise<StallServer> {
  const sockets = new Set<Socket>();
  let held: Socket[] = [];
  let releaseTimer: NodeJS.Timeout | null = null;
  const origin = performance.now();
  const state = { requests: 0 };
  const release = () => {
    releaseTimer = null;
    const batch = held;
    held = [];
    for (const socket of batch) if (!socket.destroyed) socket.write(response);
  };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      // One request per read: the generator never pipelines.
      if (chunk.indexOf('\r\n\r\n') < 0) return;
      state.requests++;
      const phase = (performance.now() - origin) % periodMs;
      if (phase >= stallMs) return void socket.write(response);
      held.push(socket);
      releaseTimer ??= setTimeout(release, stallMs - phase);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    origin,
    get requests() {
      return state.requests;
    },
    set requests(value: number) {
      state.requests = value;
    },
    close() {
      if (releaseTimer) clearTimeout(releaseTimer);
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The true latency of requests due at `dueAt` (performance.now() ms) against the stall pattern. */
export function trueStallLatencyMs(server: StallServer, dueAt: number, stallMs: number, periodMs: number): number {
  const phase = (((dueAt - server.origin) % periodMs) + periodMs) % periodMs;
  return phase < stallMs ? stallMs - phase : 0;
}

// A bare HTTP/1.1 server on 127.0.0.1 that stalls: in every PERIOD ms it holds every answer for the first
// STALL ms and releases them together at the end of the stall. Prints its port and the epoch ms at
// which the pattern starts, so the true latency of any request can be computed from its due time.
// Usage: node stall-server.mjs [stallMs=1000] [periodMs=2000]
import { createServer } from 'node:net';

const stallMs = Number(process.argv[2] ?? 1000);
const periodMs = Number(process.argv[3] ?? 2000);
const response = Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-type: text/plain\r\n\r\nok', 'latin1');
const origin = Date.now();
let held = [];
let timer = null;
const release = () => {
  timer = null;
  const batch = held;
  held = [];
  for (const socket of batch) if (!socket.destroyed) socket.write(response);
};
const server = createServer((socket) => {
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk) => {
    // One request per read at most: load generators here do not pipeline; count every request anyway.
    let at = chunk.indexOf('\r\n\r\n');
    while (at >= 0) {
      const phase = (Date.now() - origin) % periodMs;
      if (phase >= stallMs) socket.write(response);
      else {
        held.push(socket);
        timer ??= setTimeout(release, stallMs - phase);
      }
      at = chunk.indexOf('\r\n\r\n', at + 4);
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port, origin, stallMs, periodMs })}\n`);
});
// Bounded: a benchmark helper that outlives its run stops by itself.
setTimeout(() => process.exit(0), 10 * 60_000).unref();
process.on('SIGTERM', () => process.exit(0));

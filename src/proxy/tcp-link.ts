import { connect, type Socket } from 'node:net';
import { LinkClosedError } from './abortable-sleep.js';
import type { HostPort } from './address.js';
import { faultDefinition } from './faults/registry.js';
import { attachStage, LazyAbort, rolls, type ActiveLink, type LinkHost } from './link.js';
import { Pipeline, type Sink } from './pipeline.js';
import type { Fault, LinkControl } from './types.js';

/** Resolves when the socket may take more, or when it is gone (writes after that fail fast). */
function drained(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

/** Writes chunks to a socket with backpressure; `ready` holds writes until the socket is connected. */
export function socketSink(socket: Socket, ready?: Promise<void>): Sink {
  return {
    async write(chunk) {
      await ready;
      if (socket.destroyed || !socket.writable) throw new LinkClosedError();
      if (chunk.data.length > 0 && !socket.write(chunk.data)) await drained(socket);
    },
    async end() {
      await ready;
      if (!socket.destroyed) socket.end();
    },
    // A socket buffers writes while it connects, so the fast path needs no wait; a dead one drops them.
    writeNow: (data) => socket.destroyed || !socket.writable || socket.write(data),
    drained: () => drained(socket),
  };
}

/**
 * One client connection piped to its own upstream connection, both ways, through the stages of the
 * stream faults that rolled for it. Half-closes pass through, so each direction ends on its own.
 */
export class TcpLink implements ActiveLink, LinkControl {
  readonly mode = 'tcp' as const;
  private readonly abortion = new LazyAbort();
  private readonly upstream: Socket;
  private readonly pipelines: { readonly upstream: Pipeline; readonly downstream: Pipeline };
  private closedSockets = 0;
  private isCleanedUp = false;

  constructor(
    private readonly client: Socket,
    address: HostPort,
    private readonly host: LinkHost,
  ) {
    host.count('connections');
    client.setNoDelay(true);
    this.upstream = connect({ host: address.host, port: address.port, allowHalfOpen: true });
    this.upstream.setNoDelay(true);
    const connected = new Promise<void>((resolve, reject) => {
      this.upstream.once('connect', resolve);
      this.upstream.once('error', reject);
    });
    connected.catch(() => {});
    const fail = () => this.destroy();
    this.pipelines = {
      upstream: new Pipeline(socketSink(this.upstream, connected), client, fail),
      downstream: new Pipeline(socketSink(client), this.upstream, fail),
    };
    for (const { fault, order } of host.faults()) this.faultAdded(fault, order);
    host.register(this);
    client.on('data', (data: Buffer) => {
      host.count('bytesFromClients', data.length);
      this.pipelines.upstream.pushData(data);
    });
    client.on('end', () => this.pipelines.upstream.finish());
    this.upstream.on('data', (data: Buffer) => {
      host.count('bytesFromUpstream', data.length);
      this.pipelines.downstream.pushData(data);
    });
    this.upstream.on('end', () => this.pipelines.downstream.finish());
    // An upstream that is down or breaks closes the client's connection: TCP has no way to say 502.
    for (const socket of [client, this.upstream]) {
      socket.on('error', () => this.destroy());
      socket.on('close', () => {
        if (++this.closedSockets === 2) this.cleanUp();
      });
    }
  }

  get signal(): AbortSignal {
    return this.abortion.signal;
  }

  faultAdded(fault: Fault, order: number): void {
    if (faultDefinition(fault.type)?.level === 'stream' && rolls(fault)) attachStage(fault, order, this, this.pipelines);
  }

  faultRemoved(name: string): void {
    this.pipelines.upstream.remove(name);
    this.pipelines.downstream.remove(name);
  }

  reset(): void {
    if (!this.client.destroyed) this.client.resetAndDestroy();
    this.upstream.destroy();
    this.cleanUp();
  }

  close(): void {
    this.upstream.destroy();
    // destroySoon flushes what was already written (limit_data's last bytes), then closes.
    this.client.destroySoon();
    this.abortion.abort();
  }

  destroy(): void {
    this.client.destroy();
    this.upstream.destroy();
    this.cleanUp();
  }

  private cleanUp(): void {
    if (this.isCleanedUp) return;
    this.isCleanedUp = true;
    this.abortion.abort();
    this.pipelines.upstream.dispose();
    this.pipelines.downstream.dispose();
    this.host.unregister(this);
  }
}

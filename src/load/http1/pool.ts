import { performance } from 'node:perf_hooks';
import type { TransportErrorCode } from '../../http/types.js';
import { Connection, type ConnectionOwner } from './connection.js';
import type { PreparedRequest, TargetAddress } from './request-bytes.js';
import type { ResponseEnd } from '../../http/wire/response-parser.js';

/** One iteration: which prepared request, and when it was due (performance.now() ms). */
export interface Job {
  readonly request: number;
  readonly dueAt: number;
}

export interface PoolOptions {
  readonly address: TargetAddress;
  readonly requests: readonly PreparedRequest[];
  readonly maxConnections: number;
  readonly connectTimeoutMs: number;
  /** From a job's due time to its last byte; older jobs fail with TIMEOUT_TOTAL. */
  readonly timeoutMs: number;
  /** Called once per submitted job: a status, or an error code (then status 0). */
  readonly onDone: (job: Job, status: number, error: TransportErrorCode | null, bytes: number, now: number) => void;
}

/**
 * Connections to one origin, each with at most one request in flight (no pipelining, so a slow
 * response holds up nothing but itself). Jobs wait in FIFO order for a free connection; the wait
 * counts towards their latency because latency is measured from the due time.
 */
export class Http1Pool implements ConnectionOwner {
  private readonly idle: Connection[] = [];
  private readonly connections = new Set<Connection>();
  private queue: Job[] = [];
  private queueHead = 0;
  private inFlightCount = 0;
  private isClosed = false;

  constructor(private readonly options: PoolOptions) {}

  /** Jobs sent and not finished plus jobs waiting for a connection. */
  get pending(): number {
    return this.inFlightCount + this.queue.length - this.queueHead;
  }

  get openConnections(): number {
    return this.connections.size;
  }

  submit(job: Job): void {
    const connection = this.idle.pop();
    if (connection) return this.start(connection, job);
    this.queue.push(job);
    if (this.connections.size < this.options.maxConnections) this.open();
  }

  /** Fail jobs past their deadline: drop their connections, and those still waiting in the queue. */
  sweep(now = performance.now()): void {
    const deadline = now - this.options.timeoutMs;
    for (const connection of this.connections) {
      const job = connection.inFlight as Job | null;
      if (job && job.dueAt < deadline) connection.fail('TIMEOUT_TOTAL');
    }
    while (this.queueHead < this.queue.length && this.queue[this.queueHead]!.dueAt < deadline) {
      this.options.onDone(this.shift()!, 0, 'TIMEOUT_TOTAL', 0, now);
    }
  }

  close(): void {
    this.isClosed = true;
    for (const connection of this.connections) connection.close();
    this.connections.clear();
    this.idle.length = 0;
  }

  connected(connection: Connection): void {
    this.next(connection);
  }

  responded(connection: Connection, end: ResponseEnd, request: unknown): void {
    this.inFlightCount--;
    if (!end.isKeepAlive) this.connections.delete(connection);
    this.options.onDone(request as Job, end.status, null, end.bytes, performance.now());
    if (end.isKeepAlive) this.next(connection);
    else if (this.pending > this.inFlightCount && this.connections.size < this.options.maxConnections) this.open();
  }

  lost(connection: Connection, code: TransportErrorCode | null, request: unknown): void {
    if (!this.connections.delete(connection)) return;
    const at = this.idle.indexOf(connection);
    if (at >= 0) this.idle.splice(at, 1);
    const job = request as Job | null;
    const now = performance.now();
    if (job) {
      this.inFlightCount--;
      this.options.onDone(job, 0, code ?? 'CONNECTION_RESET', 0, now);
    } else if (!connection.isConnected && code) {
      // The connection never came up: the oldest waiting job pays for it, so a refusing target fails
      // jobs one by one instead of being retried forever.
      const waiting = this.shift();
      if (waiting) this.options.onDone(waiting, 0, code, 0, now);
    }
    if (!this.isClosed && this.queue.length > this.queueHead && this.connections.size < this.options.maxConnections) this.open();
  }

  private next(connection: Connection): void {
    if (this.isClosed) return connection.close();
    const job = this.shift();
    if (job) this.start(connection, job);
    else this.idle.push(connection);
  }

  private start(connection: Connection, job: Job): void {
    const request = this.options.requests[job.request]!;
    this.inFlightCount++;
    connection.send(request.bytes, request.isHead, job);
  }

  private shift(): Job | undefined {
    if (this.queueHead >= this.queue.length) return undefined;
    const job = this.queue[this.queueHead++];
    // Compact now and then so the array does not grow for the whole run.
    if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.queueHead);
      this.queueHead = 0;
    }
    return job;
  }

  private open(): void {
    if (this.isClosed) return;
    this.connections.add(new Connection(this, this.options.address, this.options.connectTimeoutMs));
  }
}

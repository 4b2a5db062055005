import { performance } from 'node:perf_hooks';
import { LinkClosedError } from './abortable-sleep.js';
import type { Chunk, Stage } from './types.js';

/** Where a direction's chunks end up: a socket, an upstream request, a server response. */
export interface Sink {
  write(chunk: Chunk): Promise<void>;
  end(): Promise<void>;
  /** Optional fast path: write at once; false when the sink is full and `drained()` must be awaited. */
  writeNow?(data: Buffer): boolean;
  drained?(): Promise<void>;
}

/** The side that produces chunks; paused while too much waits in the pipeline. */
export interface Source {
  pause(): void;
  resume(): void;
}

// A slow stage (bandwidth, latency) must slow the sender down rather than buffer without bound.
const highWaterBytes = 1024 * 1024;
const lowWaterBytes = 256 * 1024;

/**
 * One direction of one link: chunks go through the active faults' stages in order, then to the sink.
 * Stages can be added and removed while data flows (faults toggled live); a chunk already inside the
 * chain finishes with the stages it started with.
 */
export class Pipeline {
  private stages: { readonly name: string; readonly order: number; readonly stage: Stage }[] = [];
  private readonly queue: Chunk[] = [];
  private queuedBytes = 0;
  private isPaused = false;
  private isEnding = false;
  private isEnded = false;
  private isRunning = false;

  constructor(
    private readonly sink: Sink,
    private readonly source: Source,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  /** Put a fault's stage in the chain; stages act in `order` (the order their faults were added). */
  add(name: string, stage: Stage, order: number): void {
    this.stages = [...this.stages, { name, order, stage }].sort((a, b) => a.order - b.order);
  }

  /** Take a fault's stage out; it lets go of anything it holds. */
  remove(name: string): void {
    for (const entry of this.stages.filter((s) => s.name === name)) entry.stage.dispose?.();
    this.stages = this.stages.filter((s) => s.name !== name);
  }

  has(name: string): boolean {
    return this.stages.some((s) => s.name === name);
  }

  /** Bytes as read from the source: written straight through when no fault acts on this direction. */
  pushData(data: Buffer): void {
    if (this.isEnding) return;
    // No fault on this direction and nothing queued: hand the bytes over at once, as a pipe would.
    if (this.stages.length === 0 && !this.isRunning && this.queue.length === 0 && this.sink.writeNow && this.sink.drained) {
      if (!this.sink.writeNow(data)) {
        this.isRunning = true;
        this.source.pause();
        void this.sink.drained().then(() => {
          this.isRunning = false;
          this.source.resume();
          void this.run();
        });
      }
      return;
    }
    this.push({ data, arrivedAt: performance.now() });
  }

  push(chunk: Chunk): void {
    if (this.isEnding) return;
    this.queue.push(chunk);
    this.queuedBytes += chunk.data.length;
    if (!this.isPaused && this.queuedBytes > highWaterBytes) {
      this.isPaused = true;
      this.source.pause();
    }
    void this.run();
  }

  /** The source ended: once the queue drains, stages get their say (slow_close) and the sink ends. */
  finish(): void {
    this.isEnding = true;
    void this.run();
  }

  /** The link is gone: every stage lets go. */
  dispose(): void {
    for (const entry of this.stages) entry.stage.dispose?.();
    this.stages = [];
    this.queue.length = 0;
  }

  private async run(): Promise<void> {
    if (this.isRunning || this.isEnded) return;
    this.isRunning = true;
    try {
      while (this.queue.length > 0) {
        const chunk = this.queue.shift()!;
        this.queuedBytes -= chunk.data.length;
        if (this.isPaused && this.queuedBytes < lowWaterBytes) {
          this.isPaused = false;
          this.source.resume();
        }
        await this.through(chunk, 0, this.stages);
      }
      if (this.isEnding) {
        this.isEnded = true;
        for (const entry of this.stages) await entry.stage.end?.();
        await this.sink.end();
      }
    } catch (error) {
      this.isEnded = true;
      if (!(error instanceof LinkClosedError)) this.onFailure(error);
    } finally {
      this.isRunning = false;
    }
  }

  private through(chunk: Chunk, index: number, stages: readonly { readonly stage: Stage }[]): Promise<void> {
    const entry = stages[index];
    if (!entry) return this.sink.write(chunk);
    return entry.stage.write(chunk, (next) => this.through(next, index + 1, stages));
  }
}

import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { TransportErrorCode } from '../types.js';
import { createDecoders } from './decompress.js';

type Stage = Transform | ((source: AsyncIterable<Buffer>) => AsyncIterable<Buffer> | Promise<void>);
// Node's typings for pipeline() do not cover a variable number of mixed stream and function stages.
const runPipeline = pipeline as unknown as (
  stages: [Readable, ...Stage[]],
  options: { signal?: AbortSignal },
) => Promise<void>;

/** Raised inside the read pipeline when a byte budget is exhausted; the pipeline then destroys the socket. */
export class BodyLimitError extends Error {
  readonly code: Extract<TransportErrorCode, 'BODY_TOO_LARGE' | 'DECOMPRESSION_BOMB'>;

  constructor(code: BodyLimitError['code'], message: string) {
    super(message);
    this.name = 'BodyLimitError';
    this.code = code;
  }
}

export interface BodyLimits {
  /** Bytes kept for evidence and parsing. */
  readonly maxBodyBytes: number;
  /** Bytes read off the wire (kept or discarded) before the connection is destroyed. */
  readonly maxReadBytes: number;
  /** Bytes produced by decompression before the body counts as a bomb. */
  readonly maxDecompressedBytes: number;
}

export interface BoundedBody {
  /** The first `maxBodyBytes` decoded bytes. */
  readonly kept: Buffer;
  /** Decoded bytes read, kept or not. */
  readonly bodyBytes: number;
  /** True when `kept` is not the whole body: bytes were dropped or reading stopped early. */
  readonly isTruncated: boolean;
  /** Set when the body was encoded with a coding we do not decode; `kept` is then the raw bytes. */
  readonly undecodedEncoding?: string;
  /** Why reading stopped early (a BodyLimitError, a socket error, an abort...). */
  readonly error?: unknown;
}

/** A pipeline stage that passes bytes through and throws once more than `maxBytes` went by. */
export function limitBytes(maxBytes: number, code: BodyLimitError['code']) {
  return async function* limitedBytes(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let total = 0;
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) {
        throw new BodyLimitError(code, code === 'BODY_TOO_LARGE'
          ? `response body exceeded ${maxBytes} bytes; connection closed`
          : `decompressed body exceeded ${maxBytes} bytes; connection closed`);
      }
      yield chunk;
    }
  };
}

/** Collects the head of a stream and counts (then drops) the rest, so memory stays at `maxBytes`. */
function keepHead(maxBytes: number) {
  const chunks: Buffer[] = [];
  const state = { keptBytes: 0, totalBytes: 0 };
  function add(chunk: Buffer): void {
    state.totalBytes += chunk.length;
    const room = maxBytes - state.keptBytes;
    if (room <= 0) return;
    // Copy a partial slice so the big chunk behind it can be collected.
    const piece = chunk.length <= room ? chunk : Buffer.from(chunk.subarray(0, room));
    chunks.push(piece);
    state.keptBytes += piece.length;
  }
  async function consume(source: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of source) add(chunk);
  }
  return { add, consume, chunks, state };
}

type Head = ReturnType<typeof keepHead>;

/**
 * The common case, an unencoded body, without pipeline(): its per-call AbortController and stream
 * plumbing cost more than the whole read of a small JSON body. A deadline abort destroys `body`, which
 * ends the loop with the abort reason.
 */
async function readPlain(body: Readable, maxReadBytes: number, head: Head): Promise<unknown> {
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (head.state.totalBytes + chunk.length > maxReadBytes) {
        throw new BodyLimitError('BODY_TOO_LARGE', `response body exceeded ${maxReadBytes} bytes; connection closed`);
      }
      head.add(chunk);
    }
    return undefined;
  } catch (error) {
    // Leaving the loop early already destroyed the stream (and so the socket); this covers other paths.
    body.destroy();
    return error;
  }
}

async function readDecoded(body: Readable, decoders: Transform[], limits: BodyLimits, head: Head, signal?: AbortSignal): Promise<unknown> {
  const stages: Stage[] = [
    limitBytes(limits.maxReadBytes, 'BODY_TOO_LARGE'),
    ...decoders,
    limitBytes(limits.maxDecompressedBytes, 'DECOMPRESSION_BOMB'),
  ];
  try {
    await runPipeline([body, ...stages, head.consume], signal ? { signal } : {});
    return undefined;
  } catch (error) {
    return error;
  }
}

/**
 * Reads a response body within byte budgets and an abort signal. Never throws: what was read is returned
 * with the reason reading stopped, because a partial body is evidence too.
 */
export async function readBoundedBody(
  body: Readable,
  contentEncoding: string | undefined,
  limits: BodyLimits,
  signal?: AbortSignal,
): Promise<BoundedBody> {
  const decoders = createDecoders(contentEncoding);
  const head = keepHead(limits.maxBodyBytes);
  const error =
    decoders && decoders.length > 0
      ? await readDecoded(body, decoders, limits, head, signal)
      : await readPlain(body, limits.maxReadBytes, head);
  const { keptBytes, totalBytes } = head.state;
  return {
    kept: head.chunks.length === 1 ? head.chunks[0]! : Buffer.concat(head.chunks, keptBytes),
    bodyBytes: totalBytes,
    isTruncated: totalBytes > keptBytes || error !== undefined,
    ...(decoders === null ? { undecodedEncoding: contentEncoding } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}

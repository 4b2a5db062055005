import type { Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** What the client asks for when the caller did not set `accept-encoding` itself. */
export const defaultAcceptEncoding = 'gzip, deflate, br';

// Lenient flushing, as browsers and undici's fetch do: a body cut short still yields what was decoded,
// and the transport error (if any) is reported on its own instead of as a zlib error.
const zlibOptions = { finishFlush: constants.Z_SYNC_FLUSH };
const brotliOptions = { finishFlush: constants.BROTLI_OPERATION_FLUSH };

const decoderFactories: Record<string, () => Transform> = {
  gzip: () => createGunzip(zlibOptions),
  'x-gzip': () => createGunzip(zlibOptions),
  deflate: () => createInflate(zlibOptions),
  br: () => createBrotliDecompress(brotliOptions),
};

/** Codings listed in a content-encoding header, in the order they were applied. */
export function parseContentEncoding(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
}

/**
 * Streaming decoders for a content-encoding header, outermost first (RFC 9110 §8.4: codings are
 * listed in the order applied, so they are undone in reverse). Returns null when a coding is unknown
 * (e.g. zstd): the body is then kept as received rather than guessed at.
 */
export function createDecoders(contentEncoding: string | undefined): Transform[] | null {
  const codings = parseContentEncoding(contentEncoding);
  const decoders: Transform[] = [];
  for (const coding of codings.reverse()) {
    const factory = decoderFactories[coding];
    if (!factory) return null;
    decoders.push(factory());
  }
  return decoders;
}

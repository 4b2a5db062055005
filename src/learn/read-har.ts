import { createReadStream } from 'node:fs';
import { FaultlineError } from '../core/errors.js';
import { sampleFromEntry, type SkipReason } from './har-entry.js';
import { HarScanner } from './har-scanner.js';
import type { TrafficSample } from './types.js';

/**
 * The largest single entry read (64 MB): one entry is decoded to one string and parsed, and a HAR entry
 * is mostly its response body. A larger entry (a video, a database dump) is skipped and counted, so a
 * HAR of any size is read with at most this much entry text and one 1 MB read chunk in memory.
 */
export const defaultMaxEntryBytes = 64 * 1024 * 1024;

export type HarItem = { readonly sample: TrafficSample } | { readonly skipped: SkipReason };

/** Every entry of a HAR 1.2 file, in order, read incrementally. Malformed files throw E_HAR_INVALID. */
export async function* readHar(file: string, options: { maxEntryBytes?: number } = {}): AsyncGenerator<HarItem> {
  const scanner = new HarScanner(file, options.maxEntryBytes ?? defaultMaxEntryBytes);
  const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of stream) {
      for (const entry of scanner.feed(chunk as Buffer)) {
        if (entry.raw === null) {
          yield { skipped: 'too-large' };
          continue;
        }
        const sample = sampleFromEntry(scanner.parse(entry), entry.index, file, entry.line);
        yield typeof sample === 'string' ? { skipped: sample } : { sample };
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FaultlineError('E_HAR_INVALID', 'HAR file not found', { location: { file }, cause: error });
    if (code === 'EISDIR' || code === 'EACCES') throw new FaultlineError('E_HAR_INVALID', `cannot read the HAR file (${code})`, { location: { file }, cause: error });
    throw error;
  } finally {
    stream.destroy();
  }
  scanner.end();
}

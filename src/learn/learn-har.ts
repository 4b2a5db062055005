import type { Learner } from './learner.js';
import { readHar } from './read-har.js';

/** Feed every entry of these HAR files to the learner, file by file, entry by entry. */
export async function learnFromHars(files: readonly string[], learner: Learner, options: { maxEntryBytes?: number } = {}): Promise<void> {
  for (const file of files) {
    for await (const item of readHar(file, options)) {
      if ('sample' in item) learner.add(item.sample);
      else learner.skip(item.skipped);
    }
  }
}

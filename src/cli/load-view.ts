import type { Progress } from '../load/recorder.js';
import { bucketValueMs } from '../load/timeline.js';

const plainEveryMs = 5000;

function windowPercentile(window: readonly number[], percentile: number): number | null {
  const total = window.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((percentile / 100) * total));
  let seen = 0;
  for (let bucket = 0; bucket < window.length; bucket++) {
    seen += window[bucket]!;
    if (seen >= rank) return bucketValueMs(bucket);
  }
  return null;
}

const ms = (value: number | null) => (value === null ? '-' : value >= 1000 ? `${(value / 1000).toFixed(2)}s` : `${value.toFixed(value < 10 ? 1 : 0)}ms`);

/**
 * The live view of a load run on stderr: a redrawn line on a TTY (elapsed and a progress bar, the
 * current rate, p50/p90/p99 of the last interval, errors, drops, requests in flight); a plain line
 * every 5 s otherwise, so CI logs stay short.
 */
export function createLoadView(totalMs: number, stream: NodeJS.WriteStream = process.stderr): { update(progress: Progress): void; done(): void } {
  const isTty = Boolean(stream.isTTY);
  let previous: { at: number; completed: number } | null = null;
  // The first plain line comes after one interval: a run that fails at once prints only its error.
  let lastPlain = Date.now();
  let hasDrawn = false;
  return {
    update(progress) {
      const now = Date.now();
      const rate = previous && now > previous.at ? ((progress.completed - previous.completed) * 1000) / (now - previous.at) : 0;
      previous = { at: now, completed: progress.completed };
      const elapsed = Math.max(0, Math.min(progress.elapsedMs, totalMs));
      const fraction = totalMs > 0 ? elapsed / totalMs : 1;
      const width = 20;
      const filled = Math.round(fraction * width);
      const errorRate = progress.completed > 0 ? (progress.failed / progress.completed) * 100 : 0;
      const text = `${(elapsed / 1000).toFixed(1)}s/${(totalMs / 1000).toFixed(0)}s [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(rate)}/s  p50 ${ms(windowPercentile(progress.window, 50))} p90 ${ms(windowPercentile(progress.window, 90))} p99 ${ms(windowPercentile(progress.window, 99))}  requests ${progress.completed}  errors ${errorRate.toFixed(1)}%  dropped ${progress.dropped}  in flight ${progress.pending}`;
      if (isTty) {
        stream.write(`\r\x1b[2Kfaultline load ${text}`);
        hasDrawn = true;
      } else if (now - lastPlain >= plainEveryMs) {
        lastPlain = now;
        stream.write(`faultline: load ${text}\n`);
      }
    },
    done() {
      if (isTty && hasDrawn) stream.write('\r\x1b[2K');
    },
  };
}

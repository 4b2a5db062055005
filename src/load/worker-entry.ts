// The body of a generator thread: runs one share and posts progress and the result to its parent.
import { parentPort, workerData } from 'node:worker_threads';
import { runShare, type RunShareOptions } from './run-share.js';

interface ThreadInput {
  readonly plan: RunShareOptions['plan'];
  readonly share: RunShareOptions['share'];
  readonly startAt: number;
  readonly progressIntervalMs: number;
}

const input = workerData as ThreadInput;
const controller = new AbortController();
parentPort?.on('message', (message: { type: string }) => {
  if (message.type === 'stop') controller.abort();
});
const result = await runShare({
  ...input,
  signal: controller.signal,
  onProgress: (progress) => parentPort?.postMessage({ type: 'progress', progress }),
});
parentPort?.postMessage({ type: 'result', result });

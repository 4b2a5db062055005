import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../core/logger.js';
import type { MonitorService } from './monitor-service.js';

export interface CheckQueueOptions {
  readonly redisUrl: string;
  readonly service: MonitorService;
  readonly logger: Logger;
  /** Key prefix in Redis, so several faultline installations can share one Redis. */
  readonly prefix?: string;
  /** Checks one worker runs at once. Default 50. */
  readonly concurrency?: number;
}

interface CheckJob {
  readonly monitorId: number;
  readonly plannedAt: number;
}

const queueName = 'faultline-checks';

/**
 * Workers share checks through one BullMQ queue. Every worker plans every monitor on the same epoch
 * grid and enqueues each slot with the job id `monitor-slot`; BullMQ keeps one job per id, so a slot
 * runs once across all workers, on whichever worker takes it first.
 */
export async function startCheckQueue(options: CheckQueueOptions): Promise<{ close(): Promise<void> }> {
  const prefix = options.prefix ?? 'faultline';
  const producer = new Redis(options.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  const consumer = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  for (const connection of [producer, consumer]) connection.on('error', (error) => options.logger.warn('redis connection error', { reason: error.message }));
  const queue = new Queue<CheckJob>(queueName, { connection: producer, prefix });
  const worker = new Worker<CheckJob>(queueName, async (job) => options.service.runQueued(job.data.monitorId, job.data.plannedAt), {
    connection: consumer,
    prefix,
    concurrency: options.concurrency ?? 50,
  });
  worker.on('failed', (job, error) => options.logger.warn('queued check failed', { job: job?.id, reason: error.message }));
  await Promise.all([queue.waitUntilReady(), worker.waitUntilReady()]);
  options.service.setDispatch(async (monitorId, plannedAt) => {
    await queue.add(
      'check',
      { monitorId, plannedAt },
      // Completed ids are kept for an hour: long enough that a late worker's add of the same slot is a no-op.
      { jobId: `${monitorId}-${plannedAt}`, removeOnComplete: { age: 3600 }, removeOnFail: { age: 3600 } },
    );
  });
  return {
    async close() {
      options.service.setDispatch(undefined);
      await worker.close();
      await queue.close();
      producer.disconnect();
      consumer.disconnect();
    },
  };
}

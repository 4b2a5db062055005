import { describe, expect, it } from 'vitest';
import { SlowQueue } from './slow-queue.js';

describe('SlowQueue', () => {
  it('tells each job how many jobs were queued ahead of it', async () => {
    const queue = new SlowQueue(1);
    const ahead = await Promise.all([queue.run(), queue.run(), queue.run()]);
    expect(ahead).toEqual([0, 1, 2]);
  });

  it('releases every waiting job when closed, however long the work would take', async () => {
    const queue = new SlowQueue(3_600_000);
    const jobs = Promise.all([queue.run(), queue.run(), queue.run()]);
    await new Promise((resolve) => setImmediate(resolve));
    queue.close();
    await expect(jobs).resolves.toEqual([0, 1, 2]);
    await expect(queue.run()).resolves.toBe(0);
  });
});

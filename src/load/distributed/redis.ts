import { Redis } from 'ioredis';
import { FaultlineError } from '../../core/errors.js';

/**
 * A Redis connection for BullMQ, checked with a PING before use so a wrong URL is one clear error
 * within `connectTimeoutMs` instead of endless reconnect attempts.
 */
export async function connectRedis(url: string, field: string, connectTimeoutMs = 3000): Promise<Redis> {
  if (!/^rediss?:\/\//i.test(url)) throw new FaultlineError('E_USAGE', `expected a redis:// URL (got '${url}')`, { location: { field } });
  // BullMQ workers need maxRetriesPerRequest: null (their blocking commands must not give up).
  const redis = new Redis(url, { maxRetriesPerRequest: null, connectTimeout: connectTimeoutMs, retryStrategy: (times) => Math.min(times * 200, 2000) });
  redis.on('error', () => {
    // Reported through the PING below or through BullMQ; without a listener ioredis prints to stderr.
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${connectTimeoutMs} ms`)), connectTimeoutMs);
      }),
    ]);
    return redis;
  } catch (error) {
    redis.disconnect();
    throw new FaultlineError('E_TARGET_UNREACHABLE', `cannot reach Redis at ${url}: ${error instanceof Error ? error.message : String(error)}`, { location: { field }, cause: error });
  } finally {
    clearTimeout(timer);
  }
}

import { Command } from 'commander';
import type { Logger } from '../../core/logger.js';
import { defaultQueueName } from '../../load/distributed/jobs.js';
import { startLoadWorker } from '../../load/distributed/worker.js';

function stderrLogger(): Logger {
  const write = (level: string) => (message: string) => process.stderr.write(`faultline worker: ${level === 'info' ? '' : `${level}: `}${message}\n`);
  const logger: Logger = { debug() {}, info: write('info'), warn: write('warn'), error: write('error'), child: () => logger };
  return logger;
}

export function workerCommand(): Command {
  return new Command('worker')
    .description('take shares of distributed `faultline load --workers` runs from Redis and generate their load')
    .requiredOption('--redis <url>', 'Redis URL shared with `faultline load --workers`, e.g. redis://127.0.0.1:6379')
    .option('--queue <name>', 'BullMQ queue name', defaultQueueName)
    .option('--max-jobs <n>', 'exit after this many shares')
    .action(async (flags: { redis: string; queue: string; maxJobs?: string }) => {
      const logger = stderrLogger();
      const maxJobs = flags.maxJobs === undefined ? undefined : Number(flags.maxJobs);
      const worker = await startLoadWorker({ redisUrl: flags.redis, queueName: flags.queue, logger, ...(maxJobs && maxJobs > 0 ? { maxJobs } : {}) });
      logger.info(`listening on queue '${flags.queue}' at ${flags.redis}`);
      const stop = () => void worker.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await worker.stopped;
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
    });
}

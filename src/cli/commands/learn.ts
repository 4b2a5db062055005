import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { stringify } from 'yaml';
import { FaultlineError } from '../../core/errors.js';
import { learnFromHars } from '../../learn/learn-har.js';
import { Learner } from '../../learn/learner.js';
import { formatSummary } from '../../learn/summary.js';
import { toOpenApi } from '../../learn/to-openapi.js';
import { collect } from '../options.js';

interface LearnFlags {
  har: string[];
  out?: string;
  title?: string;
}

export function learnCommand(): Command {
  return new Command('learn')
    .description('learn an OpenAPI 3.1 description from real traffic (HAR files), for APIs that have none or whose spec drifted')
    .option('--har <file>', 'a HAR 1.2 file, as browsers and proxies export it (repeatable)', collect, [])
    .option('-o, --out <file>', 'where the description goes (default: stdout)')
    .option('--title <title>', 'info.title of the description')
    .action(async (options: LearnFlags) => {
      if (options.har.length === 0) throw new FaultlineError('E_USAGE', 'no traffic: pass --har file.har (repeatable)', { location: { field: '--har' } });
      const learner = new Learner();
      await learnFromHars(options.har, learner);
      const learnt = toOpenApi(learner.finish(), options.title !== undefined ? { title: options.title } : {});
      const yaml = stringify(learnt.document, { lineWidth: 0, aliasDuplicateObjects: false });
      if (options.out) await writeFile(options.out, yaml);
      else process.stdout.write(yaml);
      process.stderr.write(formatSummary(learnt.summary, options.out));
    });
}

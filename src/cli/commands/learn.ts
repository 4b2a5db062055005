import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { stringify } from 'yaml';
import { FaultlineError } from '../../core/errors.js';
import { parseDurationMs } from '../../core/units.js';
import { HarWriter } from '../../learn/har-writer.js';
import { learnFromHars } from '../../learn/learn-har.js';
import { Learner } from '../../learn/learner.js';
import { startRecordingProxy } from '../../learn/recording-proxy.js';
import { formatSummary } from '../../learn/summary.js';
import { toOpenApi } from '../../learn/to-openapi.js';
import { driftReport } from '../../learn/drift.js';
import { loadSpec, specFromObject } from '../../spec/load.js';
import { exitCodeFor, parseFailOn } from '../exit.js';
import { collect } from '../options.js';
import { emitReport, parseFormat } from '../output.js';

interface LearnFlags {
  har: string[];
  listen?: string;
  upstream?: string;
  duration?: string;
  saveHar?: string;
  out?: string;
  title?: string;
  against?: string;
  format: string;
  report?: string;
  failOn: string;
  color: boolean;
  verbose: boolean;
}

/** Record through the proxy until Ctrl-C, SIGTERM or the duration, feeding the learner as traffic flows. */
async function record(options: LearnFlags, learner: Learner): Promise<void> {
  if (!options.listen) throw new FaultlineError('E_USAGE', 'missing: where the recording proxy listens, e.g. --listen 127.0.0.1:8088', { location: { field: '--listen' } });
  if (!options.upstream) throw new FaultlineError('E_USAGE', 'missing: the API to record, e.g. --upstream http://127.0.0.1:3000', { location: { field: '--upstream' } });
  const durationMs = options.duration !== undefined ? parseDurationMs(options.duration, '--duration') : undefined;
  const writer = options.saveHar ? new HarWriter(options.saveHar) : undefined;
  const proxy = await startRecordingProxy({
    listen: options.listen,
    upstream: options.upstream,
    onSample(sample, timing) {
      learner.add(sample);
      writer?.add(sample, timing);
    },
  });
  process.stderr.write(`faultline: recording on ${proxy.url} → ${options.upstream}; point clients at it, then ${durationMs !== undefined ? `wait ${options.duration} or ` : ''}press Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      clearTimeout(timer);
      resolve();
    };
    const timer = durationMs !== undefined ? setTimeout(stop, durationMs) : undefined;
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await proxy.close();
  await writer?.close();
  process.stderr.write(`faultline: recorded ${proxy.recorded()} exchange${proxy.recorded() === 1 ? '' : 's'}${writer ? ` (HAR written to ${writer.file})` : ''}\n`);
}

export function learnCommand(): Command {
  return new Command('learn')
    .description('learn an OpenAPI 3.1 description from real traffic (HAR files or a recording proxy), for APIs that have none or whose spec drifted')
    .option('--har <file>', 'a HAR 1.2 file, as browsers and proxies export it (repeatable)', collect, [])
    .option('--listen <host:port>', 'record through a proxy listening here (loopback only); point clients at it')
    .option('--upstream <url>', 'the API the recording proxy forwards to, e.g. http://127.0.0.1:3000')
    .option('--duration <duration>', 'stop recording after this long (e.g. 10m); default: at Ctrl-C')
    .option('--save-har <file>', 'also write the recorded traffic as a HAR file (credentials redacted)')
    .option('-o, --out <file>', 'where the description goes (default: stdout)')
    .option('--title <title>', 'info.title of the description')
    .option('--against <spec>', 'compare the traffic with this published description and report the drift (poor-design-docs findings)')
    .option('-f, --format <format>', 'with --against: stdout format of the report: terminal, json, html, junit, sarif', 'terminal')
    .option('--report <dir>', 'with --against: also write report.json, report.html, junit.xml and report.sarif here')
    .option('--fail-on <severity>', 'with --against: exit 1 when a finding reaches this severity', 'none')
    .option('--no-color', 'no ANSI colours')
    .option('-v, --verbose', 'list every finding in the terminal output', false)
    .action(async (options: LearnFlags) => {
      const failOn = parseFailOn(options.failOn);
      if (options.against !== undefined) parseFormat(options.format);
      const isRecording = options.listen !== undefined || options.upstream !== undefined;
      if (options.har.length === 0 && !isRecording) {
        throw new FaultlineError('E_USAGE', 'no traffic: pass --har file.har (repeatable), or --listen and --upstream to record', { location: { field: '--har' } });
      }
      // Read before the traffic, so a broken published description costs no recording session.
      const published = options.against !== undefined ? await loadSpec(options.against) : undefined;
      const startedAt = new Date().toISOString();
      const learner = new Learner();
      await learnFromHars(options.har, learner);
      if (isRecording) await record(options, learner);
      const traffic = learner.finish();
      const learnt = toOpenApi(traffic, options.title !== undefined ? { title: options.title } : {});
      const yaml = stringify(learnt.document, { lineWidth: 0, aliasDuplicateObjects: false });
      if (options.out) await writeFile(options.out, yaml);
      // With --against, stdout carries the report; the description is written only where --out says.
      else if (!published) process.stdout.write(yaml);
      process.stderr.write(formatSummary(learnt.summary, options.out));
      if (published) {
        const observed = specFromObject(toOpenApi(traffic, { isListingValues: true }).document, options.out ?? 'observed traffic');
        const report = driftReport(published, observed, { startedAt });
        await emitReport(report, { format: options.format, ...(options.report ? { out: options.report } : {}), color: options.color, verbose: options.verbose, failOn });
        process.exitCode = exitCodeFor(report, failOn);
      }
    });
}

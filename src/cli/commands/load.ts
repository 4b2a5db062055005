import { mkdir, rename, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import type { LoadScenarioConfig } from '../../config/load-schema.js';
import { discoverConfig, loadConfig, type LoadedConfig } from '../../config/load-config.js';
import { FaultlineError } from '../../core/errors.js';
import { Redactor, secretsFromCredentials } from '../../core/redact.js';
import { parseDurationMs } from '../../core/units.js';
import { executorDurationMs, executorFrom, parseRate } from '../../load/executor-input.js';
import { evaluateThresholds, loadFindings, loadReport } from '../../load/findings.js';
import { renderLoadHtml, renderLoadJson } from '../../load/report/load-html.js';
import { renderLoadText } from '../../load/report/load-text.js';
import type { LoadResult } from '../../load/result.js';
import { runLoad } from '../../load/run-load.js';
import { parseThreshold } from '../../load/thresholds.js';
import type { Executor, LoadPlan, RequestTemplate } from '../../load/types.js';
import type { SpecModel } from '../../spec/model.js';
import type { Role } from '../../checks/types.js';
import { createLoadView } from '../load-view.js';
import { collect } from '../options.js';

interface LoadFlags {
  config?: string;
  target?: string;
  spec?: string;
  operations?: string;
  scenario?: string;
  rate?: string;
  vus?: string;
  duration?: string;
  stages?: string;
  threshold: string[];
  method: string;
  header: string[];
  body?: string;
  connections?: string;
  maxInFlight?: string;
  timeout?: string;
  connectTimeout: string;
  iterations?: string;
  threads?: string;
  workers?: string;
  workerCount?: string;
  queue: string;
  format: string;
  out?: string;
  unsafe: boolean;
  insecure: boolean;
  allowRemoteRefs: boolean;
  showSecrets: boolean;
}

function usage(field: string, message: string): FaultlineError {
  return new FaultlineError('E_USAGE', message, { location: { field } });
}

function wholeNumber(value: string, field: string, min = 1): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) throw usage(field, `${field} must be a whole number${min > 0 ? ' above zero' : ''} (got '${value}')`);
  return n;
}

export function loadCommand(): Command {
  return new Command('load')
    .description('load test an API: open model (arrival rate) by default, latency from the scheduled time, k6-style thresholds')
    .option('-c, --config <file>', 'faultline.yaml with target, credentials and a load: section of scenarios')
    .option('--target <url>', 'base URL of the API (overrides the config)')
    .option('--spec <spec>', 'OpenAPI description, to build requests for --operations from its examples')
    .option('--operations <list>', "operations to load, e.g. 'GET /products,POST /orders' (needs --spec)")
    .option('--scenario <name>', 'run this scenario from the config')
    .option('--rate <rate>', 'open model: requests per second, e.g. 500/s (default 50/s)')
    .option('--vus <n>', 'closed model: virtual users that each wait for their response')
    .option('--duration <duration>', 'how long to run (default 30s)')
    .option('--stages <stages>', "ramp through stages, e.g. '10s:100,30s:500,10s:0' (rate, or VUs with --vus)")
    .option('--threshold <expr>', "pass/fail criterion, repeatable: 'p95<300ms', 'p(99)<1s', 'avg<200', 'errors<1%', 'rate>100/s', 'GET /x: p99<1s'", collect, [])
    .option('--method <method>', 'method when no spec operations are given', 'GET')
    .option('-H, --header <header>', "header for every request, repeatable: 'Name: value'", collect, [])
    .option('--body <body>', 'body when no spec operations are given')
    .option('--connections <n>', 'connections the generator may open (default: the peak rate, 50 to 1000; VUs in the closed model)')
    .option('--max-in-flight <n>', 'requests in flight or waiting before new ones are dropped (default 10000)')
    .option('--timeout <duration>', 'from the scheduled start of a request to its last byte (default 10s)')
    .option('--connect-timeout <duration>', 'to open a TCP connection', '3s')
    .option('--iterations <n>', 'never start more requests than this (a count bound on top of the duration)')
    .option('--threads <n>', 'generator threads (default: one per core for high rates, else 1)')
    .option('--workers <redis-url>', 'split the run across `faultline worker` processes through Redis (BullMQ)')
    .option('--worker-count <n>', 'with --workers: wait for this many workers (default: all listening)')
    .option('--queue <name>', 'BullMQ queue name shared with the workers', 'faultline-load')
    .option('-f, --format <format>', 'stdout: text or json (load.json)', 'text')
    .option('-o, --out <dir>', 'write load.json, load.html and the shared report files into this directory')
    .option('--unsafe', 'allow POST/PUT/PATCH/DELETE to a target that is not loopback', false)
    .option('--insecure', 'do not verify https certificates (a self-signed staging API; prefer NODE_EXTRA_CA_CERTS=ca.pem)', false)
    .option('--allow-remote-refs', 'follow $refs to http(s) URLs', false)
    .option('--show-secrets', 'do not redact credentials in output and reports', false)
    .action(async (flags: LoadFlags) => {
      if (flags.format !== 'text' && flags.format !== 'json') throw usage('--format', `--format must be text or json (got '${flags.format}')`);
      const thresholdSources = [...flags.threshold];
      const configFile = flags.config ?? discoverConfig(process.cwd());
      const loaded = configFile ? await loadConfig(configFile) : undefined;
      const loadSection = loaded?.config.load;
      const roles = loaded?.config.credentials ?? [];
      const scenarioName = pickScenario(flags, loaded);
      const scenario = scenarioName ? loadSection!.scenarios[scenarioName]! : undefined;
      if (scenario) thresholdSources.unshift(...(loadSection?.thresholds ?? []), ...scenario.thresholds);
      const thresholds = thresholdSources.map(parseThreshold);
      const target = flags.target ?? loadSection?.target ?? loaded?.config.target;
      if (!target) throw usage('--target', 'no target: pass --target or set target in the config');
      if (!/^https?:\/\/[^/]/i.test(target)) throw usage('--target', `target must be an http(s) URL (got '${target}')`);
      const executor = scenario ? executorFromScenario(scenario) : executorFrom({ ...(flags.rate !== undefined ? { rate: flags.rate } : {}), ...(flags.vus !== undefined ? { vus: flags.vus } : {}), ...(flags.duration !== undefined ? { duration: flags.duration } : {}), ...(flags.stages !== undefined ? { stages: flags.stages } : {}) });
      const extraHeaders = parseHeaders(flags.header);
      const needsSpec = Boolean(flags.operations) || Boolean(scenario?.requests?.some((r) => r.operation && !r.path));
      const specSource = flags.spec ?? loaded?.specSource;
      if (flags.operations && !specSource) throw usage('--spec', '--operations needs --spec (or spec in the config)');
      // Spec, engine, BullMQ and the report writers load only when a run needs them: a quick start is
      // part of the generator's cost.
      const spec: SpecModel | undefined = needsSpec && specSource ? await (await import('../../spec/load.js')).loadSpec(specSource, { allowRemoteRefs: flags.allowRemoteRefs }) : undefined;
      const templates = withHeaders(await buildTemplates(flags, scenario, scenarioName, spec, roles, target), extraHeaders);
      for (const threshold of thresholds) {
        if (threshold.operation && !templates.some((t) => t.name === threshold.operation)) {
          throw usage('--threshold', `threshold '${threshold.source}' names operation '${threshold.operation}', which this run does not send (it sends ${templates.map((t) => t.name).join(', ')})`);
        }
      }
      const plan: LoadPlan = {
        target: flags.operations || scenario?.requests ? target : originOf(target),
        requests: templates,
        executor,
        connections: flags.connections ? wholeNumber(flags.connections, '--connections') : (loadSection?.connections ?? defaultConnections(executor)),
        maxInFlight: flags.maxInFlight ? wholeNumber(flags.maxInFlight, '--max-in-flight') : (loadSection?.maxInFlight ?? 10_000),
        timeoutMs: flags.timeout !== undefined ? positiveDuration(flags.timeout, '--timeout') : (loadSection?.timeout ?? 10_000),
        connectTimeoutMs: positiveDuration(flags.connectTimeout, '--connect-timeout'),
        maxIterations: flags.iterations ? wholeNumber(flags.iterations, '--iterations') : 1_000_000_000,
        ...(flags.insecure ? { isTlsVerified: false } : {}),
      };
      if (flags.insecure && plan.target.startsWith('https:')) process.stderr.write('faultline: warning: --insecure: https certificates are not verified\n');
      const threads = flags.threads ? wholeNumber(flags.threads, '--threads') : defaultThreads(executor);
      const redactor = flags.showSecrets ? null : new Redactor(secretsFromCredentials([...roles, { name: 'header', headers: extraHeaders }]));
      if (flags.showSecrets) process.stderr.write('faultline: warning: --show-secrets: credentials appear unredacted in the output and reports\n');

      const view = createLoadView(executorDurationMs(executor));
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      let result: LoadResult;
      try {
        result = flags.workers
          ? await (await import('../../load/distributed/coordinator.js')).runDistributed({ redisUrl: flags.workers, queueName: flags.queue, ...(flags.workerCount ? { workerCount: wholeNumber(flags.workerCount, '--worker-count') } : {}), plan, isUnsafeAllowed: flags.unsafe, onProgress: view.update, signal: controller.signal, log: (line: string) => process.stderr.write(`faultline: ${line}\n`) })
          : await runLoad({ plan, threads, isUnsafeAllowed: flags.unsafe, onProgress: view.update, signal: controller.signal });
      } finally {
        view.done();
        process.removeListener('SIGINT', onSigint);
      }
      const outcomes = evaluateThresholds(result, thresholds);
      const findings = loadFindings(result, thresholds, outcomes, templates);
      const rawReport = loadReport(result, findings, spec ? { spec: { source: spec.source, ...(spec.info.title ? { title: spec.info.title } : {}), ...(spec.info.version ? { version: spec.info.version } : {}), openapi: spec.specVersion } } : {});
      const report = redactor ? redactor.report(rawReport) : rawReport;
      process.stdout.write(flags.format === 'json' ? renderLoadJson(result, outcomes) : renderLoadText(result, outcomes));
      if (flags.out) {
        const written = await writeLoadFiles(flags.out, result, outcomes);
        const { writeReports } = await import('../../report/write.js');
        written.push(...(await writeReports(report, flags.out, { failOn: 'high' })));
        process.stderr.write(`faultline: wrote ${written.join(', ')}\n`);
      }
      const failed = outcomes.filter((o) => !o.passed);
      const dead = result.contributors.filter((c) => c.status === 'dead');
      for (const outcome of failed) process.stderr.write(`faultline: threshold '${outcome.threshold}' failed: ${outcome.observedText}\n`);
      for (const worker of dead) process.stderr.write(`faultline: worker ${worker.id} died: ${worker.detail ?? 'no result'}; ${worker.lost} of its ${worker.planned} planned requests were not sent\n`);
      process.exitCode = failed.length > 0 || dead.length > 0 ? 1 : 0;
    });
}

function pickScenario(flags: LoadFlags, loaded: LoadedConfig | undefined): string | undefined {
  const scenarios = loaded?.config.load?.scenarios ?? {};
  const names = Object.keys(scenarios);
  if (flags.scenario !== undefined) {
    if (!names.includes(flags.scenario)) throw usage('--scenario', `unknown scenario '${flags.scenario}' (${names.length ? `the config has ${names.join(', ')}` : 'the config has no load scenarios'})`);
    return flags.scenario;
  }
  const hasCliLoad = flags.rate !== undefined || flags.vus !== undefined || flags.stages !== undefined || flags.operations !== undefined;
  return hasCliLoad ? undefined : names[0];
}

function executorFromScenario(scenario: LoadScenarioConfig): Executor {
  const durationMs = scenario.duration ?? 30_000;
  switch (scenario.executor) {
    case 'constant-arrival-rate':
      return { kind: 'constant-arrival-rate', ratePerSecond: parseRate(scenario.rate ?? 0, 'rate'), durationMs };
    case 'ramping-arrival-rate':
      return { kind: 'ramping-arrival-rate', startRatePerSecond: scenario.rate === undefined ? 0 : parseRate(scenario.rate, 'rate'), stages: scenario.stages!.map((s) => ({ durationMs: s.duration, target: s.target })) };
    case 'constant-vus':
      return { kind: 'constant-vus', vus: scenario.vus ?? 1, durationMs };
    case 'ramping-vus':
      return { kind: 'ramping-vus', startVus: scenario.vus ?? 0, stages: scenario.stages!.map((s) => ({ durationMs: s.duration, target: s.target })) };
  }
}

async function buildTemplates(flags: LoadFlags, scenario: LoadScenarioConfig | undefined, scenarioName: string | undefined, spec: SpecModel | undefined, roles: readonly Role[], target: string): Promise<RequestTemplate[]> {
  if (flags.operations) return (await import('../load-templates.js')).templatesForOperations(spec!, flags.operations, roles);
  if (scenario?.requests) return (await import('../load-templates.js')).templatesFromConfig(scenario.requests, spec, roles, `load.scenarios.${scenarioName}`);
  // No spec operations: the target URL itself is the request.
  const url = new URL(target);
  const method = flags.method.toUpperCase();
  return [{ name: `${method} ${url.pathname}${url.search}`, method, path: `${url.pathname}${url.search}`, headers: {}, ...(flags.body !== undefined ? { body: flags.body } : {}), weight: 1 }];
}

function originOf(target: string): string {
  return new URL(target).origin;
}

function withHeaders(templates: RequestTemplate[], headers: Readonly<Record<string, string>>): RequestTemplate[] {
  if (Object.keys(headers).length === 0) return templates;
  return templates.map((t) => ({ ...t, headers: { ...t.headers, ...headers } }));
}

function parseHeaders(values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const value of values) {
    const match = /^([^:\s]+)\s*:\s*(.*)$/.exec(value);
    if (!match) throw usage('--header', `not a header: '${value}' (use 'Name: value')`);
    headers[match[1]!.toLowerCase()] = match[2]!;
  }
  return headers;
}

function positiveDuration(flag: string, field: string): number {
  const value = parseDurationMs(flag, field);
  if (value <= 0) throw usage(field, `${field} must be above zero`);
  return value;
}

/**
 * Open model: enough connections for a second of requests at the peak rate (50 to 1000), so a server
 * that holds requests for up to a second gets them all rather than a queue in the generator. Closed
 * model: one per VU.
 */
function defaultConnections(executor: Executor): number {
  if (executor.kind === 'constant-vus') return executor.vus;
  if (executor.kind === 'ramping-vus') return Math.max(1, executor.startVus, ...executor.stages.map((s) => s.target));
  const peak = executor.kind === 'constant-arrival-rate' ? executor.ratePerSecond : Math.max(executor.startRatePerSecond, ...executor.stages.map((s) => s.target));
  return Math.min(1000, Math.max(50, Math.ceil(peak)));
}

/** One thread is plenty below a few thousand requests per second (or 64 VUs); above, use the cores. */
function defaultThreads(executor: Executor): number {
  const peak = (start: number, stages: readonly { target: number }[]) => Math.max(start, ...stages.map((s) => s.target));
  const isSmall =
    executor.kind === 'constant-arrival-rate' ? executor.ratePerSecond < 3000
    : executor.kind === 'ramping-arrival-rate' ? peak(executor.startRatePerSecond, executor.stages) < 3000
    : executor.kind === 'constant-vus' ? executor.vus < 64
    : peak(executor.startVus, executor.stages) < 64;
  return isSmall ? 1 : Math.max(1, Math.min(4, availableParallelism()));
}

async function writeLoadFiles(outDir: string, result: LoadResult, outcomes: Parameters<typeof renderLoadJson>[1]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of [['load.json', renderLoadJson(result, outcomes)], ['load.html', renderLoadHtml(result, outcomes)]] as const) {
    const file = path.join(outDir, name);
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, file);
    written.push(file);
  }
  return written;
}

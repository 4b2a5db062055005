import { Command } from 'commander';
import { FaultlineError } from '../../core/errors.js';
import { parseDurationMs } from '../../core/units.js';
import { allChecks } from '../../checks/registry.js';
import type { DependencyHandle, Role } from '../../checks/types.js';
import { discoverConfig, loadConfig } from '../../config/load-config.js';
import { Redactor, secretsFromCredentials } from '../../core/redact.js';
import type { FaultlineConfig } from '../../config/schema.js';
import { runAudit } from '../../engine/audit/audit-runner.js';
import { finalReport } from '../../engine/events.js';
import { suppressFindings, type IgnoreEntry } from '../../engine/suppress.js';
import { applyBaseline, todayUtc } from '../baseline-file.js';
import { selectChecks } from '../../engine/select.js';
import { createHttpClient } from '../../http/client.js';
import { isLoopbackUrl } from '../../http/interceptors/safety-guard.js';
import { assertReachable } from '../../http/reachability.js';
import { loadSpec } from '../../spec/load.js';
import { exitCodeFor, parseFailOn } from '../exit.js';
import { collect } from '../options.js';
import { emitReport, parseFormat } from '../output.js';
import { createProgress } from '../progress.js';
import { describeProxy, startProxies } from '../dependency-proxies.js';
import type { Report } from '../../core/finding.js';

export interface AuditRunInput {
  /** The config's `ignore:` list; findings it matches are reported as suppressed. */
  readonly ignores?: readonly IgnoreEntry[];
  readonly specSource: string;
  readonly target: string;
  readonly roles: readonly Role[];
  readonly budget: FaultlineConfig['budget'];
  readonly only: readonly string[];
  readonly skip: readonly string[];
  readonly isUnsafe: boolean;
  /** --insecure: accept any https certificate (a self-signed staging API). */
  readonly isTlsInsecure?: boolean;
  readonly isExposureProbing: boolean;
  readonly allowRemoteRefs: boolean;
  readonly seed?: number;
  /** Leave credentials in the report and output (--show-secrets). */
  readonly isShowingSecrets?: boolean;
  /** The API's dependencies behind running faultline proxies, for the dependency-failures checks. */
  readonly dependencies?: readonly DependencyHandle[];
}

/** The redactor for a run's credentials, or null (with a warning) under --show-secrets. */
export function redactorFor(roles: readonly Role[], isShowingSecrets: boolean): Redactor | null {
  if (isShowingSecrets) {
    process.stderr.write('faultline: warning: --show-secrets: credentials, cookies and tokens appear unredacted in the output and reports\n');
    return null;
  }
  return new Redactor(secretsFromCredentials(roles));
}

/** Load the spec, build the client, run the audit with progress on stderr; shared by `audit` and `demo`. */
export async function runAuditFromInput(input: AuditRunInput): Promise<Report> {
  const checks = selectChecks(allChecks, { only: input.only, skip: input.skip });
  const redactor = redactorFor(input.roles, input.isShowingSecrets ?? false);
  const spec = await loadSpec(input.specSource, { allowRemoteRefs: input.allowRemoteRefs });
  // A target that cannot be reached is one clear error, not a report of findings about silence.
  const isTlsVerified = !input.isTlsInsecure;
  await assertReachable(input.target, { connectTimeoutMs: Math.min(input.budget.timeout, 10_000), isTlsVerified });
  const client = createHttpClient({ isUnsafeAllowed: input.isUnsafe, timeoutMs: input.budget.timeout, maxBodyBytes: 64 * 1024, isTlsVerified });
  try {
    const report = await finalReport(
      runAudit({
        spec,
        client,
        target: input.target,
        roles: input.roles,
        checks,
        budget: { maxRequests: input.budget.requests, maxDurationMs: input.budget.time, timeoutMs: input.budget.timeout },
        isDestructiveAllowed: input.isUnsafe || isLoopbackUrl(input.target),
        isExposureProbing: input.isExposureProbing,
        isTlsVerified,
        ...(input.seed !== undefined ? { seed: input.seed } : {}),
        ...(input.dependencies ? { dependencies: input.dependencies } : {}),
      }),
      createProgress(process.stderr, redactor ? (text) => redactor.text(text) : undefined),
    );
    const kept = suppressFindings(report, { spec, ignores: input.ignores ?? [], today: todayUtc() });
    return redactor ? redactor.report(kept) : kept;
  } finally {
    await client.close();
  }
}

export function auditCommand(): Command {
  return new Command('audit')
    .description('probe a running API against its spec for the eleven failure causes')
    .option('-c, --config <file>', 'faultline.yaml with spec, target, credentials, dependencies, budget')
    .option('--spec <spec>', 'path or URL of the OpenAPI description (overrides the config)')
    .option('--target <url>', 'base URL of the running API (overrides the config)')
    .option('--only <ids>', 'run only these checks or causes (comma-separated, repeatable)', collect, [])
    .option('--skip <ids>', 'skip these checks or causes (comma-separated, repeatable)', collect, [])
    .option('-f, --format <format>', 'stdout format: terminal, json, html, junit, sarif, csv (the permission matrix)', 'terminal')
    .option('-o, --out <dir>', 'write report.json, report.html, junit.xml, report.sarif and permissions.csv into this directory')
    .option('--matrix', 'print the permission matrix (every role and anonymous against every operation) in the terminal', false)
    .option('--fail-on <severity>', 'exit 1 when a finding reaches this severity (critical|high|medium|low|info|none)', 'high')
    .option('--unsafe', 'allow POST/PUT/PATCH/DELETE to a target that is not loopback', false)
    .option('--insecure', 'do not verify https certificates (a self-signed staging API; prefer NODE_EXTRA_CA_CERTS=ca.pem)', false)
    .option('--no-exposure-probes', 'do not probe for sensitive paths or rate limits')
    .option('--budget-requests <n>', 'stop after this many requests (overrides budget.requests)')
    .option('--budget-time <duration>', 'stop after this long (overrides budget.time)')
    .option('--seed <n>', 'seed for input generation, to reproduce a run')
    .option('--baseline <report.json>', 'report only findings that are not in this earlier report')
    .option('--allow-remote-refs', 'follow $refs to http(s) URLs', false)
    .option('--show-secrets', 'do not redact credentials, cookies and tokens in output and reports', false)
    .option('--no-color', 'no ANSI colours')
    .option('-v, --verbose', 'list every finding in the terminal output', false)
    .action(async (options: AuditFlags) => {
      const failOn = parseFailOn(options.failOn);
      parseFormat(options.format);
      // Without --config, a faultline.yaml (or .yml/.json) in the working directory is used when present.
      const configFile = options.config ?? discoverConfig(process.cwd());
      const loaded = configFile ? await loadConfig(configFile) : undefined;
      const specSource = options.spec ?? loaded?.specSource;
      const target = options.target ?? loaded?.config.target;
      if (!specSource) throw new FaultlineError('E_USAGE', 'no spec: pass --spec or set spec in the config', { location: { field: '--spec' } });
      if (!target) throw new FaultlineError('E_USAGE', 'no target: pass --target or set target in the config', { location: { field: '--target' } });
      if (!/^https?:\/\/[^/]/i.test(target)) throw new FaultlineError('E_USAGE', `target must be an http(s) URL (got '${target}')`, { location: { field: '--target' } });
      const budget = { ...(loaded?.config.budget ?? { requests: 3000, time: 180_000, timeout: 5_000 }) };
      if (options.budgetRequests !== undefined) budget.requests = positiveInteger(options.budgetRequests, '--budget-requests');
      if (options.budgetTime !== undefined) budget.time = parseDurationMs(options.budgetTime, '--budget-time');
      // One proxy per configured dependency, at the address the API was told to call it on.
      const proxies = await startProxies(
        (loaded?.config.dependencies ?? []).map((dependency, i) => ({
          ...dependency,
          listenField: `${loaded!.file}: dependencies[${i}].listen`,
          upstreamField: `${loaded!.file}: dependencies[${i}].upstream`,
        })),
      );
      for (const proxy of proxies.proxies) process.stderr.write(`faultline: dependency through ${describeProxy(proxy)}\n`);
      const report = await runAuditFromInput({
        dependencies: proxies.handles,
        specSource,
        target,
        roles: loaded?.config.credentials ?? [],
        budget,
        only: options.only,
        skip: options.skip,
        isUnsafe: options.unsafe,
        isTlsInsecure: options.insecure,
        isExposureProbing: options.exposureProbes,
        allowRemoteRefs: options.allowRemoteRefs,
        isShowingSecrets: options.showSecrets,
        ignores: loaded?.config.ignore ?? [],
        ...(options.seed !== undefined ? { seed: positiveInteger(options.seed, '--seed') } : {}),
      }).finally(() => proxies.close()).then((found) => applyBaseline(found, options.baseline));
      await emitReport(report, { format: options.format, out: options.out, color: options.color, verbose: options.verbose, matrix: options.matrix, failOn });
      process.exitCode = exitCodeFor(report, failOn);
    });
}

function positiveInteger(value: string, field: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new FaultlineError('E_USAGE', `must be a positive whole number (got '${value}')`, { location: { field } });
  return n;
}

interface AuditFlags {
  config?: string;
  baseline?: string;
  spec?: string;
  target?: string;
  only: string[];
  skip: string[];
  format: string;
  out?: string;
  failOn: string;
  unsafe: boolean;
  insecure: boolean;
  exposureProbes: boolean;
  budgetRequests?: string;
  budgetTime?: string;
  seed?: string;
  allowRemoteRefs: boolean;
  showSecrets: boolean;
  color: boolean;
  verbose: boolean;
  matrix: boolean;
}

import type { Finding, Report } from '../../core/finding.js';
import { coverageSummary, lowCoverageWarning } from '../../core/coverage.js';
import { anonymousPrincipal } from '../../core/permission-matrix.js';
import { faultlineVersion } from '../../core/version.js';
import type { AnyCheck, Check, DependencyHandle, Role } from '../../checks/types.js';
import type { HttpClient } from '../../http/types.js';
import type { SpecModel } from '../../spec/model.js';
import type { EngineEvent } from '../events.js';
import { FindingDeduplicator, toFinding } from '../findings.js';
import { collectLintFindings, specSummary } from '../lint-runner.js';
import { RequestBudget } from './budget.js';
import { examplesPhase, explorePhase, fuzzPhase, negativePhase, orderForTraffic, Reacher, reachPhase } from './phases.js';
import { AuditSession } from './services.js';
import { reportMatrix } from './permission-matrix.js';

export interface AuditOptions {
  readonly spec: SpecModel;
  readonly client: HttpClient;
  readonly target: string;
  readonly roles: readonly Role[];
  readonly checks: readonly AnyCheck[];
  readonly budget: { readonly maxRequests: number; readonly maxDurationMs: number; readonly timeoutMs: number };
  /** Destructive methods may be sent (the target is loopback, or the user passed --unsafe). */
  readonly isDestructiveAllowed: boolean;
  readonly isExposureProbing: boolean;
  /** False under --insecure: https certificates are not verified (the client was built that way too). */
  readonly isTlsVerified?: boolean;
  readonly seed?: number;
  /** The API's dependencies behind faultline proxies (started by the caller), for the dependency-failures checks. */
  readonly dependencies?: readonly DependencyHandle[];
}

/**
 * Run a live audit: lint the spec, send valid traffic (examples), invalid traffic (negative, fuzz),
 * then every selected live check. Yields events as it goes; the last one carries the report.
 */
export async function* runAudit(options: AuditOptions): AsyncGenerator<EngineEvent> {
  const startedAt = new Date().toISOString();
  const { spec } = options;
  const budget = new RequestBudget(options.budget.maxRequests, options.budget.maxDurationMs);
  const session = new AuditSession({ ...options, budget, timeoutMs: options.budget.timeoutMs });
  const lintChecks = options.checks.filter((c): c is Check<'lint'> => c.kind === 'lint');
  const auditChecks = options.checks.filter((c): c is Check<'audit'> => c.kind === 'audit');
  const dedupe = new FindingDeduplicator();
  const notes: string[] = [];
  yield { type: 'run-started', kind: 'audit', checks: options.checks.length, operations: spec.operations.length };

  const flush = function* (): Generator<EngineEvent> {
    while (session.events.length > 0) yield session.events.shift()!;
  };
  const emit = function* (finding: Finding): Generator<EngineEvent> {
    if (dedupe.add(finding)) yield { type: 'finding', finding };
  };

  yield { type: 'phase-started', phase: 'lint', planned: lintChecks.length };
  const lintCrashes: { check: string; message: string }[] = [];
  const lintFindings = await collectLintFindings(spec, lintChecks, (check, message) => lintCrashes.push({ check, message }));
  // Consumers (progress, dashboard) learn of a crashed lint check as of a crashed live check.
  for (const crash of lintCrashes) {
    notes.push(`check ${crash.check} crashed: ${crash.message}`);
    yield { type: 'check-crashed', ...crash };
  }
  for (const finding of lintFindings) yield* emit(finding);
  yield { type: 'phase-finished', phase: 'lint', requests: 0, findings: lintFindings.length };

  if (options.isTlsVerified === false && options.target.startsWith('https:')) {
    notes.push('TLS certificates were not verified (--insecure): the findings say nothing about the certificate users will see');
  }
  const operations = orderForTraffic(spec.operations);
  if (!options.isDestructiveAllowed && operations.some((op) => op.method !== 'get' && op.method !== 'head' && op.method !== 'options')) {
    notes.push('destructive operations (POST/PUT/PATCH/DELETE) were not sent: the target is not loopback (pass --unsafe to allow)');
  }
  // Keep a share of the budget for the live checks, whatever the traffic phases would like to use.
  const reserveForChecks = Math.max(Math.floor(options.budget.maxRequests * 0.35), Math.min(200, options.budget.maxRequests));
  const trafficShare = () => Math.max(0, budget.remaining() - reserveForChecks);
  // Exploring stops with 40% of the time budget left, so a slow API still gets its live checks.
  const isTimeUp = () => budget.msLeft() < options.budget.maxDurationMs * 0.4;
  const reacher = new Reacher(session, spec);
  const seed = options.seed ?? 1;
  // A permissions-only run (`--only permissions`, a nightly permission audit) needs valid requests and
  // ids, which examples and reach give; invalid and fuzzed traffic would only spend its time.
  const isPermissionsOnly = auditChecks.length > 0 && auditChecks.every((check) => matrixChecks.has(check.id) || check.cause === 'permissions');
  const trafficPhases: [string, () => Promise<unknown>][] = [
    ['examples', () => examplesPhase(session, spec, operations)],
    ['reach', () => reachPhase(reacher, operations, Math.floor(trafficShare() * 0.25))],
    ['negative', () => negativePhase(session, spec, operations, Math.floor(trafficShare() * 0.5))],
    ['fuzz', () => fuzzPhase(session, spec, operations, trafficShare(), seed, 16)],
    [
      'explore',
      async () => {
        const explored = await explorePhase(session, spec, operations, reacher, { maxRequests: trafficShare(), seed, isTimeUp });
        const why = {
          saturated: 'nothing new appeared in the last three rounds',
          budget: 'its share of the budget was spent',
          time: 'the time kept for the checks was reached',
          'max-rounds': 'the last of its 40 rounds',
          'nothing-to-send': 'nothing was left to send',
        }[explored.stoppedBecause];
        if (explored.sent > 0) notes.push(`explored for ${explored.rounds} round${explored.rounds === 1 ? '' : 's'} (${explored.sent} requests) until ${why}`);
      },
    ],
  ];
  for (const [phase, run] of isPermissionsOnly ? trafficPhases.slice(0, 2) : trafficPhases) {
    session.phase = phase;
    const before = session.sentCount;
    yield { type: 'phase-started', phase };
    await run();
    yield* flush();
    yield { type: 'phase-finished', phase, requests: session.sentCount - before, findings: 0 };
  }
  session.phase = 'checks';
  yield { type: 'phase-started', phase: 'checks', planned: auditChecks.length };
  const checksBefore = session.sentCount;
  let checkFindings = 0;
  for (const check of auditChecks) {
    session.phase = check.id;
    try {
      for await (const draft of check.run({ spec, audit: session })) {
        yield* flush();
        const finding = toFinding(check, draft);
        checkFindings++;
        yield* emit(finding);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      notes.push(`check ${check.id} crashed: ${message}`);
      yield { type: 'check-crashed', check: check.id, message };
    }
    yield* flush();
  }
  yield { type: 'phase-finished', phase: 'checks', requests: session.sentCount - checksBefore, findings: checkFindings };

  // The matrix goes into the report whenever a check built it or one that reads it was selected.
  const wantsMatrix = auditChecks.some((check) => matrixChecks.has(check.id) || check.cause === 'permissions');
  const liveMatrix = await (session.builtMatrix() ?? (wantsMatrix ? session.permissionMatrix() : undefined));
  yield* flush();
  const exhausted = budget.exhaustedReason();
  if (exhausted) notes.push(`${exhausted}: the audit stopped early; raise budget.requests or budget.time to cover more`);
  notes.push(...session.failing.notes(), ...session.stopNotes);
  // Said in the report so a reader knows why no public-exposure probe shows up in it.
  if (!options.isExposureProbing) notes.push('exposure probes were off (--no-exposure-probes): no sensitive paths or rate limits were probed');
  if ((options.dependencies ?? []).length === 0 && auditChecks.some((check) => check.cause === 'dependency-failures')) {
    notes.push('dependency failures were not probed: no dependencies are configured (list them under dependencies in faultline.yaml)');
  }
  const coverage = session.coverage.entries({
    isDestructiveAllowed: options.isDestructiveAllowed,
    isBudgetSpent: exhausted !== null,
    givenUp: (operation) => session.failing.isGivenUp(operation),
  });
  const unreached = coverage.filter((entry) => !entry.reached);
  if (unreached.length > 0) {
    const listed = unreached.slice(0, 20).map((entry) => `${entry.operation} (${entry.reason})`).join(', ');
    notes.push(`${coverageSummary(coverage).sentence}; not reached: ${listed}${unreached.length > 20 ? ` and ${unreached.length - 20} more` : ''}`);
  }
  const warning = lowCoverageWarning(coverage);
  if (warning) notes.unshift(warning);
  const findings = dedupe.findings();
  const report: Report = {
    schema: 'faultline/report@1',
    tool: { name: 'faultline', version: faultlineVersion() },
    kind: 'audit',
    startedAt,
    finishedAt: new Date().toISOString(),
    spec: specSummary(spec),
    target: options.target,
    findings,
    stats: {
      operations: spec.operations.length,
      // Reached: a valid request answered 2xx. Requested: the operation answered anything at all.
      operationsReached: coverage.filter((entry) => entry.reached).length,
      operationsRequested: coverage.filter((entry) => Object.keys(entry.statuses).length > 0).length,
      requests: session.sentCount,
      transportErrors: session.recorded.filter((e) => e.error).length,
      checks: options.checks.length,
      findings: findings.length,
      durationMs: Date.now() - Date.parse(startedAt),
    },
    notes,
    coverage,
    ...(liveMatrix ? { permissionMatrix: reportMatrix(liveMatrix, (operation, role, cell) => findingOfCell(findings, operation, role, cell.verdict)) } : {}),
  };
  yield { type: 'run-finished', report };
}

/** Checks that read the permission matrix; selecting one of them puts the matrix in the report. */
const matrixChecks: ReadonlySet<string> = new Set(['auth.unauthenticated-access', 'permissions.scope-not-enforced', 'permissions.over-denied']);

/** The check whose finding reports a problem cell, when that finding is in the report. */
function findingOfCell(findings: readonly Finding[], operation: string, role: string, verdict: string): string | undefined {
  // A role let through where anonymous callers are too is reported as the unauthenticated endpoint it is.
  const candidates = verdict === 'over-denied' ? ['permissions.over-denied'] : verdict === 'violation' ? (role === anonymousPrincipal ? ['auth.unauthenticated-access'] : ['permissions.scope-not-enforced', 'auth.unauthenticated-access']) : [];
  return candidates.find((check) => findings.some((f) => f.check === check && f.operation === operation));
}

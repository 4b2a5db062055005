import type { Finding, Report } from '../core/finding.js';
import type { SourceLocation } from '../core/location.js';
import type { Severity } from '../core/severity.js';
import { faultlineVersion } from '../core/version.js';
import type { SpecModel } from '../spec/model.js';
import { createDiffContext } from './context.js';
import { nearestExisting, realPointer } from './pointer.js';
import { allDiffChecks } from './registry.js';
import type { DiffCheck, DiffDraft, DiffLevel } from './types.js';

export interface DiffOptions {
  /** "Today" for the sunset policy (default: the clock). */
  readonly now?: Date;
  /** Minimum notice between deprecation and sunset, in days (default 180). */
  readonly sunsetDays?: number;
  /** The checks to run (default: all of them). */
  readonly checks?: readonly DiffCheck[];
}

export const defaultSunsetDays = 180;

export const severityOfLevel: Readonly<Record<DiffLevel, Severity>> = { breaking: 'high', warning: 'medium', info: 'info' };

export type VersionBump = 'major' | 'minor' | 'patch';
const bumpRank: Readonly<Record<VersionBump, number>> = { major: 2, minor: 1, patch: 0 };

/** How many operations a grouped finding lists by name before "+N more". */
const listedOperations = 5;

/** The head of a report comparing against this description: schema, tool, kind, times, the spec. */
export function diffReportHead(spec: SpecModel, startedAt: string): Pick<Report, 'schema' | 'tool' | 'kind' | 'startedAt' | 'finishedAt' | 'spec'> {
  return {
    schema: 'faultline/report@1',
    tool: { name: 'faultline', version: faultlineVersion() },
    kind: 'diff',
    startedAt,
    finishedAt: new Date().toISOString(),
    spec: {
      source: spec.source,
      openapi: spec.specVersion,
      ...(spec.info.title !== undefined ? { title: spec.info.title } : {}),
      ...(spec.info.version !== undefined ? { version: spec.info.version } : {}),
    },
  };
}

/**
 * Compare two descriptions of an API and report what the change does to clients of OLD: each finding
 * is one change, classified breaking (severity high), warning (medium) or info, located in NEW where
 * the element still exists, with both JSON pointers in its detail.
 *
 * @example
 * const report = runDiff(await loadSpec('v1.yaml'), await loadSpec('v2.yaml'), { sunsetDays: 90 });
 * if (report.stats['breaking']! > 0) process.exitCode = 1;
 */
export function runDiff(oldSpec: SpecModel, newSpec: SpecModel, options: DiffOptions = {}): Report {
  const startedAt = new Date().toISOString();
  const checks = options.checks ?? allDiffChecks;
  const ctx = createDiffContext(oldSpec, newSpec, { now: options.now ?? new Date(), sunsetDays: options.sunsetDays ?? defaultSunsetDays });
  const notes: string[] = [];
  const groups = new Map<string, { check: DiffCheck; draft: DiffDraft; operations: string[] }>();
  for (const check of checks) {
    try {
      for (const raw of check.run(ctx)) {
        const draft = withRealPointers(raw, oldSpec, newSpec);
        const key = groupKey(check, draft);
        const group = groups.get(key);
        if (!group) groups.set(key, { check, draft, operations: draft.operation ? [draft.operation] : [] });
        else if (draft.operation && !group.operations.includes(draft.operation)) group.operations.push(draft.operation);
      }
    } catch (error) {
      // One broken check must not cost the user the rest of the comparison.
      notes.push(`check ${check.id} crashed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const anchors = new Map<string, string>();
  for (const [key, { draft }] of groups) {
    const anchor = draft.newPointer ?? draft.anchor ?? (draft.oldPointer !== undefined ? nearestExisting(newSpec.document, draft.oldPointer) : undefined);
    if (anchor !== undefined) anchors.set(key, anchor);
  }
  const locations = newSpec.locate([...new Set(anchors.values())]);
  const findings: Finding[] = [];
  for (const [key, { check, draft, operations }] of groups) {
    const anchor = anchors.get(key);
    findings.push(toFinding(check, draft, operations, anchor !== undefined ? locations.get(anchor) : undefined));
  }
  const counts = { breaking: 0, warning: 0, info: 0 };
  let bump: VersionBump = 'patch';
  for (const { check } of groups.values()) {
    counts[check.level] += 1;
    const implied: VersionBump = check.level === 'breaking' ? 'major' : check.isAddition ? 'minor' : 'patch';
    if (bumpRank[implied] > bumpRank[bump]) bump = implied;
  }
  notes.unshift(
    `suggested version bump: ${bump}`,
    `old: ${describeSpec(oldSpec)}`,
    `new: ${describeSpec(newSpec)}`,
    ...versionNotes(oldSpec, newSpec, bump),
  );
  return {
    ...diffReportHead(newSpec, startedAt),
    findings,
    stats: {
      operationsOld: oldSpec.operations.length,
      operationsNew: newSpec.operations.length,
      operationsPaired: ctx.operations.pairs.length,
      checks: checks.length,
      findings: findings.length,
      breaking: counts.breaking,
      warning: counts.warning,
      info: counts.info,
      // 2 = major, 1 = minor, 0 = patch (stats hold numbers only; the notes say it in words).
      bump: bumpRank[bump],
    },
    notes,
  };
}

/** The bump a diff report suggests, read back from its stats. */
export function suggestedBump(report: Report): VersionBump {
  const rank = report.stats['bump'] ?? 0;
  return rank >= 2 ? 'major' : rank === 1 ? 'minor' : 'patch';
}

// Drafts name elements where an operation uses them; a finding names where they are written.
function withRealPointers(draft: DiffDraft, oldSpec: SpecModel, newSpec: SpecModel): DiffDraft {
  const real = (document: unknown, pointer: string | undefined) => {
    if (pointer === undefined) return undefined;
    const found = realPointer(document, pointer, { followLast: false });
    return found.value !== undefined ? found.pointer : pointer;
  };
  const oldPointer = real(oldSpec.document, draft.oldPointer);
  const newPointer = real(newSpec.document, draft.newPointer);
  const anchor = real(newSpec.document, draft.anchor);
  return {
    ...draft,
    ...(oldPointer !== undefined ? { oldPointer } : {}),
    ...(newPointer !== undefined ? { newPointer } : {}),
    ...(anchor !== undefined ? { anchor } : {}),
  };
}

// The same change to a shared component shows under every operation that uses it; it is one finding.
function groupKey(check: DiffCheck, draft: DiffDraft): string {
  const where = `${check.id}\u0000${draft.oldPointer ?? ''}\u0000${draft.newPointer ?? ''}`;
  return draft.change !== undefined ? `${where}\u0000${draft.change}` : `${where}\u0000${draft.operation ?? ''}\u0000${draft.detail}`;
}

function toFinding(check: DiffCheck, draft: DiffDraft, operations: readonly string[], location: SourceLocation | undefined): Finding {
  const lines = [draft.detail];
  if (operations.length > 1) {
    const others = operations.slice(1);
    const named = others.slice(0, listedOperations).join(', ');
    const more = others.length > listedOperations ? ` and ${others.length - listedOperations} more` : '';
    lines.push(`also in ${others.length} other operation${others.length === 1 ? '' : 's'}: ${named}${more}`);
  }
  lines.push(`old: ${draft.oldPointer ?? '—'}  new: ${draft.newPointer ?? '—'}`);
  return {
    check: check.id,
    cause: check.cause,
    severity: severityOfLevel[check.level],
    operation: draft.operation ?? null,
    status: null,
    title: draft.title ?? check.summary,
    detail: lines.join('\n'),
    remedy: check.remedy,
    ...(location ? { location } : {}),
    evidence: [],
    ...(operations.length > 1 ? { count: operations.length } : {}),
  };
}

function describeSpec(spec: SpecModel): string {
  const title = spec.info.title ? ` (${spec.info.title}${spec.info.version ? ` ${spec.info.version}` : ''})` : '';
  return `${spec.source}${title}`;
}

function versionNotes(oldSpec: SpecModel, newSpec: SpecModel, bump: VersionBump): string[] {
  const before = oldSpec.info.version;
  const after = newSpec.info.version;
  if (bump !== 'major' || before === undefined || after === undefined) return [];
  const major = (v: string) => /^v?(\d+)\./.exec(v)?.[1];
  if (major(before) !== undefined && major(before) === major(after)) {
    return [`info.version went from ${before} to ${after}, but the breaking changes call for a new major version`];
  }
  return [];
}

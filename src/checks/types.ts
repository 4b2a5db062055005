import type { CauseId } from '../core/causes.js';
import type { Evidence } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import type { SpecModel } from '../spec/model.js';

export type CheckKind = 'lint' | 'audit';

/** What a check yields. The engine adds check id, cause, severity, remedy and the location's line. */
export interface FindingDraft {
  /** 'METHOD /path' of the operation, or null/undefined for the whole API. */
  readonly operation?: string | null;
  /** JSON pointer into the spec that shows the problem. */
  readonly pointer?: string;
  /** Overrides the check's summary as the finding's title. */
  readonly title?: string;
  /** One or two sentences naming exactly what is wrong here. */
  readonly detail: string;
  readonly status?: number | null;
  readonly evidence?: readonly Evidence[];
  /** Overrides the check's default severity for this one finding. */
  readonly severity?: Severity;
}

export interface LintContext {
  readonly spec: SpecModel;
}

/**
 * Live checks get the spec plus the audit's view of the running API. The concrete shape is defined by
 * the engine (see engine/audit-context.ts); checks only see this interface.
 */
export interface AuditContext extends LintContext {
  readonly audit: AuditServices;
}

// Filled in by the audit engine (issue: audit part 1). Kept open here so lint checks need nothing else.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AuditServices {}

export type CheckContext<Kind extends CheckKind> = Kind extends 'lint' ? LintContext : AuditContext;

export interface Check<Kind extends CheckKind = CheckKind> {
  /** Stable forever: '<area>.<name>', e.g. 'lint.operation-description', 'auth.unauthenticated-access'. */
  readonly id: `${string}.${string}`;
  readonly cause: CauseId;
  readonly kind: Kind;
  readonly severity: Severity;
  /** One line, shown by `faultline checks` and used as the default finding title. */
  readonly summary: string;
  /** One paragraph: why this makes APIs fail. */
  readonly explanation: string;
  /** What to do about it. */
  readonly remedy: string;
  run(ctx: CheckContext<Kind>): Iterable<FindingDraft> | AsyncIterable<FindingDraft>;
}

export type AnyCheck = Check<'lint'> | Check<'audit'>;

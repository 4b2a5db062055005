import type { CauseId } from '../core/causes.js';
import type { Operation, Parameter, SpecModel } from '../spec/model.js';
import type { SchemaChange } from './schema-diff.js';

/** How a change affects the clients of the OLD version. */
export type DiffLevel = 'breaking' | 'warning' | 'info';
export const diffLevels: readonly DiffLevel[] = ['breaking', 'warning', 'info'];

/** What a diff check yields. runDiff adds check id, cause, severity, remedy and the NEW spec's location. */
export interface DiffDraft {
  /** 'METHOD /path' of the operation in NEW (or in OLD when it is gone), null for the whole API. */
  readonly operation?: string | null;
  /** JSON pointer of the element in OLD, when it exists there. */
  readonly oldPointer?: string;
  /** JSON pointer of the element in NEW, when it exists there. */
  readonly newPointer?: string;
  /** For an element gone from NEW: where it used to hang there (the finding's location). */
  readonly anchor?: string;
  /** Overrides the check's summary as the finding's title. */
  readonly title?: string;
  /** One or two sentences naming exactly what changed. */
  readonly detail: string;
  /**
   * What changed, independent of the operation it shows under. Drafts of one check with the same
   * pointers and the same `change` are one finding (a shared component changed once) listing every
   * operation; drafts without it are never merged.
   */
  readonly change?: string;
}

/** One operation of OLD and the operation of NEW it became. */
export interface OperationPair {
  readonly old: Operation;
  readonly new: Operation;
  /** 'path': same method and path template (parameter names aside); 'operationId': moved, found by its id. */
  readonly matchedBy: 'path' | 'operationId';
}

export interface OperationMatching {
  readonly pairs: readonly OperationPair[];
  /** In OLD, not in NEW. */
  readonly removed: readonly Operation[];
  /** In NEW, not in OLD. */
  readonly added: readonly Operation[];
}

export interface ParameterMatching {
  readonly pairs: readonly { readonly old: Parameter; readonly new: Parameter }[];
  /** Same name, another location (`in: query` → `in: header`). */
  readonly moved: readonly { readonly old: Parameter; readonly new: Parameter }[];
  readonly removed: readonly Parameter[];
  readonly added: readonly Parameter[];
}

/** Where in an operation a schema sits; decides which direction narrowing breaks. */
export type SchemaArea = 'parameter' | 'request-body' | 'response-body' | 'response-header';

/** A schema change found under one operation, with the words that say where. */
export interface LocatedSchemaChange {
  readonly change: SchemaChange;
  readonly direction: 'request' | 'response';
  readonly area: SchemaArea;
  /** NEW operation key. */
  readonly operation: string;
  /** "request body (application/json)", "query parameter 'per_page'", "response 200 (application/json)". */
  readonly where: string;
}

export interface DiffContext {
  readonly oldSpec: SpecModel;
  readonly newSpec: SpecModel;
  /** "Today" for the deprecation policy; injected so tests do not depend on the clock. */
  readonly now: Date;
  /** Minimum notice, in days, between a deprecation and its sunset. */
  readonly sunsetDays: number;
  readonly operations: OperationMatching;
  /** Parameters of a pair matched by location and name (path parameters by position). Memoised. */
  parameters(pair: OperationPair): ParameterMatching;
  /** Every schema change under every paired operation, computed once for all checks. */
  schemaChanges(): readonly LocatedSchemaChange[];
  /** The raw (ref-resolved) object at a pointer of OLD or NEW, with the pointer where it is written. */
  rawAt(side: 'old' | 'new', pointer: string): { readonly value: unknown; readonly pointer: string };
}

export interface DiffCheck {
  /** Stable forever: 'diff.<name>', equal to the file name under src/diff/checks/. */
  readonly id: `diff.${string}`;
  /** 'bad-urls' for removed or moved paths, 'expiring-apis' for every other change. */
  readonly cause: Extract<CauseId, 'expiring-apis' | 'bad-urls'>;
  readonly level: DiffLevel;
  /** True when the change adds something clients may use: it calls for a minor version bump. */
  readonly isAddition?: boolean;
  /** One line, the default finding title. */
  readonly summary: string;
  /** What to do about it. */
  readonly remedy: string;
  run(ctx: DiffContext): Iterable<DiffDraft>;
}

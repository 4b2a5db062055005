import type { CauseId } from './causes.js';
import type { CoverageEntry } from './coverage.js';
import type { PermissionMatrix } from './permission-matrix.js';
import type { SourceLocation } from './location.js';
import type { Severity } from './severity.js';

/** A request as recorded for evidence. Bodies are text, truncated to the recorder's limit. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface RecordedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly bodyTruncated?: boolean;
  readonly durationMs?: number;
}

/** One request/response pair that shows a finding, with a curl line that reproduces it. */
export interface Evidence {
  readonly request: RecordedRequest;
  readonly response: RecordedResponse | null;
  readonly curl: string;
  readonly error?: string;
  readonly note?: string;
}

/** The one finding shape every part of faultline produces (report schema faultline/report@1). */
export interface Finding {
  readonly check: string;
  readonly cause: CauseId;
  readonly severity: Severity;
  /** "METHOD /path/template", or null when the finding is not about one operation. */
  readonly operation: string | null;
  /** The HTTP status seen, or null (lint findings, transport errors). */
  readonly status: number | null;
  readonly title: string;
  readonly detail: string;
  readonly remedy: string;
  readonly location?: SourceLocation;
  readonly evidence: readonly Evidence[];
  /** How many times the same check fired on the same operation (findings are deduplicated). */
  readonly count?: number;
}

/** Why a finding is not counted: who silenced it, with the reason given and until when. */
export interface Suppression {
  /** 'spec': an `x-faultline-ignore` list in the description; 'config': an `ignore:` entry in faultline.yaml. */
  readonly source: 'spec' | 'config';
  readonly reason: string;
  /** The day (YYYY-MM-DD) after which the finding counts again. */
  readonly until?: string;
}

/** A finding silenced on purpose: still reported, never counted towards --fail-on. */
export interface SuppressedFinding extends Finding {
  readonly suppression: Suppression;
}

export type ReportKind = 'lint' | 'audit' | 'load' | 'diff';

export interface Report {
  readonly schema: 'faultline/report@1';
  readonly tool: { readonly name: 'faultline'; readonly version: string };
  readonly kind: ReportKind;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly spec?: { readonly source: string; readonly title?: string; readonly version?: string; readonly openapi?: string };
  readonly target?: string;
  readonly findings: readonly Finding[];
  /** What the run covered, e.g. operations probed, requests sent, checks run. */
  readonly stats: Readonly<Record<string, number>>;
  /** Problems faultline met that are not findings about the API (a crashed check, a budget hit). */
  readonly notes: readonly string[];
  /** Live audits: one entry per operation, what was sent and whether a valid request reached a 2xx. */
  readonly coverage?: readonly CoverageEntry[];
  /** Live audits with roles or secured operations: every role and anonymous against every operation. */
  readonly permissionMatrix?: PermissionMatrix;
  /** Findings silenced by `x-faultline-ignore` or the config's `ignore:` list, each with its reason. */
  readonly suppressed?: readonly SuppressedFinding[];
}

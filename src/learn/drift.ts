import type { Finding, Report } from '../core/finding.js';
import type { SourceLocation } from '../core/location.js';
import type { Severity } from '../core/severity.js';
import { createDiffContext } from '../diff/context.js';
import { defaultSunsetDays, diffReportHead } from '../diff/run-diff.js';
import type { LocatedSchemaChange } from '../diff/types.js';
import type { Operation, SpecModel } from '../spec/model.js';

/** The kinds of drift, as data: each becomes a poor-design-docs finding with this id, severity and remedy. */
export const driftKinds = {
  'learn.undocumented-operation': {
    severity: 'medium',
    title: 'The API answers an operation its description does not document',
    remedy: 'Document the operation (the learnt description has a draft of it), or remove it from the API if nobody should call it.',
  },
  'learn.undocumented-status': {
    severity: 'medium',
    title: 'The API answers with a status its description does not document',
    remedy: 'Document the status with its body, so clients and generated SDKs handle it instead of failing on it.',
  },
  'learn.undocumented-parameter': {
    severity: 'medium',
    title: 'Clients send a parameter the description does not document',
    remedy: 'Document the parameter (type, whether it is required, what it does), or stop accepting it.',
  },
  'learn.undocumented-field': {
    severity: 'low',
    title: 'Bodies carry a field the description does not document',
    remedy: 'Add the field to the schema (the learnt description shows its type), or stop sending it if it leaks internals.',
  },
  'learn.type-differs': {
    severity: 'high',
    title: 'The traffic has values the documented schema does not allow',
    remedy: 'Fix the schema to say what the API really sends and accepts (type, null, enum), or fix the API: clients generated from the description break on these values.',
  },
  'learn.operation-never-seen': {
    severity: 'info',
    title: 'A documented operation never appeared in the traffic',
    remedy: 'Check whether the operation still exists and is used; deprecate and remove it if not, or record traffic that exercises it.',
  },
} as const satisfies Record<string, { severity: Severity; title: string; remedy: string }>;

export type DriftKind = keyof typeof driftKinds;

interface DriftDraft {
  readonly kind: DriftKind;
  readonly operation: string | null;
  readonly status?: number;
  readonly detail: string;
  /** Pointer into the published description. */
  readonly pointer?: string;
}

// Statuses a client meets when it calls something that is not there: not evidence of an operation.
const absentStatuses = new Set(['404', '405', '501']);

function isDocumentedStatus(operation: Operation, status: string): boolean {
  return operation.responses.some((r) => r.status === status || r.status.toUpperCase() === `${status[0]}XX` || r.status === 'default');
}

function samplesOf(operation: Operation): number {
  const samples = operation.extensions['x-faultline-samples'];
  return typeof samples === 'number' ? samples : 0;
}

/** Whether a schema change says the traffic holds values the published schema does not allow. */
function typeDrift(change: LocatedSchemaChange): string | undefined {
  const { kind, path, relation } = change.change;
  const field = path ? `'${path}'` : 'the value';
  const old = describeValue(change.change.old);
  const seen = describeValue(change.change.new);
  // Query and path values travel as text: a documented string takes any of them.
  if (change.area === 'parameter' && kind === 'type-changed' && [change.change.old].flat().includes('string')) return undefined;
  if (kind === 'type-changed' && relation !== 'narrowed') return `${field} is documented as ${old} but the traffic had ${seen}`;
  if (kind === 'nullable-added') return `${field} is documented as never null but the traffic had null`;
  if (kind === 'enum-value-added') return `${field} had ${seen}, not among the documented values`;
  return undefined;
}

/** ['integer', 'null'] → integer or null; 'shipped' → 'shipped'. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => describeValue(item)).join(' or ');
  return typeof value === 'string' && /^(string|integer|number|boolean|object|array|null)$/.test(value) ? value : JSON.stringify(value);
}

/**
 * Compare what the traffic showed (the learnt description) with the published one, through diff's own
 * pairing of operations and parameters and its schema walk, and report what the published description
 * gets wrong or leaves out as poor-design-docs findings, located in the published file. `learnt` should
 * be made with `isListingValues`, so that values outside a documented enum show.
 */
export function driftReport(published: SpecModel, learnt: SpecModel, options: { startedAt?: string } = {}): Report {
  const startedAt = options.startedAt ?? new Date().toISOString();
  const ctx = createDiffContext(published, learnt, { now: new Date(), sunsetDays: defaultSunsetDays });
  const drafts: DriftDraft[] = [];
  for (const operation of ctx.operations.added) {
    const statuses = operation.responses.map((r) => r.status);
    if (statuses.every((status) => absentStatuses.has(status))) continue;
    drafts.push({ kind: 'learn.undocumented-operation', operation: operation.key, detail: `${operation.key} was called ${samplesOf(operation)} time(s) and answered ${statuses.join(', ')}, but the description has no such operation.` });
  }
  for (const operation of ctx.operations.removed) {
    drafts.push({ kind: 'learn.operation-never-seen', operation: operation.key, detail: `${operation.key} is documented but was not called once in the traffic.`, pointer: operation.pointer });
  }
  const pairOf = new Map<string, Operation>();
  for (const pair of ctx.operations.pairs) {
    pairOf.set(pair.new.key, pair.old);
    for (const response of pair.new.responses) {
      if (!isDocumentedStatus(pair.old, response.status)) {
        drafts.push({ kind: 'learn.undocumented-status', operation: pair.old.key, status: Number(response.status), detail: `${pair.old.key} answered ${response.status} in the traffic, which its responses do not document.`, pointer: `${pair.old.pointer}/responses` });
      }
    }
    for (const parameter of [...ctx.parameters(pair).added, ...ctx.parameters(pair).moved.map((m) => m.new)]) {
      drafts.push({ kind: 'learn.undocumented-parameter', operation: pair.old.key, detail: `Clients sent the ${parameter.in} parameter '${parameter.name}' to ${pair.old.key}, which does not document it.`, pointer: pair.old.pointer });
    }
  }
  for (const change of ctx.schemaChanges()) {
    const operation = pairOf.get(change.operation);
    if (!operation) continue;
    if (change.change.kind === 'property-added') {
      drafts.push({ kind: 'learn.undocumented-field', operation: operation.key, detail: `${change.where} of ${operation.key} carried '${change.change.path}', which its schema does not document.`, pointer: operation.pointer });
      continue;
    }
    const drift = typeDrift(change);
    if (drift) drafts.push({ kind: 'learn.type-differs', operation: operation.key, detail: `In ${change.where} of ${operation.key}, ${drift}.`, pointer: change.change.oldPointer ?? operation.pointer });
  }
  const locations = published.locate([...new Set(drafts.flatMap((d) => (d.pointer ? [d.pointer] : [])))]);
  const order = Object.keys(driftKinds);
  const sorted = dedupe(drafts).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || (a.operation ?? '').localeCompare(b.operation ?? ''));
  const findings = sorted.map((draft) => toFinding(draft, draft.pointer ? locations.get(draft.pointer) : undefined));
  return {
    ...diffReportHead(published, startedAt),
    findings,
    stats: {
      operationsDocumented: published.operations.length,
      operationsObserved: learnt.operations.length,
      operationsPaired: ctx.operations.pairs.length,
      samples: learnt.operations.reduce((sum, operation) => sum + samplesOf(operation), 0),
      findings: findings.length,
    },
    notes: [`observed traffic (${learnt.source}) compared with the published description (${published.source})`],
  };
}

function dedupe(drafts: readonly DriftDraft[]): DriftDraft[] {
  const seen = new Set<string>();
  return drafts.filter((draft) => {
    const key = `${draft.kind}|${draft.operation}|${draft.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toFinding(draft: DriftDraft, location: SourceLocation | undefined): Finding {
  const kind = driftKinds[draft.kind];
  return {
    check: draft.kind,
    cause: 'poor-design-docs',
    severity: kind.severity,
    operation: draft.operation,
    status: draft.status ?? null,
    title: kind.title,
    detail: draft.detail,
    remedy: kind.remedy,
    ...(location ? { location } : {}),
    evidence: [],
  };
}

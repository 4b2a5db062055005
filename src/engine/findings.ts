import type { Evidence, Finding } from '../core/finding.js';
import type { SourceLocation } from '../core/location.js';
import type { AnyCheck, FindingDraft } from '../checks/types.js';

/** Turn what a check yielded into the one finding shape: the check supplies metadata, the draft the specifics. */
export function toFinding(check: AnyCheck, draft: FindingDraft, location?: SourceLocation): Finding {
  const evidence: readonly Evidence[] = draft.evidence ?? [];
  const status = draft.status ?? evidence.find((e) => e.response)?.response?.status ?? null;
  return {
    check: check.id,
    cause: check.cause,
    severity: draft.severity ?? check.severity,
    operation: draft.operation ?? null,
    status,
    title: draft.title ?? check.summary,
    detail: draft.detail,
    remedy: check.remedy,
    ...(location ? { location } : {}),
    evidence,
  };
}

/**
 * Keep one finding per check, operation and title; count the repeats. Live checks fire once per
 * request, and a report with the same 500 a hundred times hides everything else.
 */
export class FindingDeduplicator {
  private readonly byKey = new Map<string, { finding: Finding; count: number }>();

  add(finding: Finding): boolean {
    const key = `${finding.check}\u0000${finding.operation ?? ''}\u0000${finding.location?.pointer ?? ''}\u0000${finding.title}`;
    const existing = this.byKey.get(key);
    if (existing) {
      existing.count++;
      return false;
    }
    this.byKey.set(key, { finding, count: 1 });
    return true;
  }

  findings(): Finding[] {
    return [...this.byKey.values()].map(({ finding, count }) => (count > 1 ? { ...finding, count } : finding));
  }
}

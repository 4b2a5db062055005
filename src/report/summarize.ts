import { causeIds, causes, type CauseId } from '../core/causes.js';
import type { Finding } from '../core/finding.js';
import { severities, type Severity } from '../core/severity.js';

export type SeverityCounts = Record<Severity, number>;

export interface CauseSummary {
  readonly cause: CauseId;
  readonly total: number;
  readonly counts: SeverityCounts;
  /** The most serious severity among the cause's findings, or null when it has none. */
  readonly highest: Severity | null;
}

export function emptyCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = emptyCounts();
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** One entry for each of the eleven causes, in catalogue order, clean ones included. */
export function summarizeByCause(findings: readonly Finding[]): CauseSummary[] {
  const byCause = new Map<CauseId, Finding[]>(causeIds.map((id) => [id, []]));
  for (const finding of findings) byCause.get(finding.cause)?.push(finding);
  return causeIds.map((cause) => {
    const list = byCause.get(cause) ?? [];
    const counts = countBySeverity(list);
    return { cause, total: list.length, counts, highest: severities.find((s) => counts[s] > 0) ?? null };
  });
}

/** "3 findings: 1 critical, 2 high, 0 medium, 0 low, 0 info". */
export function totalsLine(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  const noun = findings.length === 1 ? 'finding' : 'findings';
  return `${findings.length} ${noun}: ${severities.map((s) => `${counts[s]} ${s}`).join(', ')}`;
}

/** The cause's title, or its raw id when a report from elsewhere names a cause we do not know. */
export function causeTitle(cause: string): string {
  return (causes as Readonly<Record<string, { title: string } | undefined>>)[cause]?.title ?? cause;
}

import type { Report } from '../core/finding.js';
import type { Redactor } from '../core/redact.js';
import type { Scorecard, Store, StoredReportRecord } from '../store/types.js';

/** Findings per cause: the eleven-cause scorecard shown beside each stored report. */
export function scorecardOf(report: Report): Scorecard {
  const scorecard: Scorecard = {};
  for (const finding of report.findings) scorecard[finding.cause] = (scorecard[finding.cause] ?? 0) + 1;
  return scorecard;
}

/** Redact, then store an audit or lint report with its scorecard; nothing unredacted reaches the database. */
export async function storeReport(store: Store, redactor: Redactor, monitorName: string | null, report: Report): Promise<StoredReportRecord> {
  const safe = redactor.report(report);
  return store.addReport({
    monitorName,
    kind: report.kind === 'lint' ? 'lint' : 'audit',
    createdAt: Date.parse(safe.finishedAt) || Date.now(),
    report: safe,
    scorecard: scorecardOf(safe),
    findings: safe.findings.length,
  });
}

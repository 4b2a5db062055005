import type { Finding, Report } from '../core/finding.js';
import { findingFingerprint } from '../core/fingerprint.js';

/**
 * Keep only the findings that are new since `baseline` (an earlier report.json): a finding is old when
 * the baseline had one with the same fingerprint (check, operation, pointer and title, numbers blanked;
 * see core/fingerprint.ts). A note counts the ones left out, so a clean run still says what it knew.
 */
export function newSinceBaseline(report: Report, baseline: Pick<Report, 'findings'> & { readonly suppressed?: readonly Finding[] }, baselineName: string): Report {
  const known = new Set([...baseline.findings, ...(baseline.suppressed ?? [])].map(findingFingerprint));
  const findings = report.findings.filter((finding) => !known.has(findingFingerprint(finding)));
  const old = report.findings.length - findings.length;
  return {
    ...report,
    findings,
    stats: { ...report.stats, baselineKnown: old },
    notes: [...report.notes, `${old} finding${old === 1 ? '' : 's'} already in the baseline ${baselineName} ${old === 1 ? 'is' : 'are'} not shown; ${findings.length} new.`],
  };
}

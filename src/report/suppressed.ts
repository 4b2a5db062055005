import type { SuppressedFinding } from '../core/finding.js';

/** One sentence for a suppressed finding: what it is, who silenced it and why, and until when. */
export function suppressedSentence(finding: SuppressedFinding): string {
  const where = finding.operation ? ` on ${finding.operation}` : '';
  const by = finding.suppression.source === 'spec' ? 'by the description' : 'by faultline.yaml';
  const until = finding.suppression.until ? `, until ${finding.suppression.until}` : '';
  return `${finding.check}${where}: ${finding.title}. Suppressed ${by}${until}: ${finding.suppression.reason}`;
}

import { createHash } from 'node:crypto';
import type { Finding } from './finding.js';

/**
 * The same problem found again gets the same fingerprint: check, operation, JSON pointer and title,
 * with the title's numbers blanked (counts, ids and timings differ from run to run). Lines, details,
 * statuses and evidence are left out, so an edit above the operation or a new request id does not
 * make an old finding look new. Used by SARIF's partialFingerprints and by `--baseline`.
 */
export function findingFingerprint(finding: Pick<Finding, 'check' | 'operation' | 'title' | 'location'>): string {
  const title = finding.title.replace(/\d+(?:\.\d+)?/g, '#');
  const key = [finding.check, finding.operation ?? '', finding.location?.pointer ?? '', title].join('\u0000');
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32);
}

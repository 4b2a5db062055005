import { causeIds } from '../core/causes.js';
import type { Finding } from '../core/finding.js';
import { compareSeverity } from '../core/severity.js';

const causeOrder = new Map<string, number>(causeIds.map((id, index) => [id, index]));

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Most severe first, then by cause (catalogue order), check id, operation and pointer, so output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareSeverity(a.severity, b.severity) ||
    (causeOrder.get(a.cause) ?? causeIds.length) - (causeOrder.get(b.cause) ?? causeIds.length) ||
    compareText(a.check, b.check) ||
    compareText(a.operation ?? '', b.operation ?? '') ||
    compareText(a.location?.pointer ?? '', b.location?.pointer ?? '')
  );
}

export function sortFindings<F extends Finding>(findings: readonly F[]): F[] {
  return [...findings].sort(compareFindings);
}

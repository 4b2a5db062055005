import type { Finding, Report, SuppressedFinding, Suppression } from '../core/finding.js';
import type { SpecModel } from '../spec/model.js';

/** An `ignore:` entry of faultline.yaml, as the config schema parsed it. */
export interface IgnoreEntry {
  readonly check: string;
  readonly operation?: string | undefined;
  readonly reason: string;
  readonly until?: string | undefined;
}

export interface SuppressOptions {
  readonly spec?: SpecModel;
  readonly ignores?: readonly IgnoreEntry[];
  /** Today as YYYY-MM-DD (UTC); an ignore whose `until` is before it has expired. */
  readonly today: string;
}

function ignoreList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

const specReason = (where: string) => `x-faultline-ignore on ${where} in the description`;

function fromSpec(finding: Finding, spec: SpecModel | undefined): Suppression | undefined {
  if (!spec) return undefined;
  const operation = finding.operation ? spec.operations.find((op) => op.key === finding.operation) : undefined;
  if (operation && ignoreList(operation.extensions['x-faultline-ignore']).includes(finding.check)) return { source: 'spec', reason: specReason(operation.key) };
  if (ignoreList(spec.document['x-faultline-ignore']).includes(finding.check)) return { source: 'spec', reason: specReason('the root') };
  return undefined;
}

/**
 * Move the findings silenced by the description (`x-faultline-ignore: [check-id]` on an operation or
 * the root) or by the config's `ignore:` list into `report.suppressed`, each with its reason. Nothing
 * is dropped: a suppressed finding is still in the report, only no longer counted. An ignore whose
 * `until` day has passed no longer applies, and a note says the finding is back and why.
 *
 * @example
 * const report = suppressFindings(await finalReport(runLint(spec, checks)), { spec, ignores: config.ignore, today: '2026-05-01' });
 */
export function suppressFindings(report: Report, options: SuppressOptions): Report {
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [...(report.suppressed ?? [])];
  const expired = new Set<string>();
  for (const finding of report.findings) {
    let suppression = fromSpec(finding, options.spec);
    for (const ignore of options.ignores ?? []) {
      if (suppression) break;
      if (ignore.check !== finding.check || (ignore.operation !== undefined && ignore.operation !== finding.operation)) continue;
      if (ignore.until !== undefined && ignore.until < options.today) {
        expired.add(`the ignore of ${ignore.check}${ignore.operation ? ` on ${ignore.operation}` : ''} expired on ${ignore.until}, so its findings count again (reason given: ${ignore.reason})`);
        continue;
      }
      suppression = { source: 'config', reason: ignore.reason, ...(ignore.until !== undefined ? { until: ignore.until } : {}) };
    }
    if (suppression) suppressed.push({ ...finding, suppression });
    else findings.push(finding);
  }
  if (suppressed.length === 0 && expired.size === 0) return report;
  return {
    ...report,
    findings,
    ...(suppressed.length > 0 ? { suppressed } : {}),
    stats: { ...report.stats, ...(suppressed.length > 0 ? { suppressed: suppressed.length } : {}) },
    notes: [...report.notes, ...expired],
  };
}

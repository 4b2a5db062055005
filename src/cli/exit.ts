import type { Report } from '../core/finding.js';
import { isSeverity, reaches, type Severity } from '../core/severity.js';
import { FaultlineError } from '../core/errors.js';

export const exitCodes = { ok: 0, findings: 1, usage: 2 } as const;

export type FailOn = Severity | 'none';

export function parseFailOn(value: string): FailOn {
  if (value === 'none' || isSeverity(value)) return value;
  throw new FaultlineError('E_USAGE', `--fail-on must be one of critical, high, medium, low, info, none (got '${value}')`, { location: { field: '--fail-on' } });
}

/** 1 when any finding reaches the --fail-on severity, else 0. */
export function exitCodeFor(report: Report, failOn: FailOn): number {
  if (failOn === 'none') return exitCodes.ok;
  return report.findings.some((f) => reaches(f.severity, failOn)) ? exitCodes.findings : exitCodes.ok;
}

import { readFile } from 'node:fs/promises';
import { FaultlineError } from '../core/errors.js';
import type { Report } from '../core/finding.js';
import { newSinceBaseline } from '../engine/baseline.js';

/** `--baseline report.json`: only the findings that report did not have; a missing or foreign file is a usage error. */
export async function applyBaseline(report: Report, baselinePath: string | undefined): Promise<Report> {
  if (baselinePath === undefined) return report;
  const text = await readFile(baselinePath, 'utf8').catch((error: unknown) => {
    throw new FaultlineError('E_USAGE', `${baselinePath}: cannot read the baseline report (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { location: { field: '--baseline' }, cause: error });
  });
  let baseline: unknown;
  try {
    baseline = JSON.parse(text);
  } catch (error) {
    throw new FaultlineError('E_USAGE', `${baselinePath}: the baseline is not JSON; pass a report.json written by --out or --format json`, { location: { field: '--baseline' }, cause: error });
  }
  const candidate = baseline as Partial<Report> | null;
  if (candidate?.schema !== 'faultline/report@1' || !Array.isArray(candidate.findings)) {
    throw new FaultlineError('E_USAGE', `${baselinePath}: the baseline is not a faultline report (schema faultline/report@1)`, { location: { field: '--baseline' } });
  }
  return newSinceBaseline(report, candidate as Report, baselinePath);
}

/** Today's date as the ignores' `until` is written (UTC). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

import { allChecks } from '../checks/registry.js';
import type { Severity } from '../core/severity.js';

export interface CheckMetadata {
  readonly summary: string;
  readonly explanation: string;
  readonly remedy: string;
  readonly severity: Severity;
  readonly kind: string;
}

let byId: Map<string, CheckMetadata> | undefined;

/** The catalogue entry of a check, read-only, or undefined for ids the catalogue does not know. */
export function checkMetadata(id: string): CheckMetadata | undefined {
  byId ??= new Map(
    allChecks.map((check) => [
      check.id,
      { summary: check.summary, explanation: check.explanation, remedy: check.remedy, severity: check.severity, kind: check.kind },
    ]),
  );
  return byId.get(id);
}

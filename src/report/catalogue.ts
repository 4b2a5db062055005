import { allChecks } from '../checks/registry.js';
import { checkDocsBaseUrl, checkDocsUrl } from '../checks/explain/docs-url.js';
import { explainCheck } from '../checks/explain/render.js';
import type { Report } from '../core/finding.js';
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

/**
 * The page that explains a check, under `baseUrl` or the pages shipped with the report's faultline
 * version; undefined for ids outside the check registry (diff rules, load thresholds).
 */
export function checkDocsLink(id: string, report: Report, baseUrl?: string): string | undefined {
  if (!checkMetadata(id)) return undefined;
  return checkDocsUrl(id, baseUrl ?? checkDocsBaseUrl(report.tool.version));
}

/** The Markdown `faultline explain` prints for a registered check, for viewers that show rule help. */
export function checkHelpMarkdown(id: string): string | undefined {
  const check = allChecks.find((candidate) => candidate.id === id);
  return check ? explainCheck(check) : undefined;
}

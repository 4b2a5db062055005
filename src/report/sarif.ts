import path from 'node:path';
import type { CauseId } from '../core/causes.js';
import { coverageSummary } from '../core/coverage.js';
import { findingFingerprint } from '../core/fingerprint.js';
import type { Finding, Report } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import { checkDocsLink, checkHelpMarkdown, checkMetadata } from './catalogue.js';
import { defineReporter, type RenderOptions } from './define.js';
import { sortFindings } from './sort-findings.js';
import { causeTitle } from './summarize.js';

export const sarifSchemaUri = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Where a SARIF viewer links the tool's name: the package's registry page. */
export const faultlineInformationUri = 'https://www.npmjs.com/package/faultline';

type SarifLevel = 'error' | 'warning' | 'note';

const levels: Record<Severity, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

// GitHub code scanning ranks security alerts by this CVSS-like score; only the security causes get one,
// so a missing description does not show up as a "critical security" alert.
const securityCauses = new Set<CauseId>(['permissions', 'unsecured-endpoints', 'session-management', 'public-exposure']);
const securitySeverity: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

/** A spec path as a SARIF artifact URI: relative to `rootDir` with forward slashes; URLs stay as they are. */
export function artifactUri(file: string, rootDir: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return file;
  const relative = path.isAbsolute(file) ? path.relative(rootDir, file) : file;
  return encodeURI(relative.split(path.sep).join('/').replace(/\\/g, '/'));
}

function ruleFor(check: string, first: Finding, report: Report, options: RenderOptions) {
  const meta = checkMetadata(check);
  const helpUri = checkDocsLink(check, report, options.docsBaseUrl);
  const severity = meta?.severity ?? first.severity;
  const tags = [first.cause, ...(securityCauses.has(first.cause) ? ['security'] : [])];
  return {
    id: check,
    shortDescription: { text: meta?.summary ?? first.title },
    fullDescription: { text: meta?.explanation ?? `${causeTitle(first.cause)}: ${first.title}` },
    ...(helpUri ? { helpUri } : {}),
    help: { text: meta?.remedy ?? first.remedy, markdown: checkHelpMarkdown(check) ?? meta?.remedy ?? first.remedy },
    defaultConfiguration: { level: levels[severity] },
    properties: {
      tags,
      ...(securityCauses.has(first.cause) ? { 'security-severity': securitySeverity[severity] } : {}),
    },
  };
}

function resultFor(finding: Finding, ruleIndex: number, report: Report, rootDir: string) {
  const context = [finding.operation, finding.status !== null ? `status ${finding.status}` : null].filter(Boolean).join(', ');
  const text = `${finding.title}${context ? ` (${context})` : ''}: ${finding.detail}`;
  // GitHub drops results without a physical location, so findings from live probes point at the spec.
  const file = finding.location?.file ?? report.spec?.source;
  const physicalLocation =
    file !== undefined
      ? {
          artifactLocation: { uri: artifactUri(file, rootDir) },
          region: {
            startLine: Math.max(1, finding.location?.line ?? 1),
            ...(finding.location?.column !== undefined ? { startColumn: Math.max(1, finding.location.column) } : {}),
          },
        }
      : undefined;
  const logicalLocations = [
    ...(finding.operation ? [{ name: finding.operation, kind: 'function' }] : []),
    ...(finding.location?.pointer ? [{ fullyQualifiedName: finding.location.pointer, kind: 'member' }] : []),
  ];
  const location = {
    ...(physicalLocation ? { physicalLocation } : {}),
    ...(logicalLocations.length > 0 ? { logicalLocations } : {}),
  };
  return {
    ruleId: finding.check,
    ruleIndex,
    level: levels[finding.severity],
    message: { text },
    ...(Object.keys(location).length > 0 ? { locations: [location] } : {}),
    partialFingerprints: { 'faultlineFinding/v2': findingFingerprint(finding) },
    properties: {
      cause: finding.cause,
      severity: finding.severity,
      ...(finding.status !== null ? { status: finding.status } : {}),
      ...(finding.count !== undefined ? { count: finding.count } : {}),
      ...(finding.evidence[0]?.curl ? { reproduce: finding.evidence[0].curl } : {}),
    },
  };
}

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, one rule per check that fired. */
export const sarifReporter = defineReporter({
  format: 'sarif',
  fileName: 'report.sarif',
  render(report: Report, options: RenderOptions): string {
    const rootDir = options.rootDir ?? process.cwd();
    const findings = sortFindings(report.findings);
    // Suppressed findings stay in the log with SARIF's own suppressions, so viewers show them as dismissed.
    const suppressed = sortFindings(report.suppressed ?? []);
    const ruleIndex = new Map<string, number>();
    const rules: ReturnType<typeof ruleFor>[] = [];
    for (const finding of [...findings, ...suppressed]) {
      if (ruleIndex.has(finding.check)) continue;
      ruleIndex.set(finding.check, rules.length);
      rules.push(ruleFor(finding.check, finding, report, options));
    }
    const log = {
      $schema: sarifSchemaUri,
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'faultline', version: report.tool.version, informationUri: faultlineInformationUri, rules } },
          automationDetails: { id: `faultline/${report.kind}/` },
          invocations: [
            {
              executionSuccessful: true,
              startTimeUtc: report.startedAt,
              endTimeUtc: report.finishedAt,
              ...(report.notes.length > 0
                ? { toolExecutionNotifications: report.notes.map((note) => ({ message: { text: note }, level: 'warning' })) }
                : {}),
            },
          ],
          columnKind: 'utf16CodeUnits',
          ...(report.coverage && report.coverage.length > 0 ? { properties: { coverage: coverageSummary(report.coverage).sentence, operationsReached: coverageSummary(report.coverage).reached, operations: report.coverage.length } } : {}),
          results: [
            ...findings.map((f) => resultFor(f, ruleIndex.get(f.check) ?? 0, report, rootDir)),
            ...suppressed.map((f) => ({
              ...resultFor(f, ruleIndex.get(f.check) ?? 0, report, rootDir),
              suppressions: [{ kind: f.suppression.source === 'spec' ? 'inSource' : 'external', status: 'accepted', justification: f.suppression.reason }],
            })),
          ],
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
});

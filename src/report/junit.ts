import type { CauseId } from '../core/causes.js';
import { coverageSummary, lowCoverageWarning } from '../core/coverage.js';
import type { Finding, Report } from '../core/finding.js';
import { formatLocation } from '../core/location.js';
import { reaches, type Severity } from '../core/severity.js';
import { defineReporter, type RenderOptions } from './define.js';
import { sortFindings } from './sort-findings.js';
import { causeTitle, summarizeByCause } from './summarize.js';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './xml-escape.js';

interface TestCase {
  readonly name: string;
  readonly check: string;
  readonly findings: Finding[];
}

function describeFinding(finding: Finding): string {
  const lines = [`[${finding.severity}] ${finding.title}`, finding.detail];
  if (finding.status !== null) lines.push(`status: ${finding.status}`);
  if (finding.location) lines.push(`at: ${formatLocation(finding.location)}`);
  if (finding.remedy) lines.push(`fix: ${finding.remedy}`);
  const curl = finding.evidence[0]?.curl;
  if (curl) lines.push(`reproduce: ${curl}`);
  return lines.filter(Boolean).join('\n');
}

/** One test case per check+operation, in the order of the (sorted) findings. */
function testCases(findings: readonly Finding[]): TestCase[] {
  const cases = new Map<string, TestCase>();
  for (const finding of findings) {
    const name = finding.operation ? `${finding.check} ${finding.operation}` : finding.check;
    const existing = cases.get(name);
    if (existing) existing.findings.push(finding);
    else cases.set(name, { name, check: finding.check, findings: [finding] });
  }
  return [...cases.values()];
}

function testCaseXml(cause: CauseId, testCase: TestCase, failOn: Severity): string {
  const open = `    <testcase classname="${attr(`faultline.${cause}.${testCase.check}`)}" name="${attr(testCase.name)}">`;
  const failing = testCase.findings.filter((f) => reaches(f.severity, failOn));
  const body = testCase.findings.map(describeFinding).join('\n\n');
  if (failing.length > 0) {
    const first = failing[0] as Finding;
    const message = failing.length > 1 ? `${first.title} (+${failing.length - 1} more)` : first.title;
    return `${open}\n      <failure message="${attr(message)}" type="${attr(first.severity)}">${text(body)}</failure>\n    </testcase>`;
  }
  return `${open}\n      <system-out>${text(body)}</system-out>\n    </testcase>`;
}

/**
 * JUnit XML for CI test tabs: one suite per cause (all eleven, so a clean cause shows as a passing
 * test), one case per check+operation, failed when a finding reaches `failOn` (default 'high').
 */
export const junitReporter = defineReporter({
  format: 'junit',
  fileName: 'junit.xml',
  render(report: Report, options: RenderOptions): string {
    const failOn = options.failOn ?? 'high';
    const findings = sortFindings(report.findings);
    const suites: string[] = [];
    let totalTests = 0;
    let totalFailures = 0;
    for (const summary of summarizeByCause(findings)) {
      const cases = testCases(findings.filter((f) => f.cause === summary.cause));
      const failures = cases.filter((c) => c.findings.some((f) => reaches(f.severity, failOn))).length;
      const caseXml =
        cases.length > 0
          ? cases.map((c) => testCaseXml(summary.cause, c, failOn))
          : [`    <testcase classname="${attr(`faultline.${summary.cause}`)}" name="${attr(`${causeTitle(summary.cause)}: no findings`)}"/>`];
      const tests = Math.max(1, cases.length);
      totalTests += tests;
      totalFailures += failures;
      suites.push(
        `  <testsuite name="${attr(causeTitle(summary.cause))}" id="${attr(summary.cause)}" tests="${tests}" failures="${failures}" errors="0" skipped="0" timestamp="${attr(report.startedAt)}">\n` +
          `${caseXml.join('\n')}\n  </testsuite>`,
      );
    }
    // Coverage first: each operation a case, skipped when no valid request reached it (it was not really tested).
    const coverage = report.coverage ?? [];
    if (coverage.length > 0) {
      const warning = lowCoverageWarning(coverage);
      const skipped = coverage.filter((entry) => !entry.reached).length;
      const cases = coverage.map((entry) => {
        const open = `    <testcase classname="faultline.coverage" name="${attr(`${entry.operation} reached with a 2xx`)}"`;
        return entry.reached ? `${open}/>` : `${open}>\n      <skipped message="${attr(`not reached: ${entry.why ?? entry.reason ?? ''}`)}"/>\n    </testcase>`;
      });
      totalTests += coverage.length;
      suites.unshift(
        `  <testsuite name="Coverage" id="coverage" tests="${coverage.length}" failures="0" errors="0" skipped="${skipped}" timestamp="${attr(report.startedAt)}">\n` +
          `${cases.join('\n')}\n` +
          `    <system-out>${text(warning ?? coverageSummary(coverage).sentence)}</system-out>\n  </testsuite>`,
      );
    }
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="${attr(`faultline ${report.kind}`)}" tests="${totalTests}" failures="${totalFailures}" errors="0">`,
      ...suites,
      '</testsuites>',
      '',
    ].join('\n');
  },
});

import { describe, expect, it } from 'vitest';
import { renderReport } from './write.js';
import { sampleReport } from './sample-report.test-helper.js';

const report = sampleReport();
const version = report.tool.version;
const page = (id: string) => `https://unpkg.com/faultline@${version}/docs/checks/${id}.md`;

describe('links from findings to check pages', () => {
  it('gives SARIF rules of registered checks a helpUri and the full explanation as help.markdown', () => {
    const rules = (JSON.parse(renderReport(report, 'sarif')) as { runs: [{ tool: { driver: { rules: { id: string; helpUri?: string; help: { markdown: string } }[] } } }] }).runs[0].tool.driver.rules;
    const auth = rules.find((rule) => rule.id === 'auth.unauthenticated-access')!;
    expect(auth.helpUri).toBe(page('auth.unauthenticated-access'));
    expect(auth.help.markdown).toContain('## How to silence it');
    // An id outside the registry (a diff rule, an old report) gets no link to a page that does not exist.
    expect(rules.find((rule) => rule.id === 'exposure.cors-any-origin')!.helpUri).toBeUndefined();
  });

  it('links the check of each HTML finding and one terminal line per check', () => {
    expect(renderReport(report, 'html')).toContain(`<a href="${page('session.cookie-flags')}"><code>session.cookie-flags</code></a>`);
    const terminal = renderReport(report, 'terminal', { verbose: true });
    expect(terminal).toContain(`about conformance.server-error: faultline explain conformance.server-error or ${page('conformance.server-error')}`);
    expect(terminal.match(/about lint\.operation-description:/g)).toHaveLength(1);
  });

  it('uses a configured base instead', () => {
    const sarif = renderReport(report, 'sarif', { docsBaseUrl: 'https://docs.example.com/faultline/' });
    expect(sarif).toContain('"helpUri": "https://docs.example.com/faultline/session.cookie-flags.md"');
  });
});

describe('suppressed findings in the reports', () => {
  const [first] = report.findings;
  const silenced = sampleReport([], { suppressed: [{ ...first!, check: 'lint.verb-in-path', operation: 'GET /a', suppression: { source: 'config', reason: 'legacy route' } }] });

  it('lists them with the reason in the terminal and HTML, and as accepted suppressions in SARIF', () => {
    expect(renderReport(silenced, 'terminal')).toContain('Suppressed (1, not counted)\n  - lint.verb-in-path on GET /a');
    expect(renderReport(silenced, 'html')).toContain('Suppressed by faultline.yaml: legacy route');
    const results = (JSON.parse(renderReport(silenced, 'sarif')) as { runs: [{ results: { ruleId: string; suppressions?: unknown[] }[] }] }).runs[0].results;
    expect(results).toEqual([expect.objectContaining({ ruleId: 'lint.verb-in-path', suppressions: [{ kind: 'external', status: 'accepted', justification: 'legacy route' }] })]);
  });
});

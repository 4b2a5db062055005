import { describe, expect, it } from 'vitest';
import { sampleReport, largeFindings } from './sample-report.test-helper.js';
import { terminalReporter } from './terminal.js';

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[/;

describe('terminal reporter', () => {
  it('summarises every cause and ends with the totals line', () => {
    const text = terminalReporter.render(sampleReport(), {});
    expect(text).toContain('By cause');
    expect(text).toMatch(/Unsecured endpoints\s+1 critical/);
    expect(text).toMatch(/Insufficient testing\s+1 high, 1 medium/);
    expect(text).toMatch(/Poor design & docs\s+2 low, 1 info/);
    expect(text).toMatch(/Monitoring & logging\s+no findings/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('8 findings: 1 critical, 2 high, 2 medium, 2 low, 1 info');
  });

  it('shows check, operation, status, detail, location, remedy and the first curl of a finding', () => {
    const text = terminalReporter.render(sampleReport(), {});
    expect(text).toContain('[CRITICAL] Secured operation answers without credentials <b>bold</b> (×3)');
    expect(text).toContain('auth.unauthenticated-access  GET /pets → 200');
    expect(text).toContain('    Body started with "<script>".');
    expect(text).toContain('at specs/petstore.yaml:12 /paths/~1pets/get');
    expect(text).toContain('fix: Fix the thing.');
    expect(text).toContain("$ curl -sS 'http://127.0.0.1:8080/pets'");
    expect(text).toContain('Notes\n  - check conformance.slow crashed: boom');
  });

  it('uses colour only when asked', () => {
    expect(terminalReporter.render(sampleReport(), {})).not.toMatch(ansi);
    expect(terminalReporter.render(sampleReport(), { color: false })).not.toMatch(ansi);
    expect(terminalReporter.render(sampleReport(), { color: true })).toMatch(ansi);
  });

  it('shows escape sequences from an API as text instead of sending them to the terminal', () => {
    const report = sampleReport();
    const hostile = sampleReport([{ ...(report.findings[0] as (typeof report.findings)[number]), title: 'evil \u001b[2J\u001b]0;owned\u0007 title\r\u202eabc' }]);
    const text = terminalReporter.render(hostile, {});
    expect(text).not.toMatch(ansi);
    expect(text).not.toContain('\r');
    expect(text).not.toContain('\u202e');
    expect(text).toContain('evil \\x1b[2J\\x1b]0;owned\\x07 title\\x0d\\u202eabc');
  });

  it('lists at most a few findings per check and says how many more there are', () => {
    const report = sampleReport(largeFindings(5000, 10));
    const text = terminalReporter.render(report, {});
    // 7 checks over 5 causes; each (cause, check) group prints at most 5 findings.
    const listed = text.match(/^\[(CRITICAL|HIGH|MEDIUM|LOW|INFO)\] /gm) ?? [];
    expect(listed.length).toBeLessThanOrEqual(5 * 7 * 5);
    expect(text).toMatch(/\.\.\. and \d+ more from area\.check-0 \(--verbose lists all\)/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('5000 findings: 1000 critical, 1000 high, 1000 medium, 1000 low, 1000 info');
    expect(text.split('\n').length).toBeLessThan(2000);
  });

  it('lists every finding with verbose', () => {
    const report = sampleReport(largeFindings(300, 10));
    const text = terminalReporter.render(report, { verbose: true });
    expect(text.match(/^\[(CRITICAL|HIGH|MEDIUM|LOW|INFO)\] /gm)?.length).toBe(300);
    expect(text).not.toContain('more from');
  });

  it('says so when there are no findings', () => {
    const text = terminalReporter.render(sampleReport([], { notes: [] }), {});
    expect(text.trimEnd().split('\n').at(-1)).toBe('0 findings: 0 critical, 0 high, 0 medium, 0 low, 0 info');
    expect(text).not.toContain('Notes');
  });
});

import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../core/finding.js';
import { specFromText } from '../spec/load.js';
import { suppressFindings } from './suppress.js';

const finding = (check: string, operation: string | null): Finding => ({
  check, cause: 'poor-design-docs', severity: 'low', operation, status: null, title: `${check} fired`, detail: 'd', remedy: 'r', evidence: [],
});

const report = (findings: Finding[]): Report => ({
  schema: 'faultline/report@1', tool: { name: 'faultline', version: '0.0.0' }, kind: 'lint',
  startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:01Z', findings, stats: {}, notes: [],
});

const spec = specFromText([
  'openapi: 3.0.3',
  'info: { title: t, version: "1" }',
  'x-faultline-ignore: [lint.info-contact]',
  'paths:',
  '  /a:',
  '    get:',
  '      x-faultline-ignore: [lint.operation-id-missing]',
  "      responses: { '200': { description: ok } }",
  '  /b:',
  '    get:',
  "      responses: { '200': { description: ok } }",
].join('\n'), 'spec.yaml');

describe('suppressFindings', () => {
  it('silences a check on the operation that lists it in x-faultline-ignore, and everywhere when the root lists it', () => {
    const result = suppressFindings(report([
      finding('lint.operation-id-missing', 'GET /a'),
      finding('lint.operation-id-missing', 'GET /b'),
      finding('lint.info-contact', null),
    ]), { spec, today: '2026-01-01' });
    expect(result.findings.map((f) => f.operation)).toEqual(['GET /b']);
    expect(result.suppressed?.map((f) => [f.check, f.operation, f.suppression.source])).toEqual([
      ['lint.operation-id-missing', 'GET /a', 'spec'],
      ['lint.info-contact', null, 'spec'],
    ]);
    expect(result.suppressed?.[0]?.suppression.reason).toContain('x-faultline-ignore on GET /a');
    expect(result.stats['suppressed']).toBe(2);
  });

  it('silences by config with its reason, only on the named operation', () => {
    const result = suppressFindings(report([finding('lint.verb-in-path', 'GET /a'), finding('lint.verb-in-path', 'GET /b')]), {
      ignores: [{ check: 'lint.verb-in-path', operation: 'GET /a', reason: 'legacy RPC route kept for the mobile app', until: '2026-06-30' }],
      today: '2026-06-30',
    });
    expect(result.findings.map((f) => f.operation)).toEqual(['GET /b']);
    expect(result.suppressed).toEqual([expect.objectContaining({ operation: 'GET /a', suppression: { source: 'config', reason: 'legacy RPC route kept for the mobile app', until: '2026-06-30' } })]);
  });

  it('lets the finding return once the ignore has expired, and says so', () => {
    const result = suppressFindings(report([finding('lint.verb-in-path', 'GET /a')]), {
      ignores: [{ check: 'lint.verb-in-path', reason: 'until the v2 launch', until: '2026-06-30' }],
      today: '2026-07-01',
    });
    expect(result.findings).toHaveLength(1);
    expect(result.suppressed).toBeUndefined();
    expect(result.notes).toEqual([expect.stringContaining('the ignore of lint.verb-in-path expired on 2026-06-30')]);
  });
});

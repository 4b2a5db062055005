import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPkg from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Report } from '../core/finding.js';
import { jsonReporter } from './json.js';
import { finding, sampleReport } from './sample-report.test-helper.js';

const addFormats = addFormatsPkg.default;
const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object;

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('json reporter', () => {
  it('renders a report that validates against schema/report.schema.json', () => {
    const validate = validator();
    const parsed = JSON.parse(jsonReporter.render(sampleReport(), {})) as unknown;
    expect(validate(parsed), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('validates a minimal report with no spec, target or findings', () => {
    const validate = validator();
    const parsed = JSON.parse(jsonReporter.render(sampleReport([], { spec: undefined, target: undefined, notes: [] }), {})) as unknown;
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the schema rejects a finding with an unknown cause or severity', () => {
    const validate = validator();
    const bad = JSON.parse(jsonReporter.render(sampleReport(), {})) as { findings: Array<Record<string, unknown>> };
    (bad.findings[0] as Record<string, unknown>).cause = 'vibes';
    expect(validate(bad)).toBe(false);
    const bad2 = JSON.parse(jsonReporter.render(sampleReport(), {})) as { findings: Array<Record<string, unknown>> };
    (bad2.findings[0] as Record<string, unknown>).severity = 'urgent';
    expect(validate(bad2)).toBe(false);
  });

  it('the schema rejects evidence whose response misses its status', () => {
    const validate = validator();
    const parsed = JSON.parse(jsonReporter.render(sampleReport(), {})) as Report;
    const withEvidence = parsed.findings.find((f) => f.evidence.length > 0) as unknown as { evidence: Array<{ response: Record<string, unknown> }> };
    delete (withEvidence.evidence[0] as { response: Record<string, unknown> }).response.status;
    expect(validate(parsed)).toBe(false);
  });

  it('starts with the schema id and lists findings by severity, then cause, then check', () => {
    const text = jsonReporter.render(sampleReport(), {});
    expect(text.split('\n')[1]).toBe('  "schema": "faultline/report@1",');
    const parsed = JSON.parse(text) as Report;
    expect(parsed.findings.map((f) => `${f.severity} ${f.cause} ${f.check}`)).toEqual([
      'critical unsecured-endpoints auth.unauthenticated-access',
      'high insufficient-testing conformance.server-error',
      'high public-exposure exposure.cors-any-origin',
      'medium insufficient-testing conformance.schema-mismatch',
      'medium session-management session.cookie-flags',
      'low poor-design-docs lint.operation-description',
      'low poor-design-docs lint.operation-description',
      'info poor-design-docs lint.error-responses',
    ]);
  });

  it('keeps every field of a finding, including evidence and location', () => {
    const f = finding({
      check: 'auth.x',
      cause: 'permissions',
      severity: 'high',
      location: { file: 'a.yaml', pointer: '/paths', line: 3, column: 1 },
      count: 2,
    });
    const parsed = JSON.parse(jsonReporter.render(sampleReport([f]), {})) as Report;
    expect(parsed.findings[0]).toEqual(f);
  });
});

describe('json reporter: suppressed findings', () => {
  it('keeps suppressed findings with their reason, and the schema accepts them', () => {
    const [first] = sampleReport().findings;
    const report = sampleReport([], { suppressed: [{ ...first!, suppression: { source: 'config', reason: 'accepted risk', until: '2026-12-31' } }] });
    const parsed = JSON.parse(jsonReporter.render(report, {})) as { suppressed: unknown[] };
    expect(parsed.suppressed).toEqual([expect.objectContaining({ suppression: { source: 'config', reason: 'accepted risk', until: '2026-12-31' } })]);
    const validate = validator();
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    (parsed.suppressed[0] as { suppression: Record<string, unknown> }).suppression = { source: 'config' };
    expect(validate(parsed)).toBe(false);
  });
});

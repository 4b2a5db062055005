import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsPkg from 'ajv-formats';
import { allChecks } from '../checks/registry.js';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { finding, sampleReport } from './sample-report.test-helper.js';
import { findingFingerprint } from '../core/fingerprint.js';
import { artifactUri, sarifReporter } from './sarif.js';

const addFormats = addFormatsPkg.default;
const sarifSchema = JSON.parse(readFileSync(new URL('../../test/fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations?: Array<{
    physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } };
    logicalLocations?: Array<{ name?: string; fullyQualifiedName?: string }>;
  }>;
  partialFingerprints: Record<string, string>;
}
interface SarifLog {
  version: string;
  $schema: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, any>> } };
    results: SarifResult[];
  }>;
}

function validateSarif(text: string): void {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(sarifSchema);
  const ok = validate(JSON.parse(text));
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

function render(findings?: Finding[], rootDir = '/repo'): SarifLog {
  return JSON.parse(sarifReporter.render(sampleReport(findings), { rootDir })) as SarifLog;
}

describe('sarif reporter', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    validateSarif(sarifReporter.render(sampleReport(), { rootDir: '/repo' }));
    validateSarif(sarifReporter.render(sampleReport([], { notes: [], spec: undefined }), {}));
  });

  it('the schema check catches a broken log', () => {
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const log = render();
    (log.runs[0]?.results[0] as unknown as Record<string, unknown>).level = 'fatal';
    expect(ajv.validate(sarifSchema, log)).toBe(false);
  });

  it('describes the tool and one rule per check that fired, tagged with its cause', () => {
    const run = render().runs[0];
    expect(run?.tool.driver).toMatchObject({ name: 'faultline', version: '0.1.0', informationUri: expect.stringMatching(/^https:\/\//) });
    const ids = run?.tool.driver.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids?.length);
    expect(ids).toHaveLength(7);
    const auth = run?.tool.driver.rules.find((r) => r.id === 'auth.unauthenticated-access');
    // A check in the catalogue is described by its own metadata, not by the finding's.
    const catalogue = allChecks.find((c) => c.id === 'auth.unauthenticated-access')!;
    expect(auth).toMatchObject({
      shortDescription: { text: catalogue.summary },
      fullDescription: { text: catalogue.explanation },
      help: { text: catalogue.remedy },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['unsecured-endpoints', 'security'] },
    });
  });

  it('takes rule texts from the check catalogue when the check is known', () => {
    const f = finding({ check: 'lint.operation-description', cause: 'poor-design-docs', severity: 'low', remedy: 'x' });
    const rule = render([f]).runs[0]?.tool.driver.rules[0];
    expect(rule?.shortDescription.text).toBe('Operation has neither summary nor description');
    expect(rule?.fullDescription.text).toMatch(/^Without a summary or description/);
    expect(rule?.help.text).toMatch(/^Add a one-line `summary`/);
    expect(rule?.defaultConfiguration.level).toBe('note');
  });

  it('maps severities to levels: critical and high are errors, medium a warning, low and info notes', () => {
    const results = render().runs[0]?.results ?? [];
    const levelOf = (check: string) => results.find((r) => r.ruleId === check)?.level;
    expect(levelOf('auth.unauthenticated-access')).toBe('error');
    expect(levelOf('exposure.cors-any-origin')).toBe('error');
    expect(levelOf('session.cookie-flags')).toBe('warning');
    expect(levelOf('lint.operation-description')).toBe('note');
    expect(levelOf('lint.error-responses')).toBe('note');
  });

  it('points each result at the spec file, with its line or line 1, and at the operation and pointer', () => {
    const results = render().runs[0]?.results ?? [];
    const lint = results.find((r) => r.ruleId === 'lint.operation-description');
    expect(lint?.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'specs/petstore.yaml' }, region: { startLine: 12, startColumn: 5 } });
    expect(lint?.locations?.[0]?.logicalLocations).toEqual([
      { name: 'GET /pets', kind: 'function' },
      { fullyQualifiedName: '/paths/~1pets/get', kind: 'member' },
    ]);
    // A live finding has no location of its own: it points at the spec, line 1.
    const live = results.find((r) => r.ruleId === 'auth.unauthenticated-access');
    expect(live?.locations?.[0]?.physicalLocation?.region.startLine).toBe(1);
    expect(live?.message.text).toContain('(GET /pets, status 200)');
    for (const result of results) expect(result.locations?.[0]?.physicalLocation?.region.startLine).toBeGreaterThanOrEqual(1);
  });

  it('makes absolute spec paths relative to the root directory with forward slashes', () => {
    expect(artifactUri(path.join('/repo', 'api', 'my spec.yaml'), '/repo')).toBe('api/my%20spec.yaml');
    expect(artifactUri('specs/a.yaml', '/repo')).toBe('specs/a.yaml');
    expect(artifactUri('https://example.test/openapi.json', '/repo')).toBe('https://example.test/openapi.json');
    const f = finding({ check: 'lint.x', cause: 'bad-urls', severity: 'low', location: { file: '/repo/api/openapi.yaml', pointer: '/paths', line: 0 } });
    const physical = render([f]).runs[0]?.results[0]?.locations?.[0]?.physicalLocation;
    expect(physical).toEqual({ artifactLocation: { uri: 'api/openapi.yaml' }, region: { startLine: 1 } });
  });

  it('gives stable fingerprints that change with check, operation or pointer but not with line', () => {
    const base = finding({ check: 'lint.x', cause: 'bad-urls', severity: 'low', location: { file: 'a.yaml', pointer: '/a', line: 3 } });
    const moved = { ...base, location: { file: 'a.yaml', pointer: '/a', line: 40 } };
    expect(findingFingerprint(base)).toBe(findingFingerprint(moved));
    expect(findingFingerprint(base)).not.toBe(findingFingerprint({ ...base, operation: 'POST /x' }));
    expect(findingFingerprint(base)).not.toBe(findingFingerprint({ ...base, check: 'lint.y' }));
    expect(findingFingerprint(base)).not.toBe(findingFingerprint({ ...base, location: { file: 'a.yaml', pointer: '/b' } }));
    const results = render().runs[0]?.results ?? [];
    expect(results.every((r) => /^[0-9a-f]{32}$/.test(r.partialFingerprints['faultlineFinding/v2'] ?? ''))).toBe(true);
  });

  it('points rule indexes at the rule with the same id', () => {
    const run = render().runs[0];
    for (const result of run?.results ?? []) expect(run?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
  });
});

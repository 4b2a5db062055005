import { createRequire } from 'node:module';
import type { Finding, Report } from '../core/finding.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../spec/load.js';
import type { SpecModel } from '../spec/model.js';
import { runDiff, suggestedBump } from './run-diff.js';

// Two published versions of GitHub's REST description, pinned as npm aliases in devDependencies:
// @octokit/openapi 19.0.0 (GHES 3.13–3.16 era) and 23.0.2 (GHES 3.17–3.19 era), about a year apart.
const require = createRequire(import.meta.url);
const description = (alias: string) => require.resolve(`${alias}/generated/api.github.com.json`);

// GitHub deprecated the Classroom operations on 2026-05-22; judge the policy on that day.
const now = new Date('2026-05-22T00:00:00Z');

let oldSpec: SpecModel;
let newSpec: SpecModel;
let report: Report;

function find(check: string, operation: string, text?: string): Finding | undefined {
  return report.findings.find((f) => f.check === check && f.operation === operation && (text === undefined || f.detail.includes(text)));
}

beforeAll(async () => {
  oldSpec = await loadSpec(description('octokit-openapi-old'));
  newSpec = await loadSpec(description('@octokit/openapi'));
  report = runDiff(oldSpec, newSpec, { now });
}, 120_000);

describe('diff of two real versions of GitHub\'s REST description', () => {
  it('pairs almost every operation and suggests a major version', () => {
    expect(report.stats).toMatchObject({ operationsOld: 1028, operationsNew: 1223, operationsPaired: 953 });
    expect(report.stats['breaking']).toBeGreaterThan(50);
    expect(suggestedBump(report)).toBe('major');
  });

  it('calls the team discussions endpoints removed without deprecation breaking', () => {
    const finding = find('diff.operation-removed', 'GET /orgs/{org}/teams/{team_slug}/discussions');
    expect(finding).toMatchObject({ severity: 'high', cause: 'bad-urls' });
    expect(finding!.location?.pointer).toBe('/paths');
  });

  it('lets the classic projects go quietly: deprecated with x-github.removalDate 2025-04-01, long past', () => {
    const finding = find('diff.operation-removed-after-sunset', 'GET /orgs/{org}/projects');
    expect(finding?.severity).toBe('info');
    expect(finding?.detail).toContain('2025-04-01, from x-github.removalDate');
    // GitHub gave its operationId to projectsV2; a deprecated operation is replaced, not moved.
    expect(report.findings.filter((f) => f.check === 'diff.operation-path-changed')).toEqual([]);
  });

  it('flags the Classroom deprecation: removal date 2026-08-28 is 98 days after deprecation, not 180', () => {
    const finding = find('diff.operation-sunset-too-soon', 'GET /classrooms');
    expect(finding?.severity).toBe('high');
    expect(finding?.detail).toContain('sunsets on 2026-08-28 (x-github.removalDate), in 98 days');
  });

  it('warns about the renamed custom-property operationIds', () => {
    const finding = find('diff.operation-id-changed', 'GET /orgs/{org}/properties/schema');
    expect(finding?.detail).toContain("'orgs/get-all-custom-properties' → 'orgs/custom-properties-for-repos-get-organization-definitions'");
    expect(report.findings.filter((f) => f.check === 'diff.operation-id-changed')).toHaveLength(9);
  });

  it('sees per_page of GET /events default to 15 instead of 30 through a swapped component parameter', () => {
    const finding = find('diff.request-parameter-default-changed', 'GET /events');
    expect(finding?.detail).toContain("query parameter 'per_page': default 30 → 15");
    expect(finding?.detail).toContain('old: /components/parameters/per-page/schema/default  new: /components/parameters/public-events-per-page/schema/default');
  });

  it('reports the secrets dropped from the integration schema once, across every operation returning it', () => {
    const finding = find('diff.response-property-removed', 'GET /app', 'property `client_secret`');
    expect(finding?.severity).toBe('high');
    expect(finding?.count).toBe(15);
    expect(finding?.detail).toContain('old: /components/schemas/integration/properties/client_secret  new: —');
  });

  it('warns that issue.state_reason may now be "duplicate"', () => {
    const finding = find('diff.response-enum-value-added', 'GET /issues', 'enum value "duplicate"');
    expect(finding?.severity).toBe('medium');
    expect(finding?.detail).toContain('property `[].state_reason`');
  });

  it('calls the new required url of POST /orgs/{org}/private-registries breaking', () => {
    expect(find('diff.request-property-added-required', 'POST /orgs/{org}/private-registries', 'property `url`')?.severity).toBe('high');
  });

  it('calls the dropped first/last pagination of Dependabot alerts breaking', () => {
    expect(find('diff.request-parameter-removed', 'GET /repos/{owner}/{repo}/dependabot/alerts', "query parameter 'first'")).toBeDefined();
    expect(find('diff.request-parameter-removed', 'GET /repos/{owner}/{repo}/dependabot/alerts', "query parameter 'last'")).toBeDefined();
  });

  it('finds no change when the new description is compared with itself, only the deprecation policy on what stays deprecated', () => {
    const findings = runDiff(newSpec, newSpec, { now }).findings;
    expect(findings.filter((f) => f.check !== 'diff.operation-deprecation-unscheduled')).toEqual([]);
    // Each operation deprecated with no sunset far enough ahead is named once, whether or not anything changed.
    const deprecated = newSpec.operations.filter((op) => op.deprecated).map((op) => op.key).sort();
    expect(findings.map((f) => f.operation).sort()).toEqual(deprecated);
  });
});

import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/finding.js';
import { collectLintFindings } from '../../engine/lint-runner.js';
import { loadSpec } from '../../spec/load.js';
import { allChecks } from '../registry.js';
import type { Check } from '../types.js';

// GitHub's REST description (@octokit/openapi 23.0.2, a dev dependency, 13 MB, 1,223 operations). Each finding
// pinned below was read by hand in the file at the line it names; the descriptions say what is there.
const require = createRequire(import.meta.url);
const githubFile = require.resolve('@octokit/openapi/generated/api.github.com.json');

let findings: Finding[];

beforeAll(async () => {
  const spec = await loadSpec(githubFile);
  const lintChecks = allChecks.filter((c): c is Check<'lint'> => c.kind === 'lint');
  const crashes: string[] = [];
  findings = await collectLintFindings(spec, lintChecks, (check, message) => crashes.push(`${check}: ${message}`));
  expect(crashes).toEqual([]);
}, 120_000);

function at(check: string, pointer: string): Finding | undefined {
  return findings.find((f) => f.check === check && f.location?.pointer === pointer);
}

function countOf(check: string): number {
  return findings.filter((f) => f.check === check).length;
}

/** Findings read by hand at the line given; `detail` where the wording carries the fact being pinned. */
const pinned: { name: string; check: string; pointer: string; line: number; operation?: string; detail?: string; count?: number }[] = [
  {
    // "properties": { "tag": { "type": "array", … } }, "required": ["tags"]
    name: 'Docker package metadata requires `tags` but defines `tag`',
    check: 'lint.required-property-undefined',
    pointer: '/components/schemas/package-version/properties/metadata/properties/docker/required',
    line: 135638,
    detail: "Required 'tags' is not among the schema's properties (tag).",
    count: 1,
  },
  {
    // content-directory is `type: array`; its items have `type`, the variant itself has no properties.
    name: 'the contents endpoint discriminates on `type`, but content-directory is an array',
    check: 'lint.discriminator-property-invalid',
    pointer: '/paths/~1repos~1{owner}~1{repo}~1contents~1{path}/get/responses/200/content/application~1json/schema/discriminator',
    line: 56980,
    detail: "Discriminator property 'type' is not defined on 1 of its 4 variants #/components/schemas/content-directory.",
    count: 1,
  },
  {
    // The organisation variant of the endpoint copies it; PATCH /repos/{owner}/{repo}/import has a third.
    name: "the Dependabot repository-access example '204' has a summary and nothing else",
    check: 'lint.example-value-and-external',
    pointer: '/paths/~1enterprises~1{enterprise}~1dependabot~1repository-access/patch/requestBody/content/application~1json/examples/204',
    line: 8492,
    detail: "Example '204' has neither value nor externalValue.",
    count: 3,
  },
  {
    name: 'the 429 of GET /advisories describes its body but no Retry-After header',
    check: 'lint.retry-after-undocumented',
    pointer: '/paths/~1advisories/get/responses/429',
    line: 474,
    operation: 'GET /advisories',
  },
  {
    name: 'the access_token in the body of DELETE /applications/{client_id}/grant has no maxLength',
    check: 'lint.request-string-unbounded',
    pointer: '/paths/~1applications~1{client_id}~1grant/delete/requestBody/content/application~1json/schema/properties/access_token',
    line: 5330,
    operation: 'DELETE /applications/{client_id}/grant',
  },
  {
    name: 'Copilot space resources take free-form metadata (additionalProperties: true)',
    check: 'lint.request-additional-properties',
    pointer: '/paths/~1orgs~1{org}~1copilot-spaces~1{space_number}~1resources/post/requestBody/content/application~1json/schema/properties/metadata/additionalProperties',
    line: 26263,
    operation: 'POST /orgs/{org}/copilot-spaces/{space_number}/resources',
  },
  {
    name: 'commit.author is nullable beside a oneOf, with no type',
    check: 'lint.nullable-without-type',
    pointer: '/components/schemas/commit/properties/author/nullable',
    line: 146052,
  },
];

describe("lint checks on GitHub's REST description", () => {
  it.each(pinned)('$check: $name', ({ check, pointer, line, operation, detail, count }) => {
    const finding = at(check, pointer);
    expect(finding?.location?.line).toBe(line);
    if (operation !== undefined) expect(finding?.operation).toBe(operation);
    if (detail !== undefined) expect(finding?.detail).toBe(detail);
    if (count !== undefined) expect(countOf(check)).toBe(count);
  });

  it('stays silent where GitHub is right: summaries, tags, servers, unique ids, no credentials in paths', () => {
    const silent = [
      'lint.operation-summary-missing',
      'lint.operation-tags-missing',
      'lint.tag-duplicate',
      'lint.tag-description-missing',
      'lint.servers-missing',
      'lint.server-trailing-slash',
      'lint.operation-id-duplicate',
      'lint.operation-id-url-unsafe',
      'lint.parameter-duplicate',
      'lint.path-template-empty',
      'lint.path-query-string',
      'lint.credentials-in-path',
      'lint.success-response-missing',
      'lint.enum-type-mismatch',
      'lint.schema-keyword-invalid',
    ];
    expect(Object.fromEntries(silent.map((check) => [check, countOf(check)]))).toEqual(Object.fromEntries(silent.map((check) => [check, 0])));
  });
});

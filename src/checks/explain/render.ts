import { causes, type CauseId } from '../../core/causes.js';
import type { AnyCheck } from '../types.js';
import { fixRecipes, stackTitles, type Stack } from './fixes.js';
import { checkGuides, type CheckGuide } from './guides.js';
import { resolveReference } from './references.js';

/** The guide of a registered check; throws for one without, which guides.test.ts keeps from shipping. */
export function guideFor(check: AnyCheck): CheckGuide {
  const guide = checkGuides[check.id];
  if (!guide) throw new Error(`check ${check.id} has no entry in src/checks/explain/guides.ts`);
  return guide;
}

function reproduce(check: AnyCheck): string[] {
  if (check.kind === 'lint') {
    return ['```sh', `faultline lint openapi.yaml --only ${check.id}`, '```', '', 'Each finding names the file, line and JSON pointer of the part of the description at fault.'];
  }
  return [
    '```sh',
    `faultline audit --spec openapi.yaml --target http://127.0.0.1:8080 --only ${check.id}`,
    '```',
    '',
    'Each finding carries its evidence: the request sent and the response seen, with a `curl` line that sends the same request again.',
  ];
}

function silence(check: AnyCheck): string[] {
  return [
    'For one operation, in the description (or at its root, for every operation):',
    '',
    '```yaml',
    'paths:',
    '  /orders/{id}:',
    '    get:',
    `      x-faultline-ignore: [${check.id}]`,
    '```',
    '',
    'Or in `faultline.yaml`, with the reason the report shows beside the suppressed finding and an optional date after which it comes back:',
    '',
    '```yaml',
    'ignore:',
    `  - check: ${check.id}`,
    "    operation: GET /orders/{id}",
    '    reason: internal admin API, reached only through the VPN',
    "    until: '2026-12-31'",
    '```',
  ];
}

function fixes(guide: CheckGuide): string[] {
  const lines: string[] = [];
  for (const id of guide.fixes) {
    const recipe = fixRecipes[id];
    lines.push(`### ${recipe.title}`, '');
    for (const [stack, code] of Object.entries(recipe.examples) as [Stack, string][]) {
      lines.push(`${stackTitles[stack]}:`, '', '```' + (stack === 'openapi' ? 'yaml' : stack === 'nginx' ? 'nginx' : stack === 'spring' ? 'java' : 'ts'), code, '```', '');
    }
  }
  return lines;
}

function references(guide: CheckGuide): string[] {
  return guide.references.map((id) => {
    const reference = resolveReference(id);
    return reference ? `- [${id}: ${reference.title}](${reference.url})` : `- ${id}`;
  });
}

/**
 * The whole explanation of a check as Markdown: what it looks for, why it matters, how to fix it (with
 * stack examples), how to reproduce a finding, references and how to silence it. `faultline explain`
 * prints it and docs/checks/<id>.md is this text, so the two never disagree.
 */
export function explainCheck(check: AnyCheck): string {
  const guide = guideFor(check);
  const cause = causes[check.cause];
  return [
    `# ${check.id}`,
    '',
    `**${check.summary}**`,
    '',
    `| cause | kind | default severity |`,
    `|---|---|---|`,
    `| [${cause.title}](index.md#${cause.id}) (\`${cause.id}\`) | ${check.kind === 'lint' ? 'lint (reads the description only)' : 'audit (sends requests to the running API)'} | ${check.severity} |`,
    '',
    '## Why it matters',
    '',
    check.explanation,
    '',
    '## How to fix it',
    '',
    check.remedy,
    '',
    ...fixes(guide),
    '## How to reproduce',
    '',
    ...reproduce(check),
    '',
    '## References',
    '',
    ...references(guide),
    '',
    '## How to silence it',
    '',
    ...silence(check),
    '',
  ].join('\n');
}

/** A cause as Markdown: what it covers and its checks, each with its summary and page. */
export function explainCause(causeId: CauseId, checks: readonly AnyCheck[]): string {
  const cause = causes[causeId];
  const own = checks.filter((check) => check.cause === causeId);
  return [
    `# ${cause.title} (\`${cause.id}\`)`,
    '',
    cause.looksFor,
    '',
    `${own.length} checks; \`faultline explain CHECK-ID\` tells more about one.`,
    '',
    ...own.map((check) => `- [\`${check.id}\`](${check.id}.md) (${check.kind}, ${check.severity}): ${check.summary}`),
    '',
  ].join('\n');
}

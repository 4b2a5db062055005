import { causeIds, causes } from '../../core/causes.js';
import type { AnyCheck } from '../types.js';
import { explainCheck } from './render.js';

/**
 * Every file of docs/checks: one page a check (the text `faultline explain` prints) and index.md, the
 * checks grouped by cause. scripts/write-check-pages.mjs writes them; pages.test.ts fails when the
 * committed pages differ from these.
 */
export function checkPages(checks: readonly AnyCheck[]): Map<string, string> {
  const pages = new Map<string, string>();
  for (const check of checks) pages.set(`${check.id}.md`, explainCheck(check));
  const index = [
    '# Checks by cause',
    '',
    `faultline runs ${checks.length} checks, each tied to one of the eleven causes an API fails of.`,
    'These pages are generated from the check registry by `node scripts/write-check-pages.mjs` (after `npm run build`);',
    'edit the check or `src/checks/explain/` instead. `faultline explain CHECK-ID` prints the same text.',
    '',
  ];
  for (const causeId of causeIds) {
    const cause = causes[causeId];
    const own = checks.filter((check) => check.cause === causeId);
    index.push(`<a id="${cause.id}"></a>`, '', `## ${cause.title}`, '', cause.looksFor, '', '| check | kind | severity | summary |', '|---|---|---|---|');
    for (const check of own) index.push(`| [\`${check.id}\`](${check.id}.md) | ${check.kind} | ${check.severity} | ${check.summary.replace(/\|/g, '\\|')} |`);
    index.push('');
  }
  pages.set('index.md', index.join('\n'));
  return pages;
}

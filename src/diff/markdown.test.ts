import { describe, expect, it } from 'vitest';
import { specFromObject } from '../spec/load.js';
import { renderDiffMarkdown } from './markdown.js';
import { runDiff } from './run-diff.js';

const now = new Date('2026-01-01T00:00:00Z');
const ok = { '200': { description: 'ok' } };
const doc = (paths: Record<string, unknown>) => ({ openapi: '3.0.3', info: { title: 'Shop', version: '1.0.0' }, paths });

describe('renderDiffMarkdown', () => {
  it('writes a summary table, the bump and the details grouped by operation, info folded away', () => {
    const report = runDiff(
      specFromObject(doc({ '/a': { get: { responses: ok } }, '/b': { get: { parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }], responses: ok } } }), 'old.json'),
      specFromObject(doc({ '/b': { get: { responses: ok } }, '/c': { get: { responses: ok } } }), 'new.json'),
      { now },
    );
    const md = renderDiffMarkdown(report);
    expect(md).toContain('### faultline diff: 2 breaking changes, 0 warnings, 1 info');
    expect(md).toContain('**Suggested version bump: major**');
    expect(md).toContain('| 🔴 breaking | 1 | 1 | 2 |');
    expect(md).toContain('**`GET /b`**');
    expect(md).toMatch(/- 🔴 breaking `diff.request-parameter-removed`: query parameter 'q' was removed .*<sub>old `\/paths\/~1b\/get\/parameters\/0` · new —<\/sub>/);
    expect(md).toContain('<details><summary>1 info-level change</summary>');
    expect(md.indexOf('GET /b')).toBeLessThan(md.indexOf('<details>'));
  });

  it('says so when nothing changed', () => {
    const spec = specFromObject(doc({ '/a': { get: { responses: ok } } }));
    const md = renderDiffMarkdown(runDiff(spec, spec, { now }));
    expect(md).toContain('No changes that affect clients.');
    expect(md).toContain('**Suggested version bump: patch**');
  });

  it('keeps HTML and @mentions from the spec out of the rendered comment', () => {
    const report = runDiff(specFromObject(doc({})), specFromObject(doc({ '/<img src=x>@team': { get: { responses: ok } } })), { now });
    // Inside code spans GitHub shows text as written; everywhere else it must be escaped.
    const outsideCode = renderDiffMarkdown(report).replace(/`[^`]*`/g, '');
    expect(outsideCode).toContain('&lt;img src=x&gt;&#64;team');
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toContain('@team');
  });

  it('stays under GitHub\'s comment limit on a huge change and points at report.json for the rest', () => {
    const paths = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`/resource-${i}/with/a/long/path/template/{id}`, { get: { responses: ok } }]));
    const md = renderDiffMarkdown(runDiff(specFromObject(doc(paths)), specFromObject(doc({})), { now }));
    expect(md.length).toBeLessThan(65_536);
    expect(md).toMatch(/more findings did not fit in this comment/);
  });
});

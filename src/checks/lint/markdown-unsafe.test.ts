import { describe, expect, it } from 'vitest';
import { markdownUnsafe } from './markdown-unsafe.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.markdown-unsafe', () => {
  it('fires on a script tag and an onerror handler in descriptions', async () => {
    const drafts = await runLintCheck(markdownUnsafe, baseSpec({
      info: { title: 'T', version: '1', description: 'Hello <script>alert(1)</script>' },
      paths: { '/a': { get: { description: '<img src=x onerror=alert(1)>', responses: { '200': { description: 'ok' } } } } },
    }));
    expect(drafts.map((d) => d.pointer).sort()).toEqual(['/info/description', '/paths/~1a/get/description']);
  });

  it('stays silent on plain Markdown and on script shown in a code block', async () => {
    expect(await runLintCheck(markdownUnsafe, baseSpec({
      info: { title: 'T', version: '1', description: 'Use **bold** and `<script src=sdk.js>` in your page:\n```html\n<script>init()</script>\n```' },
    }))).toEqual([]);
  });
});

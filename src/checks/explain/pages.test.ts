import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../registry.js';
import { checkPages } from './pages.js';

const docsDir = new URL('../../../docs/checks/', import.meta.url);
const regenerate = 'run `npm run build && node scripts/write-check-pages.mjs`';

describe('docs/checks', () => {
  it(`holds exactly one page per registered check and the index (${regenerate})`, async () => {
    const pages = checkPages(allChecks);
    const files = (await readdir(docsDir)).filter((name) => name.endsWith('.md'));
    expect(files.sort()).toEqual([...pages.keys()].sort());
  });

  it(`has no stale page (${regenerate})`, async () => {
    const stale: string[] = [];
    for (const [name, text] of checkPages(allChecks)) {
      const committed = await readFile(new URL(name, docsDir), 'utf8').catch(() => null);
      if (committed !== text) stale.push(name);
    }
    expect(stale).toEqual([]);
  });

  it('indexes every check under its cause', () => {
    const index = checkPages(allChecks).get('index.md')!;
    for (const check of allChecks) expect(index).toContain(`[\`${check.id}\`](${check.id}.md)`);
    expect(index).toContain('<a id="poor-design-docs"></a>');
  });
});

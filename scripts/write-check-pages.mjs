// Regenerates docs/checks/ from the check registry (run after `npm run build`): one page a check and
// index.md by cause. Pages of checks that no longer exist are removed.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { allChecks } from '../dist/src/checks/registry.js';
import { checkPages } from '../dist/src/checks/explain/pages.js';

const dir = new URL('../docs/checks/', import.meta.url);
mkdirSync(dir, { recursive: true });
const pages = checkPages(allChecks);
for (const name of readdirSync(dir)) if (name.endsWith('.md') && !pages.has(name)) rmSync(new URL(name, dir));
for (const [name, text] of pages) writeFileSync(new URL(name, dir), text);
process.stdout.write(`wrote ${pages.size} pages to docs/checks/\n`);

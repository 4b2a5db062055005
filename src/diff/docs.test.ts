import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDiffChecks } from './registry.js';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'diff.md'), 'utf8');

describe('docs/diff.md', () => {
  it('lists every diff check with its level and cause, and states the right totals', () => {
    const missing = allDiffChecks.filter((c) => !doc.includes(`| \`${c.id}\` | ${c.level} | ${c.cause} |`)).map((c) => c.id);
    expect(missing).toEqual([]);
    const count = (level: string) => allDiffChecks.filter((c) => c.level === level).length;
    expect(doc).toContain(`${allDiffChecks.length} checks: ${count('breaking')} breaking, ${count('warning')} warning, ${count('info')} info.`);
  });
});

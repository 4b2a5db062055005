import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDiffChecks } from './registry.js';
import { diffLevels } from './types.js';

const checksDir = join(import.meta.dirname, 'checks');

describe('diff check registry', () => {
  it('holds at least 80 checks with unique ids, a known level and cause, and full metadata', () => {
    const ids = allDiffChecks.map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(80);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of allDiffChecks) {
      expect(diffLevels, check.id).toContain(check.level);
      expect(['expiring-apis', 'bad-urls'], check.id).toContain(check.cause);
      expect(check.summary.length, `${check.id} summary`).toBeGreaterThan(10);
      expect(check.remedy.length, `${check.id} remedy`).toBeGreaterThan(20);
    }
  });

  it('lists every module in checks/, each named after its id and with a sibling test', () => {
    const registered = new Set(allDiffChecks.map((c) => c.id as string));
    const problems: string[] = [];
    for (const file of readdirSync(checksDir)) {
      if (!file.endsWith('.ts') || file.includes('.test')) continue;
      const text = readFileSync(join(checksDir, file), 'utf8');
      const id = /id: '([^']+)'/.exec(text)?.[1];
      if (id !== `diff.${file.replace(/\.ts$/, '')}`) problems.push(`${file}: id ${id} does not match the file name`);
      if (!existsSync(join(checksDir, file.replace(/\.ts$/, '.test.ts')))) problems.push(`${file}: no sibling test`);
      if (id && !registered.has(id)) problems.push(`${file}: ${id} is not in registry.ts`);
    }
    expect(problems).toEqual([]);
  });
});

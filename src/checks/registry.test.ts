import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCauseId } from '../core/causes.js';
import { isSeverity } from '../core/severity.js';
import { allChecks } from './registry.js';

function filesDefiningChecks(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesDefiningChecks(path);
    if (!entry.name.endsWith('.ts') || entry.name.includes('.test') || entry.name === 'define.ts') return [];
    return readFileSync(path, 'utf8').includes('defineCheck(') ? [path] : [];
  });
}

describe('check registry', () => {
  it('has unique ids, known causes and severities, and full metadata', () => {
    const ids = allChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of allChecks) {
      expect(isCauseId(check.cause), `${check.id} cause ${check.cause}`).toBe(true);
      expect(isSeverity(check.severity), `${check.id} severity`).toBe(true);
      expect(check.summary.length, `${check.id} summary`).toBeGreaterThan(10);
      expect(check.explanation.length, `${check.id} explanation`).toBeGreaterThan(40);
      expect(check.remedy.length, `${check.id} remedy`).toBeGreaterThan(20);
      expect(check.kind === 'lint' ? check.id.startsWith('lint.') : !check.id.startsWith('lint.'), `${check.id} kind ${check.kind}`).toBe(true);
    }
  });

  it('lists every check module, each in the folder its id names, with a sibling test', () => {
    const root = import.meta.dirname;
    const registered = new Set(allChecks.map((c) => c.id as string));
    const problems: string[] = [];
    for (const file of filesDefiningChecks(root)) {
      const id = /id:\s*'([^']+)'/.exec(readFileSync(file, 'utf8'))?.[1];
      const where = relative(root, file);
      if (!id) {
        problems.push(`${where}: no literal id`);
        continue;
      }
      const [area, name] = id.split('.') as [string, string];
      const expectedDir = area === 'lint' ? 'lint' : join('audit', area);
      if (relative(root, dirname(file)) !== expectedDir || basename(file, '.ts') !== name) problems.push(`${where}: id ${id} belongs in ${expectedDir}/${name}.ts`);
      if (!existsSync(file.replace(/\.ts$/, '.test.ts'))) problems.push(`${where}: no sibling test`);
      if (!registered.has(id)) problems.push(`${where}: ${id} is not in registry.ts`);
    }
    expect(problems).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Which layer may import which (docs/ARCHITECTURE.md). A layer may always import itself.
const allowed: Record<string, readonly string[]> = {
  core: [],
  spec: ['core'],
  http: ['core'],
  config: ['core'],
  checks: ['core', 'spec', 'http'],
  engine: ['core', 'spec', 'http', 'checks', 'load'],
  load: ['core', 'http'],
  proxy: ['core', 'http'],
  diff: ['core', 'spec'],
  store: ['core'],
  learn: ['core', 'spec', 'http', 'proxy', 'diff', 'report'],
  report: ['core', 'checks'],
  monitor: ['core', 'spec', 'http', 'engine', 'load', 'store', 'report', 'config', 'checks'],
  server: ['core', 'store', 'report', 'monitor', 'config'],
  cli: ['*'],
};
// checks may use http for types only; report may read the checks catalogue only.
const typeOnly: Record<string, readonly string[]> = { checks: ['http'] };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.test(-helper)?\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('architecture', () => {
  it('keeps every import between layers pointing the allowed way', () => {
    const root = join(import.meta.dirname, '..', 'src');
    const violations: string[] = [];
    for (const file of sourceFiles(root)) {
      const layer = relative(root, file).split('/')[0]!;
      if (layer.endsWith('.ts')) continue; // src/index.ts: the public surface may re-export anything
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*from\s+'(\.{1,2}\/[^']+)'/gm)) {
        const target = relative(root, join(file, '..', match[3]!)).split('/')[0]!;
        if (target === layer || target.startsWith('..')) continue;
        const rules = allowed[layer];
        if (!rules) {
          violations.push(`${relative(root, file)}: layer '${layer}' is not in the architecture table`);
          continue;
        }
        const isTypeImport = Boolean(match[2]);
        const ok = rules.includes('*') || rules.includes(target) || (isTypeImport && typeOnly[layer]?.includes(target));
        if (!ok) violations.push(`${relative(root, file)}: ${layer} → ${target} (${match[0].trim()})`);
      }
    }
    expect(violations).toEqual([]);
  });
});

import type { FindingDraft, Check } from '../types.js';
import { specFromObject } from '../../spec/load.js';

/** Minimal valid OpenAPI 3.0 document, to be extended by each test. */
export function baseSpec(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: { title: 'Test API', version: '1.0.0', description: 'A test API.' },
    servers: [{ url: 'https://api.example.com/v1' }],
    paths: {},
    ...extra,
  };
}

/** Run one lint check against an inline document and collect what it yields. */
export async function runLintCheck(check: Check<'lint'>, document: Record<string, unknown>): Promise<FindingDraft[]> {
  const spec = specFromObject(document, 'test.json');
  const drafts: FindingDraft[] = [];
  for await (const draft of check.run({ spec })) drafts.push(draft);
  return drafts;
}

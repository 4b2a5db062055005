import { defineCheck } from '../define.js';
import type { MediaType, SpecModel } from '../../spec/model.js';
import { isSuccessStatus } from './status-classes.js';

function schemaHasExample(spec: SpecModel, schema: unknown): boolean {
  const resolved = spec.resolve(schema) as Record<string, unknown> | undefined;
  if (!resolved || typeof resolved !== 'object') return false;
  if ('example' in resolved || Array.isArray(resolved['examples'])) return true;
  // A list's example usually sits on its item schema.
  return resolved['type'] === 'array' && resolved['items'] !== undefined && schemaHasExample(spec, resolved['items']);
}

function hasExample(spec: SpecModel, media: MediaType): boolean {
  return media.example !== undefined || media.examples.length > 0 || schemaHasExample(spec, media.schema);
}

export const responseExampleMissing = defineCheck({
  id: 'lint.response-example-missing',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'info',
  summary: 'Success JSON response has no example',
  explanation:
    'An example is what most readers look at first and what mock servers and contract tests replay. Without one, integrators learn the payload by trial and error against production, and mocks return made-up values that hide mismatches until release.',
  remedy: 'Add an `example` (or named `examples`) to each 2xx JSON media type, or an `example` on its schema, with realistic values.',
  *run({ spec }) {
    for (const op of spec.operations) {
      const missing = op.responses
        .filter((r) => isSuccessStatus(r.status))
        .flatMap((r) => r.content.filter((m) => /json/i.test(m.mediaType) && !hasExample(spec, m)).map((m) => ({ status: r.status, media: m })));
      const first = missing[0];
      if (!first) continue;
      yield {
        operation: op.key,
        pointer: first.media.pointer,
        detail: `${op.key} has no example for ${missing.map((m) => `${m.status} ${m.media.mediaType}`).join(', ')}.`,
      };
    }
  },
});

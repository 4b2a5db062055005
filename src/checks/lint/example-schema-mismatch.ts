import type { MediaType, Operation, Parameter, Schema } from '../../spec/model.js';
import { defineCheck } from '../define.js';
import { shapeProblem } from './example-shape.js';

interface Example {
  readonly operation: Operation;
  readonly where: string;
  readonly pointer: string;
  readonly schema: Schema;
  readonly value: unknown;
}

function* examplesOf(operation: Operation): Generator<Example> {
  const fromMedia = function* (media: MediaType, where: string): Generator<Example> {
    if (!media.schema || !/json/i.test(media.mediaType)) return;
    if (media.example !== undefined) yield { operation, where, pointer: `${media.pointer}/example`, schema: media.schema, value: media.example };
    for (const [i, value] of media.examples.entries()) yield { operation, where: `${where} example ${i + 1}`, pointer: `${media.pointer}/examples`, schema: media.schema, value };
  };
  const fromParameter = function* (parameter: Parameter): Generator<Example> {
    if (!parameter.schema || parameter.example === undefined) return;
    yield { operation, where: `${parameter.in} parameter ${parameter.name}`, pointer: `${parameter.pointer}/example`, schema: parameter.schema, value: parameter.example };
  };
  for (const parameter of operation.parameters) yield* fromParameter(parameter);
  for (const media of operation.requestBody?.content ?? []) yield* fromMedia(media, `request body (${media.mediaType})`);
  for (const response of operation.responses) for (const media of response.content) yield* fromMedia(media, `${response.status} response (${media.mediaType})`);
}

export const exampleSchemaMismatch = defineCheck({
  id: 'lint.example-schema-mismatch',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'An example does not match its own schema',
  explanation:
    'Examples are what people copy, what mock servers return and what test generators send first. An example that breaks its schema teaches clients the wrong shape, and a test built from it fails for the wrong reason.',
  remedy: 'Fix the example or the schema so they agree (type, required properties, enum values); validate examples against schemas in CI.',
  *run({ spec }) {
    for (const operation of spec.operations) {
      const problems: { where: string; pointer: string; message: string }[] = [];
      for (const example of examplesOf(operation)) {
        const message = shapeProblem(example.schema, example.value, spec.resolve);
        if (message) problems.push({ where: example.where, pointer: example.pointer, message });
      }
      const first = problems[0];
      if (!first) continue;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more example${problems.length > 2 ? 's' : ''})` : '';
      yield { operation: operation.key, pointer: first.pointer, detail: `${operation.key}: the ${first.where} example breaks its schema: ${first.message}${more}.` };
    }
  },
});

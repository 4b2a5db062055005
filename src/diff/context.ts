import type { Parameter, SpecModel } from '../spec/model.js';
import { pairOperations, pairParameters } from './pair-operations.js';
import { pairHeaders, pairMediaTypes, pairResponses } from './pair-content.js';
import { realPointer, type Located } from './pointer.js';
import { diffSchemas, type Direction, type SchemaDiffCache } from './schema-diff.js';
import type { DiffContext, LocatedSchemaChange, OperationPair, ParameterMatching, SchemaArea } from './types.js';

export interface ContextOptions {
  readonly now: Date;
  readonly sunsetDays: number;
}

/** Build what every diff check reads: the operation pairing, memoised parameter pairing and schema changes. */
export function createDiffContext(oldSpec: SpecModel, newSpec: SpecModel, options: ContextOptions): DiffContext {
  const operations = pairOperations(oldSpec.operations, newSpec.operations);
  const parameterCache = new Map<OperationPair, ParameterMatching>();
  let schemaChanges: readonly LocatedSchemaChange[] | undefined;
  const context: DiffContext = {
    oldSpec,
    newSpec,
    now: options.now,
    sunsetDays: options.sunsetDays,
    operations,
    parameters(pair) {
      let matching = parameterCache.get(pair);
      if (!matching) parameterCache.set(pair, (matching = pairParameters(pair)));
      return matching;
    },
    schemaChanges() {
      schemaChanges ??= collectSchemaChanges(context);
      return schemaChanges;
    },
    rawAt(side, pointer) {
      return realPointer((side === 'old' ? oldSpec : newSpec).document, pointer);
    },
  };
  return context;
}

/** The schema of a parameter: `schema`, or the one media type of `content`. */
function parameterSchema(document: unknown, parameter: Parameter): Located | undefined {
  const raw = realPointer(document, parameter.pointer);
  const value = raw.value as Record<string, unknown> | undefined;
  if (value?.['schema'] !== undefined) return { value: value['schema'], pointer: `${raw.pointer}/schema` };
  if (parameter.schema) {
    // Swagger 2.0 parameters carry `type` and friends on the parameter itself; the model built a schema.
    return { value: parameter.schema, pointer: raw.pointer };
  }
  return undefined;
}

/**
 * The schema under a media type or header. Swagger 2.0 elements carry it differently (a response's
 * media type points at the schema itself, a header holds the keywords inline): then the model's own
 * schema stands in, at the element's pointer.
 */
function schemaAt(document: unknown, pointer: string, schema: unknown): Located {
  const inner = realPointer(document, `${pointer}/schema`);
  if (inner.value !== undefined) return inner;
  return { value: schema, pointer: realPointer(document, pointer).pointer };
}

function collectSchemaChanges(ctx: DiffContext): LocatedSchemaChange[] {
  const oldDocument = ctx.oldSpec.document;
  const newDocument = ctx.newSpec.document;
  const cache: SchemaDiffCache = new Map();
  const result: LocatedSchemaChange[] = [];
  const add = (direction: Direction, area: SchemaArea, operation: string, where: string, oldSchema: Located, newSchema: Located) => {
    for (const change of diffSchemas({ oldDocument, newDocument, direction, cache }, oldSchema, newSchema)) {
      result.push({ change, direction, area, operation, where });
    }
  };
  for (const pair of ctx.operations.pairs) {
    const operation = pair.new.key;
    for (const { old, new: now } of ctx.parameters(pair).pairs) {
      const oldSchema = parameterSchema(oldDocument, old);
      const newSchema = parameterSchema(newDocument, now);
      if (oldSchema && newSchema) add('request', 'parameter', operation, `${now.in} parameter '${now.name}'`, oldSchema, newSchema);
    }
    if (pair.old.requestBody && pair.new.requestBody) {
      for (const { old, new: now } of pairMediaTypes(pair.old.requestBody.content, pair.new.requestBody.content).pairs) {
        if (old.schema && now.schema) add('request', 'request-body', operation, `request body (${now.mediaType})`, schemaAt(oldDocument, old.pointer, old.schema), schemaAt(newDocument, now.pointer, now.schema));
      }
    }
    for (const response of pairResponses(pair.old.responses, pair.new.responses).pairs) {
      const status = response.new.status;
      for (const { old, new: now } of pairMediaTypes(response.old.content, response.new.content).pairs) {
        if (old.schema && now.schema) add('response', 'response-body', operation, `response ${status} (${now.mediaType})`, schemaAt(oldDocument, old.pointer, old.schema), schemaAt(newDocument, now.pointer, now.schema));
      }
      for (const { old, new: now } of pairHeaders(response.old.headers, response.new.headers).pairs) {
        if (old.schema && now.schema) add('response', 'response-header', operation, `response ${status} header '${now.name}'`, schemaAt(oldDocument, old.pointer, old.schema), schemaAt(newDocument, now.pointer, now.schema));
      }
    }
  }
  return result;
}

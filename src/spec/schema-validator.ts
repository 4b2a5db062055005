import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPkg from 'ajv-formats';
import type { Schema, SpecModel } from './model.js';

const addFormats = addFormatsPkg.default;
const specId = 'faultline-spec';
const droppedKeys = new Set(['discriminator', 'xml', 'externalDocs', 'example', 'examples', 'deprecated', 'x-nullable']);

/**
 * Turn OpenAPI's schema dialect into JSON Schema that ajv accepts: `nullable` becomes a null type,
 * 3.0's boolean `exclusiveMinimum` becomes a number, and local `$ref`s point into the whole document,
 * registered once under its own id. Iterative-free recursion is fine here: depth is the document's.
 */
function convert(value: unknown, isOpenApi30: boolean, rewriteRefs: boolean, depth = 0, isNameMap = false): unknown {
  if (depth > 200 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => convert(item, isOpenApi30, rewriteRefs, depth + 1));
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(source)) {
    // Inside `properties` the keys are field names ('deprecated', 'x-trace'), never keywords to drop.
    if (!isNameMap && (droppedKeys.has(key) || key.startsWith('x-'))) continue;
    if (key === '$ref' && typeof child === 'string') {
      out[key] = rewriteRefs && child.startsWith('#') ? `${specId}${child}` : child;
      continue;
    }
    // Property names are data, not keywords: convert their schemas but keep every name.
    out[key] = convert(child, isOpenApi30, rewriteRefs, depth + 1, !isNameMap && (key === 'properties' || key === 'patternProperties'));
  }
  if (isOpenApi30 && typeof out['$ref'] === 'string') {
    // In 3.0, siblings of $ref are ignored; ajv would apply them.
    return { $ref: out['$ref'] };
  }
  if (isOpenApi30 || source['x-nullable'] === true) {
    if (source['nullable'] === true || source['x-nullable'] === true) {
      delete out['nullable'];
      if (typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
      if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null];
    }
    for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
      if (typeof out[flag] === 'boolean') {
        if (out[flag] === true && typeof out[bound] === 'number') {
          out[flag] = out[bound];
          delete out[bound];
        } else {
          delete out[flag];
        }
      }
    }
  }
  return out;
}

export interface SchemaValidator {
  /** Problems of `value` against `schema`: at most `limit`, each with its instance path. */
  validate(schema: Schema, value: unknown, limit?: number): { path: string; message: string }[] | null;
}

/** One ajv instance per spec; compiled validators are cached by schema object. */
export function createSchemaValidator(spec: SpecModel): SchemaValidator {
  const isOpenApi31 = spec.format === 'openapi-3.1';
  const ajv = isOpenApi31
    ? new Ajv2020({ strict: false, allErrors: true, logger: false, validateFormats: true })
    : new Ajv({ strict: false, allErrors: true, logger: false, validateFormats: true });
  addFormats(ajv);
  // Unknown formats (int32, int64, password, binary, …) must not break compilation.
  for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) {
    if (!ajv.formats[format]) ajv.addFormat(format, true);
  }
  let isDocumentAdded = false;
  const cache = new WeakMap<object, ValidateFunction | null>();
  const compile = (schema: Schema): ValidateFunction | null => {
    if (cache.has(schema)) return cache.get(schema)!;
    let validate: ValidateFunction | null = null;
    try {
      if (!isDocumentAdded) {
        ajv.addSchema(convert({ ...spec.document, $id: undefined }, !isOpenApi31, false) as object, specId);
        isDocumentAdded = true;
      }
      validate = ajv.compile(convert(schema, !isOpenApi31, true) as object);
    } catch {
      // A schema ajv cannot compile (unknown keyword combos, bad regex) is skipped, not fatal.
      validate = null;
    }
    cache.set(schema, validate);
    return validate;
  };
  return {
    validate(schema, value, limit = 5) {
      const validate = compile(schema);
      if (!validate) return null;
      if (validate(value)) return [];
      return (validate.errors ?? []).slice(0, limit).map((error) => ({
        path: error.instancePath || '/',
        message: `${error.instancePath || 'body'} ${error.message ?? 'is invalid'}${error.params && 'additionalProperty' in error.params ? ` '${String(error.params['additionalProperty'])}'` : ''}`,
      }));
    },
  };
}

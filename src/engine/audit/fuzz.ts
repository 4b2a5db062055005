import fc from 'fast-check';
import type { AuditExchange } from '../../checks/types.js';
import type { Operation, SpecModel } from '../../spec/model.js';
import { bodyMutations, parameterMutations, type Mutation } from './mutations.js';
import { asText, assemble, isIgnoredHeader, requestMedia, type RequestParts } from './request-builder.js';
import { arbitraryFor } from './schema-arbitrary.js';

export interface FuzzOutcome {
  /** Exchanges to keep: every passing one and only the minimised failing one. */
  readonly kept: AuditExchange[];
  readonly sent: number;
  readonly failure?: { readonly exchange: AuditExchange; readonly shrinks: number };
}

type Send = (request: ReturnType<typeof assemble>, meta: { inputKind: 'valid' | 'invalid'; mutation?: string }) => Promise<AuditExchange | null>;

/** A response that shows a bug: a crash for any input, or success for an input that breaks the schema. */
export function isFailure(exchange: AuditExchange, isMutated: boolean): boolean {
  const status = exchange.response?.status;
  if (status === undefined) return false;
  return status >= 500 || (isMutated && status >= 200 && status < 300);
}

type Json = Record<string, unknown>;

/** True when the operation has something to fuzz: a JSON body with a schema, or parameters. */
export function isFuzzable(operation: Operation): boolean {
  const media = requestMedia(operation);
  if (media?.schema && /json/i.test(media.mediaType)) return true;
  return operation.parameters.some((p) => p.schema && p.in !== 'cookie' && !isIgnoredHeader(p));
}

/**
 * Parameters generated from their schemas on top of the base request: a path parameter keeps its
 * working value three times in four (so queries are tried on a real resource) and is otherwise any
 * non-empty value of its schema (an unknown id must be a 404, not a 500); optional query and header
 * parameters come and go.
 */
function partsArbitrary(spec: SpecModel, operation: Operation, base: RequestParts): fc.Arbitrary<RequestParts> {
  const path: Record<string, fc.Arbitrary<unknown>> = {};
  const query: Record<string, fc.Arbitrary<unknown>> = {};
  const headers: Record<string, fc.Arbitrary<unknown>> = {};
  for (const parameter of operation.parameters) {
    if (!parameter.schema || parameter.in === 'cookie' || isIgnoredHeader(parameter)) continue;
    // A path segment must not be empty; objects (LoopBack's `filter`) are generated without a prototype, so no String() on them.
    const generated = arbitraryFor(parameter.schema, spec.resolve).filter((v) => typeof v !== 'string' || v.length > 0);
    if (parameter.in === 'path') {
      path[parameter.name] = base.path[parameter.name] === undefined ? generated : fc.oneof({ arbitrary: fc.constant(base.path[parameter.name]), weight: 3 }, { arbitrary: generated, weight: 1 });
    } else {
      const target = parameter.in === 'query' ? query : headers;
      const key = parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name;
      const value = parameter.in === 'header' ? generated.map((v) => asText(v).replace(/[^\x20-\x7e]/g, '')) : generated;
      target[key] = parameter.required ? value : fc.option(value, { nil: undefined, freq: 2 });
    }
  }
  return fc.record({ path: fc.record(path), query: fc.record(query), headers: fc.record(headers) }).map((generated) => ({
    ...base,
    path: { ...base.path, ...(generated.path as Json) },
    query: { ...base.query, ...dropUndefined(generated.query as Json) },
    headers: { ...base.headers, ...(dropUndefined(generated.headers as Json) as Record<string, string>) },
  }));
}

function dropUndefined(record: Json): Json {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined).map(([k, v]) => [k, typeof v === 'object' && v !== null ? asText(v) : v]));
}

/**
 * Property-based fuzzing of one operation with fast-check: its JSON body generated from the schema, or
 * for an operation without one, its path, query and header parameters; optionally broken by one
 * mutation. When a response shows a bug, fast-check shrinks the input (fewer fields, smaller values,
 * simpler mutation) and only the smallest failing exchange is kept as evidence.
 */
export async function fuzzOperation(
  spec: SpecModel,
  operation: Operation,
  base: RequestParts,
  role: Parameters<typeof assemble>[2],
  send: Send,
  options: { numRuns: number; seed: number; maxShrinkRequests: number },
): Promise<FuzzOutcome> {
  const media = requestMedia(operation);
  const isBodyFuzz = media?.schema !== undefined && /json/i.test(media.mediaType);
  if (!isBodyFuzz && !isFuzzable(operation)) return { kept: [], sent: 0 };
  const mutations: Mutation[] = isBodyFuzz ? bodyMutations(spec, operation).filter((m) => m.description.startsWith('body.')) : parameterMutations(spec, operation);
  const partsArb: fc.Arbitrary<RequestParts> = isBodyFuzz ? arbitraryFor(media!.schema, spec.resolve).map((body) => ({ ...base, body })) : partsArbitrary(spec, operation, base);
  const mutationArbitrary = mutations.length > 0 ? fc.option(fc.integer({ min: 0, max: mutations.length - 1 }), { freq: 2 }) : fc.constant(null);
  const kept: AuditExchange[] = [];
  let lastFailure: AuditExchange | undefined;
  let sent = 0;
  let isBudgetOut = false;

  const property = fc.asyncProperty(partsArb, mutationArbitrary, async (parts, mutationIndex) => {
    // Past the run and shrink allowance, answer 'pass' without sending: fast-check then stops quickly.
    if (isBudgetOut || sent >= options.numRuns + options.maxShrinkRequests) return true;
    const mutation = mutationIndex === null ? undefined : mutations[mutationIndex];
    const applied = mutation ? mutation.apply(parts) : { parts };
    const request = assemble(operation, applied.parts, role, {}, applied.bodyText);
    const exchange = await send(request, mutation ? { inputKind: 'invalid', mutation: mutation.description } : { inputKind: 'valid' });
    if (!exchange) {
      isBudgetOut = true;
      return true;
    }
    sent++;
    if (isFailure(exchange, mutation !== undefined)) {
      lastFailure = exchange;
      return false;
    }
    kept.push(exchange);
    return true;
  });
  const result = await fc.check(property, { numRuns: options.numRuns, seed: options.seed, endOnFailure: false });
  if (result.failed && lastFailure) {
    kept.push(lastFailure);
    return { kept, sent, failure: { exchange: lastFailure, shrinks: result.numShrinks } };
  }
  return { kept, sent };
}

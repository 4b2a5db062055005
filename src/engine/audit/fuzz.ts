import fc from 'fast-check';
import type { AuditExchange } from '../../checks/types.js';
import type { Operation, SpecModel } from '../../spec/model.js';
import { bodyMutations, type Mutation } from './mutations.js';
import { assemble, requestMedia, type RequestParts } from './request-builder.js';
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

/**
 * Property-based fuzzing of one operation's JSON body with fast-check: bodies generated from the schema,
 * optionally broken by one mutation. When a response shows a bug, fast-check shrinks the input (fewer
 * fields, smaller values, simpler mutation) and only the smallest failing exchange is kept as evidence.
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
  if (!media?.schema || !/json/i.test(media.mediaType)) return { kept: [], sent: 0 };
  const mutations: Mutation[] = bodyMutations(spec, operation).filter((m) => m.description.startsWith('body.'));
  const bodyArbitrary = arbitraryFor(media.schema, spec.resolve);
  const mutationArbitrary = mutations.length > 0 ? fc.option(fc.integer({ min: 0, max: mutations.length - 1 }), { freq: 2 }) : fc.constant(null);
  const kept: AuditExchange[] = [];
  let lastFailure: AuditExchange | undefined;
  let sent = 0;
  let isBudgetOut = false;

  const property = fc.asyncProperty(bodyArbitrary, mutationArbitrary, async (body, mutationIndex) => {
    // Past the run and shrink allowance, answer 'pass' without sending: fast-check then stops quickly.
    if (isBudgetOut || sent >= options.numRuns + options.maxShrinkRequests) return true;
    const mutation = mutationIndex === null ? undefined : mutations[mutationIndex];
    const applied = mutation ? mutation.apply({ ...base, body }) : { parts: { ...base, body } };
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

import { z } from 'zod';
import { FaultlineError } from '../core/errors.js';
import { faultDefinition, unknownFaultMessage } from './faults/registry.js';
import type { Fault, FaultPatch, FaultStream, ProxyMode } from './types.js';

const matchSchema = z.strictObject({
  method: z.string().regex(/^[A-Za-z]+$/, 'expected an HTTP method such as GET').optional(),
  path: z.string().startsWith('/', "expected a path starting with '/' (use * for any characters)").optional(),
});

const envelopeSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'use 1 to 64 letters, digits, _ . or -').optional(),
  type: z.string({ error: 'a fault needs a type' }),
  stream: z.enum(['upstream', 'downstream'], { error: "expected 'upstream' or 'downstream'" }).optional(),
  toxicity: z.unknown().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  match: matchSchema.optional(),
});

const patchSchema = envelopeSchema.omit({ name: true, type: true }).extend({ match: matchSchema.nullable().optional() });

function invalid(message: string, field?: string): FaultlineError {
  return new FaultlineError('E_USAGE', message, field ? { location: { field } } : {});
}

function firstIssue(error: z.ZodError, prefix: string): FaultlineError {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return invalid(issue?.message ?? 'invalid', path || undefined);
}

function toxicityOf(value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw invalid(`must be a share between 0 and 1 (got ${JSON.stringify(value)})`, 'toxicity');
  }
  return value;
}

/** Check a fault's type, stream, toxicity, match and attributes for a proxy in `mode`; fill in defaults. */
export function parseFaultInput(input: unknown, mode: ProxyMode): Fault {
  const envelope = envelopeSchema.safeParse(input);
  if (!envelope.success) throw firstIssue(envelope.error, '');
  const { type, name, match } = envelope.data;
  const definition = faultDefinition(type);
  if (!definition) throw invalid(unknownFaultMessage(type), 'type');
  const stream: FaultStream = envelope.data.stream ?? definition.streams[0];
  if (!definition.streams.includes(stream)) {
    throw invalid(`${type} acts on the ${definition.streams.join(' or ')} stream only`, 'stream');
  }
  if (mode === 'tcp' && definition.level === 'http') throw invalid(`${type} needs an HTTP proxy; this one is TCP`, 'type');
  if (mode === 'tcp' && match) throw invalid('match needs an HTTP proxy; a TCP proxy sees no methods or paths', 'match');
  const attributes = definition.attributes.safeParse(envelope.data.attributes ?? {});
  if (!attributes.success) throw firstIssue(attributes.error, 'attributes');
  return {
    name: name ?? `${type}_${stream}`,
    type,
    stream,
    toxicity: toxicityOf(envelope.data.toxicity),
    attributes: attributes.data as Record<string, unknown>,
    ...(match && (match.method || match.path) ? { match: { ...(match.method ? { method: match.method.toUpperCase() } : {}), ...(match.path ? { path: match.path } : {}) } } : {}),
  };
}

/** Apply a patch to a fault and validate the result as a whole. */
export function patchFault(fault: Fault, patch: unknown, mode: ProxyMode): Fault {
  const parsed = patchSchema.safeParse(patch);
  if (!parsed.success) throw firstIssue(parsed.error, '');
  const changes: FaultPatch = parsed.data as FaultPatch;
  const match = changes.match === null ? undefined : (changes.match ?? fault.match);
  return parseFaultInput(
    {
      name: fault.name,
      type: fault.type,
      stream: changes.stream ?? fault.stream,
      toxicity: changes.toxicity ?? fault.toxicity,
      attributes: { ...fault.attributes, ...changes.attributes },
      ...(match ? { match } : {}),
    },
    mode,
  );
}

/** True when an HTTP request falls under the fault's match (a fault without one matches everything). */
export function matchesRequest(fault: Fault, method: string, path: string): boolean {
  if (!fault.match) return true;
  if (fault.match.method && fault.match.method !== method.toUpperCase()) return false;
  if (fault.match.path) {
    const pathOnly = path.split('?')[0] ?? path;
    const pattern = new RegExp(`^${fault.match.path.split('*').map(escapeRegExp).join('.*')}$`);
    if (!pattern.test(pathOnly)) return false;
  }
  return true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import type { AuditExchange, ConformanceProblem } from '../../checks/types.js';
import type { Operation, Response, SpecModel } from '../../spec/model.js';
import type { SchemaValidator } from '../../spec/schema-validator.js';
import { flattenSchema } from './schema-arbitrary.js';

/** The documented response for a status: exact code, then '4XX'-style range, then 'default'. */
export function documentedResponse(operation: Operation, status: number): Response | undefined {
  return (
    operation.responses.find((r) => r.status === String(status)) ??
    operation.responses.find((r) => r.status.toUpperCase() === `${String(status)[0]}XX`) ??
    operation.responses.find((r) => r.status === 'default')
  );
}

function mediaMatches(documented: string, actual: string): boolean {
  const [docType = '', docSub = ''] = documented.toLowerCase().split(';')[0]!.trim().split('/');
  const [type = '', sub = ''] = actual.toLowerCase().split(';')[0]!.trim().split('/');
  if (docType === '*' || (docType === type && (docSub === '*' || docSub === sub))) return true;
  // application/problem+json satisfies a documented application/json and the reverse is common enough.
  return docType === type && docSub.endsWith('json') && sub.endsWith('json');
}

export function checkConformance(spec: SpecModel, validator: SchemaValidator, operation: Operation, exchange: AuditExchange): ConformanceProblem[] {
  const response = exchange.response;
  if (!response) return [];
  const problems: ConformanceProblem[] = [];
  const documented = documentedResponse(operation, response.status);
  if (!documented) {
    problems.push({ kind: 'status', message: `status ${response.status} is not documented (documented: ${operation.responses.map((r) => r.status).join(', ') || 'none'})` });
    return problems;
  }
  for (const header of documented.headers) {
    if (header.required && response.headers[header.name.toLowerCase()] === undefined) {
      problems.push({ kind: 'header', message: `required header ${header.name} is missing`, path: header.name });
    }
  }
  const contentType = response.headers['content-type'];
  const hasBody = (response.bodyBytes ?? 0) > 0;
  if (documented.content.length === 0 || !hasBody) return problems;
  const media = contentType ? documented.content.find((m) => mediaMatches(m.mediaType, contentType)) : undefined;
  if (!media) {
    problems.push({ kind: 'content-type', message: `content type ${contentType ?? '(none)'} is not documented for ${response.status} (documented: ${documented.content.map((m) => m.mediaType).join(', ')})` });
    return problems;
  }
  if (!media.schema || response.bodyTruncated) return problems;
  const isJson = /json/i.test(media.mediaType);
  if (!isJson) return problems;
  if (response.json === undefined) {
    problems.push({ kind: 'schema', message: `body is not valid JSON${response.jsonError ? `: ${response.jsonError}` : ''}` });
    return problems;
  }
  for (const error of validator.validate(media.schema, response.json) ?? []) problems.push({ kind: 'schema', message: error.message, path: error.path });
  for (const path of undocumentedFields(media.schema, response.json, spec.resolve)) {
    problems.push({ kind: 'undocumented-field', message: `field ${path} is not in the documented schema`, path });
  }
  return problems;
}

/** Fields present in the body but absent from an object schema that lists its properties. */
export function undocumentedFields(schema: unknown, value: unknown, resolve: (v: unknown) => unknown, path = '', depth = 0, out: string[] = []): string[] {
  if (depth > 8 || out.length >= 10 || value === null || typeof value !== 'object') return out;
  const s = flattenSchema(schema, resolve);
  if (s['oneOf'] || s['anyOf']) return out;
  if (Array.isArray(value)) {
    if (s['items']) for (const [i, item] of value.slice(0, 20).entries()) undocumentedFields(s['items'], item, resolve, `${path}/${i}`, depth + 1, out);
    return out;
  }
  const properties = s['properties'] as Record<string, unknown> | undefined;
  if (!properties) return out;
  const isOpen = s['additionalProperties'] !== undefined && s['additionalProperties'] !== false;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    // The cap holds within one object too: a hostile body with 100 000 keys must not make 100 000 problems.
    if (out.length >= 10) break;
    if (key in properties) undocumentedFields(properties[key], child, resolve, `${path}/${key}`, depth + 1, out);
    else if (!isOpen && s['additionalProperties'] === undefined && !s['patternProperties']) out.push(`${path}/${key}`);
  }
  return out;
}

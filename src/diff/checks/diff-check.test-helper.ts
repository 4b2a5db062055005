import type { Finding } from '../../core/finding.js';
import { specFromObject } from '../../spec/load.js';
import { runDiff } from '../run-diff.js';
import type { DiffCheck } from '../types.js';

/** "Today" in every check test, so sunset dates are judged against a fixed clock. */
export const testNow = new Date('2026-01-01T00:00:00Z');

export type Doc = Record<string, unknown>;

/** A minimal OpenAPI 3.0 document with these paths (and any other top-level fields). */
export function api(paths: Doc, extra: Doc = {}): Doc {
  return { openapi: '3.0.3', info: { title: 'Test API', version: '1.0.0' }, paths, ...extra };
}

export const ok = { '200': { description: 'ok' } };

export function obj(properties: Doc, required: string[] = []): Doc {
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

/** POST /items taking a required JSON body with this schema. */
export function withRequestBody(schema: Doc): Doc {
  return api({ '/items': { post: { operationId: 'createItem', requestBody: { required: true, content: { 'application/json': { schema } } }, responses: ok } } });
}

/** GET /items answering 200 with a JSON body of this schema. */
export function withResponse(schema: Doc, headers?: Doc): Doc {
  const response = { description: 'ok', content: { 'application/json': { schema } }, ...(headers ? { headers } : {}) };
  return api({ '/items': { get: { operationId: 'listItems', responses: { '200': response } } } });
}

/** GET /items with these parameters. */
export function withParameters(...parameters: Doc[]): Doc {
  return api({ '/items': { get: { operationId: 'listItems', parameters, responses: ok } } });
}

/** GET /items with these operation fields on top of a 200 response. */
export function withOperation(fields: Doc, extra: Doc = {}): Doc {
  return api({ '/items': { get: { operationId: 'listItems', responses: ok, ...fields } } }, extra);
}

/** Run one check over OLD and NEW and return its findings. */
export function runCheck(check: DiffCheck, oldDoc: Doc, newDoc: Doc, options: { sunsetDays?: number; now?: Date } = {}): Finding[] {
  const report = runDiff(specFromObject(oldDoc, 'old.json'), specFromObject(newDoc, 'new.json'), {
    checks: [check],
    now: options.now ?? testNow,
    sunsetDays: options.sunsetDays ?? 180,
  });
  return [...report.findings];
}

/** The document with these component schemas. */
export function withSchemas(doc: Doc, schemas: Doc): Doc {
  return { ...doc, components: { schemas } };
}

export const securitySchemes: Doc = {
  apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
  basic: { type: 'http', scheme: 'basic' },
  oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: 'read items', write: 'write items' } } } },
};

/** GET /items with this `security` and these security schemes. */
export function withSecurity(security: unknown[], schemes: Doc = securitySchemes): Doc {
  return withOperation({ security }, { components: { securitySchemes: schemes } });
}

/** A query parameter `limit` (integer), with overrides. */
export function query(name: string, fields: Doc = {}): Doc {
  return { name, in: 'query', schema: { type: 'integer' }, ...fields };
}

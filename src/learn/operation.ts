import { addValue, emptyShape, mergeShape, typedScalar, type Shape } from './shape.js';
import type { SampleBody } from './types.js';

/** Everything learnt about one method on one path template. Bounded: shapes, one example per place. */
export interface OperationRecord {
  samples: number;
  /** Path parameter values by segment position. */
  readonly pathValues: Map<number, Shape>;
  readonly pathExamples: Map<number, string>;
  readonly query: Map<string, Shape>;
  readonly queryExamples: Map<string, string>;
  requestBodies: number;
  readonly requestShapes: Map<string, Shape>;
  readonly requestExamples: Map<string, string>;
  readonly responses: Map<number, ResponseRecord>;
  /** Credential combinations ('' for none): how often sent, how often answered 2xx/3xx. */
  readonly security: Map<string, { count: number; successes: number }>;
}

export interface ResponseRecord {
  count: number;
  readonly shapes: Map<string, Shape>;
  readonly examples: Map<string, string>;
  /** Headers worth documenting (sessions, redirects, limits, tracing, lifecycle): how many responses had each. */
  readonly headers: Map<string, number>;
}

// Response headers a client acts on; the rest (Date, Server, Content-Length) describe transport.
const documentedHeader = /^(set-cookie|location|retry-after|(x-)?ratelimit-[a-z-]+|x-request-id|x-correlation-id|traceparent|deprecation|sunset|link|etag|cache-control|www-authenticate)$/;

export function recordResponseHeaders(response: ResponseRecord, headers: readonly (readonly [string, string])[]): void {
  for (const name of new Set(headers.map(([header]) => header))) {
    if (documentedHeader.test(name)) response.headers.set(name, (response.headers.get(name) ?? 0) + 1);
  }
}

const maxExampleText = 16 * 1024;
// A body larger than this is described as its media type only: parsing it would cost more than it tells.
const maxParsedBody = 8 * 1024 * 1024;

export function emptyOperation(): OperationRecord {
  return {
    samples: 0,
    pathValues: new Map(),
    pathExamples: new Map(),
    query: new Map(),
    queryExamples: new Map(),
    requestBodies: 0,
    requestShapes: new Map(),
    requestExamples: new Map(),
    responses: new Map(),
    security: new Map(),
  };
}

function shapeIn<K>(map: Map<K, Shape>, key: K): Shape {
  let shape = map.get(key);
  if (!shape) map.set(key, (shape = emptyShape()));
  return shape;
}

/** The body as a value to shape: JSON parsed, a form as an object, anything else a string. */
export function bodyValue(body: SampleBody): unknown {
  if (body.text.length > maxParsedBody) return '';
  if (/json/.test(body.mediaType) || (body.mediaType === '' && /^\s*[[{]/.test(body.text))) {
    try {
      return JSON.parse(body.text) as unknown;
    } catch {
      return body.text;
    }
  }
  if (body.mediaType === 'application/x-www-form-urlencoded') {
    return Object.fromEntries([...new URLSearchParams(body.text)].map(([key, value]) => [key, typedScalar(value)]));
  }
  return body.text;
}

export function recordBody(shapes: Map<string, Shape>, examples: Map<string, string>, body: SampleBody, value: unknown): void {
  const mediaType = body.mediaType || 'application/octet-stream';
  addValue(shapeIn(shapes, mediaType), value);
  if (!examples.has(mediaType) && body.text.length <= maxExampleText) examples.set(mediaType, body.text);
}

export function recordQuery(record: OperationRecord, params: URLSearchParams, isSecret: (name: string) => boolean): void {
  const names = new Set(params.keys());
  for (const name of names) {
    if (isSecret(name)) continue;
    const values = params.getAll(name);
    // A repeated name is an array (style form, explode: the OpenAPI default for query parameters).
    addValue(shapeIn(record.query, name), values.length > 1 ? values.map(typedScalar) : typedScalar(values[0]!));
    if (!record.queryExamples.has(name)) record.queryExamples.set(name, values[0]!);
  }
}

export function recordPath(record: OperationRecord, position: number, value: string): void {
  addValue(shapeIn(record.pathValues, position), typedScalar(value));
  if (!record.pathExamples.has(position)) record.pathExamples.set(position, value);
}

export function responseIn(record: OperationRecord, status: number): ResponseRecord {
  let response = record.responses.get(status);
  if (!response) record.responses.set(status, (response = { count: 0, shapes: new Map(), examples: new Map(), headers: new Map() }));
  return response;
}

function mergeShapes<K>(into: Map<K, Shape>, from: Map<K, Shape>): void {
  for (const [key, shape] of from) mergeShape(shapeIn(into, key), shape);
}

function mergeFirst<K, V>(into: Map<K, V>, from: Map<K, V>): void {
  for (const [key, value] of from) if (!into.has(key)) into.set(key, value);
}

/** Fold `from` into `into`: two groups of samples turned out to be one operation. */
export function mergeOperation(into: OperationRecord, from: OperationRecord): void {
  into.samples += from.samples;
  mergeShapes(into.pathValues, from.pathValues);
  mergeFirst(into.pathExamples, from.pathExamples);
  mergeShapes(into.query, from.query);
  mergeFirst(into.queryExamples, from.queryExamples);
  into.requestBodies += from.requestBodies;
  mergeShapes(into.requestShapes, from.requestShapes);
  mergeFirst(into.requestExamples, from.requestExamples);
  for (const [status, response] of from.responses) {
    const target = responseIn(into, status);
    target.count += response.count;
    mergeShapes(target.shapes, response.shapes);
    mergeFirst(target.examples, response.examples);
    for (const [name, n] of response.headers) target.headers.set(name, (target.headers.get(name) ?? 0) + n);
  }
  for (const [key, seen] of from.security) {
    const target = into.security.get(key);
    if (target) {
      target.count += seen.count;
      target.successes += seen.successes;
    } else into.security.set(key, { ...seen });
  }
}

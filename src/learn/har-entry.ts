import { FaultlineError } from '../core/errors.js';
import { mediaTypeOf, type SampleBody, type TrafficSample } from './types.js';

type Json = Record<string, unknown>;

function record(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function headerPairs(value: unknown): [string, string][] {
  if (!Array.isArray(value)) return [];
  const pairs: [string, string][] = [];
  for (const header of value) {
    const h = record(header);
    if (h && typeof h['name'] === 'string' && typeof h['value'] === 'string') pairs.push([h['name'].toLowerCase(), h['value']]);
  }
  return pairs;
}

// Bodies that are text to a reader; binary content (images, archives) is described by its media type only.
const textual = /json|xml|text|x-www-form-urlencoded|javascript|yaml/;

function body(text: unknown, mimeType: unknown, encoding: unknown, fallbackType: string | undefined): SampleBody | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const mediaType = mediaTypeOf(typeof mimeType === 'string' && mimeType !== '' ? mimeType : fallbackType);
  if (encoding === 'base64') {
    if (!textual.test(mediaType)) return { mediaType, text: '' };
    return { mediaType, text: Buffer.from(text, 'base64').toString('utf8') };
  }
  return { mediaType, text };
}

/** Why an entry is not a sample though the HAR is well-formed (a request the browser never completed). */
export type SkipReason = 'no-response' | 'too-large' | 'not-http';

/**
 * A HAR 1.2 entry as a sample. Throws E_HAR_INVALID (naming the entry and field) when the entry lacks
 * what every entry has; returns a skip reason for entries that are valid but say nothing about the API.
 */
export function sampleFromEntry(value: unknown, index: number, file: string, line: number): TrafficSample | SkipReason {
  const where = `log.entries[${index}]`;
  const fail = (field: string, message: string): never => {
    throw new FaultlineError('E_HAR_INVALID', message, { location: { file, line, field: `${where}.${field}` } });
  };
  const entry = record(value) ?? fail('', 'expected an object');
  const request = record(entry['request']) ?? fail('request', 'missing (every HAR entry has a request object)');
  const response = record(entry['response']) ?? fail('response', 'missing (every HAR entry has a response object)');
  const method = request['method'];
  if (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method)) fail('request.method', 'missing or not an HTTP method');
  if (typeof request['url'] !== 'string') fail('request.url', 'missing or not a string');
  let url: URL;
  try {
    url = new URL(request['url'] as string);
  } catch {
    return fail('request.url', `not an absolute URL: '${String(request['url']).slice(0, 80)}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not-http';
  const status = response['status'];
  if (typeof status !== 'number' || !Number.isInteger(status)) fail('response.status', 'missing or not an integer');
  // Browsers record blocked and aborted requests with status 0: there was no answer to learn from.
  if ((status as number) < 100 || (status as number) > 599) return 'no-response';
  const requestHeaders = headerPairs(request['headers']);
  const responseHeaders = headerPairs(response['headers']);
  const postData = record(request['postData']);
  const content = record(response['content']);
  const contentType = (headers: [string, string][]) => headers.find(([name]) => name === 'content-type')?.[1];
  const requestBody = postData ? body(postData['text'], postData['mimeType'], undefined, contentType(requestHeaders)) : undefined;
  const responseBody = content ? body(content['text'], content['mimeType'], content['encoding'], contentType(responseHeaders)) : undefined;
  return {
    method: (method as string).toUpperCase(),
    url,
    requestHeaders,
    ...(requestBody ? { requestBody } : {}),
    status: status as number,
    responseHeaders,
    ...(responseBody ? { responseBody } : {}),
  };
}

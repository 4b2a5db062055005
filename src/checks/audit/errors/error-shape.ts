import type { AuditExchange } from '../../types.js';

export const problemDetails = 'problem details';

function parsedJson(exchange: AuditExchange, body: string): unknown {
  if (exchange.response?.json !== undefined) return exchange.response.json;
  // Some APIs send JSON as text/plain; the shape is what a client has to parse, whatever the label.
  if (!/^[[{]/.test(body)) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The shape of an error body, as a client handling errors sees it: RFC 9457 problem details, a JSON
 * object named by its sorted top-level keys, a JSON array or value, HTML, plain text or nothing.
 */
export function errorShape(exchange: AuditExchange): string {
  const response = exchange.response;
  const body = (response?.body ?? '').trim();
  if (body === '') return 'empty';
  const mediaType = (response?.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (mediaType === 'application/problem+json') return problemDetails;
  const json = parsedJson(exchange, body);
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const keys = Object.keys(json);
    if (keys.includes('status') && (keys.includes('title') || keys.includes('type'))) return problemDetails;
    return `JSON {${keys.sort().join(', ')}}`;
  }
  if (json !== undefined) return Array.isArray(json) ? 'JSON array' : 'JSON value';
  return mediaType.includes('html') || /^<(!doctype|html)/i.test(body) ? 'HTML' : 'plain text';
}

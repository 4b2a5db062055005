import { describe, expect, it } from 'vitest';
import type { AuditExchange } from '../../types.js';
import { errorShape } from './error-shape.js';

function answered(status: number, contentType: string | null, body: string): AuditExchange {
  const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
  let json: unknown;
  try {
    json = /json/.test(contentType ?? '') ? (JSON.parse(body) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  return {
    request: { method: 'GET', url: 'http://127.0.0.1/x', headers: {} },
    response: { status, headers, body, bodyBytes: body.length, ...(json !== undefined ? { json } : {}) },
    timings: { startedAt: 0, durationMs: 1 },
    curl: 'curl http://127.0.0.1/x',
    operation: 'GET /x',
    phase: 'examples',
    role: null,
    inputKind: 'valid',
  };
}

describe('errorShape', () => {
  it('names problem details by media type or by their type/title and status members', () => {
    expect(errorShape(answered(404, 'application/problem+json', '{"title":"x"}'))).toBe('problem details');
    expect(errorShape(answered(400, 'application/json', '{"type":"about:blank","status":400,"detail":"d"}'))).toBe('problem details');
  });

  it('names other JSON objects by their sorted keys, also when labelled as text', () => {
    expect(errorShape(answered(500, 'application/json', '{"stack":"s","error":"e"}'))).toBe('JSON {error, stack}');
    expect(errorShape(answered(400, 'text/plain', '{"message":"m"}'))).toBe('JSON {message}');
    expect(errorShape(answered(400, 'application/json', '["a"]'))).toBe('JSON array');
  });

  it('tells HTML, plain text and empty bodies apart', () => {
    expect(errorShape(answered(502, 'text/html', '<html><body>Bad gateway</body></html>'))).toBe('HTML');
    expect(errorShape(answered(400, 'text/plain', 'ERROR: bad id'))).toBe('plain text');
    expect(errorShape(answered(401, null, ''))).toBe('empty');
  });
});

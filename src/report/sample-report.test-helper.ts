import type { CauseId } from '../core/causes.js';
import type { Evidence, Finding, Report } from '../core/finding.js';
import type { Severity } from '../core/severity.js';

/** A hostile response body: markup that must stay text in every format. */
export const hostileBody = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true"></script>]]>\u0000\u001b[31mred\u001b[0m\ud800';

export function evidence(overrides: Partial<Evidence> = {}): Evidence {
  return {
    request: { method: 'GET', url: 'http://127.0.0.1:8080/pets', headers: { accept: 'application/json' } },
    response: { status: 200, headers: { 'content-type': 'text/html' }, body: hostileBody, durationMs: 12.4 },
    curl: "curl -sS 'http://127.0.0.1:8080/pets' -H 'accept: application/json'",
    ...overrides,
  };
}

export function finding(overrides: Partial<Finding> & { cause: CauseId; severity: Severity; check: string }): Finding {
  return {
    operation: 'GET /pets',
    status: null,
    title: `${overrides.check} fired`,
    detail: `${overrides.check} found a problem.`,
    remedy: 'Fix the thing.',
    evidence: [],
    ...overrides,
  };
}

/** Findings across five causes and all five severities, some with hostile evidence. */
export function sampleFindings(): Finding[] {
  return [
    finding({ check: 'lint.operation-description', cause: 'poor-design-docs', severity: 'low', location: { file: 'specs/petstore.yaml', pointer: '/paths/~1pets/get', line: 12, column: 5 } }),
    finding({ check: 'lint.operation-description', cause: 'poor-design-docs', severity: 'low', operation: 'POST /pets', location: { file: 'specs/petstore.yaml', pointer: '/paths/~1pets/post', line: 30 } }),
    finding({ check: 'lint.error-responses', cause: 'poor-design-docs', severity: 'info', operation: null, location: { file: 'specs/petstore.yaml', pointer: '' } }),
    finding({
      check: 'auth.unauthenticated-access',
      cause: 'unsecured-endpoints',
      severity: 'critical',
      status: 200,
      title: 'Secured operation answers without credentials <b>bold</b>',
      detail: 'GET /pets returned 200 with no Authorization header.\nBody started with "<script>".',
      evidence: [evidence()],
      count: 3,
    }),
    finding({ check: 'exposure.cors-any-origin', cause: 'public-exposure', severity: 'high', status: 200, evidence: [evidence({ response: null, error: 'socket hang up' })] }),
    finding({ check: 'conformance.server-error', cause: 'insufficient-testing', severity: 'high', operation: 'POST /pets', status: 500 }),
    finding({ check: 'conformance.schema-mismatch', cause: 'insufficient-testing', severity: 'medium', status: 200 }),
    finding({ check: 'session.cookie-flags', cause: 'session-management', severity: 'medium', operation: 'POST /login', status: 204 }),
  ];
}

export function sampleReport(findings: readonly Finding[] = sampleFindings(), overrides: Partial<Report> = {}): Report {
  return {
    schema: 'faultline/report@1',
    tool: { name: 'faultline', version: '0.1.0' },
    kind: 'audit',
    startedAt: '2025-01-02T03:04:05.000Z',
    finishedAt: '2025-01-02T03:04:09.500Z',
    spec: { source: 'specs/petstore.yaml', title: 'Petstore', version: '1.0.0', openapi: '3.0.3' },
    target: 'http://127.0.0.1:8080',
    findings,
    stats: { operations: 4, requests: 37 },
    notes: ['check conformance.slow crashed: boom'],
    ...overrides,
  };
}

/** `count` findings spread over every cause and severity, for size and readability tests. */
export function largeFindings(count: number, bodyChars = 4000): Finding[] {
  const causeList: CauseId[] = ['permissions', 'unsecured-endpoints', 'insufficient-testing', 'bad-urls', 'poor-design-docs'];
  const severityList: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
  return Array.from({ length: count }, (_, i) =>
    finding({
      check: `area.check-${i % 7}`,
      cause: causeList[i % causeList.length] as CauseId,
      severity: severityList[i % severityList.length] as Severity,
      operation: `GET /items/${i}`,
      status: 200,
      evidence: [evidence({ response: { status: 200, headers: {}, body: 'x'.repeat(bodyChars) } })],
    }),
  );
}

/** The eleven reasons an HTTP API fails. Every finding carries exactly one of these ids. */
export const causeIds = [
  'permissions',
  'unsecured-endpoints',
  'insufficient-testing',
  'session-management',
  'expiring-apis',
  'bad-urls',
  'complex-endpoints',
  'public-exposure',
  'poor-design-docs',
  'dependency-failures',
  'monitoring-logging',
] as const;

export type CauseId = (typeof causeIds)[number];

export interface CauseInfo {
  readonly id: CauseId;
  readonly title: string;
  readonly looksFor: string;
}

export const causes: Readonly<Record<CauseId, CauseInfo>> = {
  permissions: {
    id: 'permissions',
    title: 'Permissions',
    looksFor: 'A role does more than its scopes allow (403 expected, 2xx seen); over-broad grants.',
  },
  'unsecured-endpoints': {
    id: 'unsecured-endpoints',
    title: 'Unsecured endpoints',
    looksFor: 'Secured operations that answer without credentials, plain http servers, long-lived or unsigned tokens.',
  },
  'insufficient-testing': {
    id: 'insufficient-testing',
    title: 'Insufficient testing',
    looksFor: '500s and stack traces, bad input accepted instead of 400, responses that break the spec, latency collapse under load.',
  },
  'session-management': {
    id: 'session-management',
    title: 'Session management',
    looksFor: 'Cookies without HttpOnly/Secure/SameSite, sessions alive after logout, no expiry.',
  },
  'expiring-apis': {
    id: 'expiring-apis',
    title: 'Expiring APIs',
    looksFor: 'Deprecated or removed operations without Deprecation/Sunset notice, breaking changes between versions.',
  },
  'bad-urls': {
    id: 'bad-urls',
    title: 'Bad URLs',
    looksFor: 'Documented paths that answer 404, redirects to nowhere, links that lead nowhere.',
  },
  'complex-endpoints': {
    id: 'complex-endpoints',
    title: 'Complex endpoints',
    looksFor: 'RPC-style verb paths, parameter sprawl, inconsistent error bodies (no RFC 9457 shape).',
  },
  'public-exposure': {
    id: 'public-exposure',
    title: 'Public exposure',
    looksFor: 'CORS open to any origin with credentials, version banners, debug/secret paths reachable, no rate limit.',
  },
  'poor-design-docs': {
    id: 'poor-design-docs',
    title: 'Poor design & docs',
    looksFor: 'Spec lint (missing descriptions, schemas, error responses) and drift between the spec and the API.',
  },
  'dependency-failures': {
    id: 'dependency-failures',
    title: 'Dependency failures',
    looksFor: 'Slow or failing dependencies make the API hang or 500 instead of timing out, degrading and recovering.',
  },
  'monitoring-logging': {
    id: 'monitoring-logging',
    title: 'Monitoring & logging',
    looksFor: 'No health endpoint, no request ids; continuous monitoring, metrics and alerts.',
  },
};

export function isCauseId(value: string): value is CauseId {
  return (causeIds as readonly string[]).includes(value);
}

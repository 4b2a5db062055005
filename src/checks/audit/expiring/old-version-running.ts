import type { Operation } from '../../../spec/model.js';
import { defineCheck } from '../../define.js';
import type { AuditExchange } from '../../types.js';
import { baselineProbes } from '../baseline.js';
import { evidenceOf, isSuccess } from '../evidence.js';
import { isCatchAllAnswer } from '../exposure/catch-all.js';

// 'v3' or a date ('2023-10-16'); a version as the last segment names a document ('/docs/v2'), not the API.
const versionSegment = /^(v\d+|\d{4}-\d{2}-\d{2})$/i;
const maxOperations = 3;
const maxEarlierVersions = 2;
const maxEvidence = 3;

interface Versioned {
  readonly operation: Operation;
  /** Index of the version segment in the path split on '/'. */
  readonly index: number;
  readonly version: string;
}

interface Outcome {
  readonly title: string;
  readonly severity: 'medium' | 'low';
  readonly exchanges: AuditExchange[];
  readonly lines: string[];
}

function versionedOf(operation: Operation): Versioned | null {
  const segments = operation.path.split('/');
  const index = segments.findIndex((segment, i) => i < segments.length - 1 && versionSegment.test(segment));
  return index < 0 ? null : { operation, index, version: segments[index]! };
}

/** The versions before `version` worth asking for: the two numbers below it, or the earlier dates the spec names. */
function earlierVersions(version: string, documentedDates: readonly string[]): string[] {
  const number = /^v(\d+)$/i.exec(version)?.[1];
  if (number !== undefined) return Array.from({ length: maxEarlierVersions }, (_, i) => Number(number) - 1 - i).filter((n) => n >= 1).map((n) => `${version[0]}${n}`);
  return documentedDates.filter((date) => date < version).sort().reverse().slice(0, maxEarlierVersions);
}

function withSegment(path: string, index: number, replacement: string | null): string {
  const [pathname = '', query] = path.split('?', 2);
  const segments = pathname.split('/');
  if (replacement === null) segments.splice(index, 1);
  else segments[index] = replacement;
  return `${segments.join('/')}${query === undefined ? '' : `?${query}`}`;
}

/** True when a 410 tells clients when the version went and where to go instead. */
function isGoneWithNotice(headers: Readonly<Record<string, string>>): boolean {
  return headers['sunset'] !== undefined || /rel\s*=\s*"?[^";,]*\b(successor-version|latest-version|alternate)\b/i.test(headers['link'] ?? '');
}

export const oldVersionRunning = defineCheck({
  id: 'expiring.old-version-running',
  cause: 'expiring-apis',
  kind: 'audit',
  severity: 'medium',
  summary: 'An older API version (or the unversioned path) still answers without announcing its end',
  explanation:
    'When `/v3` is documented but `/v2` or the unversioned routes still answer as if nothing happened, clients built against them never learn they are on borrowed time: no Deprecation or Sunset header warns their code or monitoring, and the day the old version is switched off they break without notice. A version already removed with 410 but without a Sunset date or a Link to its successor leaves callers no way to find the replacement.',
  remedy:
    'Switch old versions off (404 or 410), or keep them with `Deprecation` (RFC 9745) and `Sunset` (RFC 8594) headers on every response and a `Link: <…>; rel="successor-version"`. Answer 410 for removed versions with that Link and the Sunset date it ended on.',
  async *run({ spec, audit }) {
    const documentedPaths = new Set(spec.operations.map((op) => op.path));
    const versioned = spec.operations.filter((op) => op.method === 'get').map(versionedOf).filter((v): v is Versioned => v !== null);
    if (versioned.length === 0) return;
    const dates = [...new Set(versioned.map((v) => v.version).filter((v) => !v.startsWith('v') && !v.startsWith('V')))];
    // Fixed paths first: they need no learnt ids and stand for the version as well as any.
    const candidates = [...versioned].sort((a, b) => Number(a.operation.path.includes('{')) - Number(b.operation.path.includes('{')) || a.operation.path.length - b.operation.path.length || a.operation.key.localeCompare(b.operation.key));
    const { unknown } = await baselineProbes(audit);
    const outcomes = new Map<string, Outcome>();
    let tried = 0;
    for (const { operation, index, version } of candidates) {
      if (tried >= maxOperations) break;
      const request = audit.requestFor(operation);
      if (!request) continue;
      const alternatives = [...earlierVersions(version, dates).map((v) => [v, `Old version ${v}`] as const), [null, 'The unversioned path'] as const];
      const toProbe = alternatives.filter(([replacement]) => !documentedPaths.has(withSegment(operation.path, index, replacement)));
      if (toProbe.length === 0) continue;
      tried++;
      for (const [replacement, label] of toProbe) {
        const path = withSegment(request.path, index, replacement);
        const exchange = await audit.probe({ ...request, path, operation: null, inputKind: 'probe' });
        if (!exchange) {
          if (audit.remainingRequests() <= 0) return;
          continue;
        }
        const response = exchange.response;
        if (!response) continue;
        const headers = response.headers;
        let title: string | null = null;
        let severity: Outcome['severity'] = 'medium';
        if (isSuccess(exchange) && headers['deprecation'] === undefined && headers['sunset'] === undefined && !isCatchAllAnswer(unknown, path, exchange)) {
          title = `${label} still answers without Deprecation or Sunset headers`;
        } else if (response.status === 410 && !isGoneWithNotice(headers)) {
          title = `${label} answers 410 without a Sunset date or a Link to its successor`;
          severity = 'low';
        }
        if (title === null) continue;
        const outcome = outcomes.get(title) ?? { title, severity, exchanges: [], lines: [] };
        outcome.exchanges.push(exchange);
        outcome.lines.push(`GET ${path.split('?', 1)[0]} answered ${response.status} (documented: ${operation.key})`);
        outcomes.set(title, outcome);
      }
    }
    for (const { title, severity, exchanges, lines } of outcomes.values()) {
      const isGone = severity === 'low';
      yield {
        operation: null,
        title,
        severity,
        status: exchanges[0]!.response?.status ?? null,
        detail: `${lines.join('; ')}. ${isGone ? 'Callers learn the version is gone but not when it ended or what replaces it.' : 'Clients still calling it get no warning before it changes or goes away.'}`,
        evidence: exchanges.slice(0, maxEvidence).map((exchange) => evidenceOf(exchange)),
      };
    }
  },
});

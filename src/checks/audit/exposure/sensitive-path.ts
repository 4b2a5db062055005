import { defineCheck } from '../../define.js';
import { evidenceOf, isSuccess } from '../evidence.js';
import { isCatchAllAnswer, probeCatchAll } from './catch-all.js';
import { sensitivePaths } from './sensitive-paths.js';

function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

export const sensitivePath = defineCheck({
  id: 'exposure.sensitive-path',
  cause: 'public-exposure',
  kind: 'audit',
  severity: 'high',
  summary: 'A secret file or debug endpoint is publicly reachable',
  explanation:
    'Leftover dotenv files, Git metadata, database dumps, private keys and debug or actuator endpoints are among the first things scanners request on every host. One of them answering hands over credentials, source code or process internals without any need to break the API itself.',
  remedy: 'Remove the file from the deployed artefact or web root, disable debug and actuator endpoints in production (or bind them to an internal port), and rotate every secret the file contained.',
  async *run({ spec, audit }) {
    if (!audit.isExposureProbing) return;
    const documented = new Set(spec.operations.map((op) => withoutTrailingSlash(op.path)));
    const hasAdminArea = spec.operations.some((op) => op.path === '/admin' || op.path.startsWith('/admin/'));
    const catchAll = await probeCatchAll(audit);
    if (!catchAll) return;
    for (const candidate of sensitivePaths) {
      if (documented.has(withoutTrailingSlash(candidate.path))) continue;
      if (candidate.path === '/admin/' && hasAdminArea) continue;
      const path = candidate.probe ?? candidate.path;
      const exchange = await audit.probe({ method: 'GET', path, operation: null, role: null, inputKind: 'probe' });
      if (!exchange) return;
      const body = exchange.response?.body ?? '';
      if (!isSuccess(exchange) || body.trim() === '' || isCatchAllAnswer(catchAll, path, exchange)) continue;
      if (candidate.expect && !candidate.expect.test(body)) continue;
      const status = exchange.response?.status ?? null;
      yield candidate.isApiDescription
        ? {
            operation: null,
            status,
            severity: candidate.severity,
            title: `API description exposed at ${candidate.path}`,
            detail: `GET ${candidate.path} answered ${status} with the API description without credentials. Publishing it on production maps every operation for attackers; make sure that is intended.`,
            evidence: [evidenceOf(exchange)],
          }
        : {
            operation: null,
            status,
            severity: candidate.severity,
            title: `${candidate.path} is publicly reachable`,
            detail: `GET ${candidate.path} answered ${status} without credentials with what looks like ${candidate.what}. The spec does not document it.`,
            evidence: [evidenceOf(exchange, `a random path (${catchAll.path}) answered ${catchAll.exchange.response?.status ?? 'nothing'}`)],
          };
    }
  },
});

import { defineCheck } from '../define.js';
import { secretKind } from './sensitive-query-parameter.js';

/**
 * `/tokens/{token}` or `/issuing/authorizations/{authorization}`: the parameter is the id of an item of the
 * collection before it (a token object, an authorization record), not a credential.
 */
function namesItsCollection(path: string, name: string): boolean {
  const segments = path.split('/');
  const at = segments.indexOf(`{${name}}`);
  const before = (segments[at - 1] ?? '').toLowerCase();
  const singular = name.toLowerCase();
  return at > 0 && (before === singular || before === `${singular}s` || before === `${singular}es`);
}

export const credentialsInPath = defineCheck({
  id: 'lint.credentials-in-path',
  cause: 'public-exposure',
  kind: 'lint',
  severity: 'high',
  summary: 'A secret is part of the URL path',
  explanation:
    'The path is written to every access log, proxy and CDN log, browser history and `Referer` header, exactly like the query string. A token, password or key placed in a path segment (`/tokens/{access_token}`) is exposed to everyone who can read those logs, and cannot be scrubbed from them afterwards.',
  remedy: 'Identify the resource by a non-secret id (or its hash) and send the secret in a header or a POST body.',
  *run({ spec }) {
    const reported = new Set<string>();
    for (const op of spec.operations) {
      for (const param of op.parameters) {
        if (param.in !== 'path' || reported.has(param.pointer)) continue;
        const kind = secretKind(param);
        if (kind === undefined || namesItsCollection(op.path, param.name)) continue;
        reported.add(param.pointer);
        yield { operation: op.key, pointer: param.pointer, detail: `${op.key} takes '${param.name}' (${kind}) as a path segment.` };
      }
    }
  },
});

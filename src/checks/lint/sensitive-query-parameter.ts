import type { Parameter } from '../../spec/model.js';
import { defineCheck } from '../define.js';
import { splitWords } from './naming-style.js';

const secretWords = new Set(['password', 'passwd', 'passphrase', 'pwd', 'secret', 'apikey', 'ssn', 'cvv', 'cvc', 'jwt', 'authorization']);
// Pairs of adjacent words that name a secret; 'token' alone is often a pagination cursor ('page_token').
const secretPairs = new Set([
  'api key', 'access token', 'refresh token', 'id token', 'auth token', 'bearer token', 'session token', 'session id',
  'credit card', 'card number', 'private key', 'secret key', 'security code', 'social security',
]);

// The secret must end the name ('client_secret'); 'secret_type' or 'password_reset_required' only talk
// about one. Booleans, numbers and enums cannot carry a secret ('hide_secret').
export function secretKind(param: Parameter): string | undefined {
  const type = param.schema?.['type'];
  if (type === 'boolean' || type === 'integer' || type === 'number' || Array.isArray(param.schema?.['enum'])) return undefined;
  const words = splitWords(param.name);
  const last = words[words.length - 1] ?? '';
  if (words.length === 1 && (last === 'token' || last === 'auth')) return last;
  if (secretWords.has(last)) return last;
  const pair = words.slice(-2).join(' ');
  return secretPairs.has(pair) ? pair : undefined;
}

export const sensitiveQueryParameter = defineCheck({
  id: 'lint.sensitive-query-parameter',
  cause: 'public-exposure',
  kind: 'lint',
  severity: 'high',
  summary: 'Secret or personal data is passed in the query string',
  explanation:
    'URLs are written to access logs of servers, proxies and CDNs, kept in browser history and bookmarks, and sent to other sites in the `Referer` header. A password, token, card number or national id in the query string ends up in all of those places, readable by anyone with log access.',
  remedy: 'Move the value to a header (`Authorization` for credentials) or the request body of a POST, and scrub it from existing logs.',
  *run({ spec }) {
    for (const op of spec.operations) {
      for (const param of op.parameters) {
        if (param.in !== 'query') continue;
        const kind = secretKind(param);
        if (kind === undefined) continue;
        yield { operation: op.key, pointer: param.pointer, detail: `${op.key} takes '${param.name}' (${kind}) in the query string.` };
      }
    }
  },
});

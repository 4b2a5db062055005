import { defineCheck } from '../define.js';
import { child } from '../../spec/values.js';

export const apiKeyInQuery = defineCheck({
  id: 'lint.api-key-in-query',
  cause: 'unsecured-endpoints',
  kind: 'lint',
  severity: 'high',
  summary: 'API key is sent in the query string',
  explanation:
    'A key in the URL is written to server and proxy access logs, browser history, analytics and `Referer` headers sent to other sites. Anyone who reads those logs can replay the key, and keys in URLs are rarely rotated.',
  remedy: 'Send the key in a header (`Authorization` or `X-API-Key`) and stop accepting it in the query string; rotate keys that have been sent in URLs.',
  *run({ spec }) {
    for (const scheme of spec.securitySchemes) {
      if (scheme.type !== 'apiKey' || scheme.in !== 'query') continue;
      yield {
        operation: null,
        pointer: child(scheme.pointer, 'in'),
        detail: `Security scheme '${scheme.name}' sends the API key in the query parameter '${scheme.paramName ?? '?'}'.`,
      };
    }
  },
});

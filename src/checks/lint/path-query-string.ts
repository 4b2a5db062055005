import { defineCheck } from '../define.js';

export const pathQueryString = defineCheck({
  id: 'lint.path-query-string',
  cause: 'bad-urls',
  kind: 'lint',
  severity: 'high',
  summary: 'Path key contains a query string or fragment',
  explanation:
    'OpenAPI path keys are matched against the URL path only; `?` and `#` never appear there. A path like `/search?q={q}` matches no request, and generated clients percent-encode the `?` into the path, so every call lands on a 404.',
  remedy: 'Keep the path (`/search`) as the key and declare the query values as `in: query` parameters.',
  *run({ spec }) {
    for (const path of spec.paths) {
      const at = path.path.search(/[?#]/);
      if (at < 0) continue;
      yield { operation: null, pointer: path.pointer, detail: `Path '${path.path}' contains '${path.path[at]}': '${path.path.slice(at)}' belongs in query parameters, not in the path key.` };
    }
  },
});

import { defineCheck } from '../define.js';
import { pathOperationKey, templateShape } from './path-segments.js';

export const pathTrailingSlashDuplicate = defineCheck({
  id: 'lint.path-trailing-slash-duplicate',
  cause: 'bad-urls',
  kind: 'lint',
  severity: 'medium',
  summary: 'The same path is documented with and without a trailing slash',
  explanation:
    'Servers and frameworks disagree on whether `/users` and `/users/` are the same resource: one answers, the other 404s or redirects (and a redirect turns a POST into a GET in many clients). Documenting both invites clients to use either and get different behaviour.',
  remedy: 'Pick one form (usually without the trailing slash), document only that one, and have the server redirect the other form with 308 or treat both identically.',
  *run({ spec }) {
    const byShape = new Map<string, string[]>();
    for (const item of spec.paths) {
      const key = templateShape(item.path).replace(/\/+$/, '') || '/';
      byShape.set(key, [...(byShape.get(key) ?? []), item.path]);
    }
    for (const item of spec.paths) {
      if (item.path.length < 2 || !item.path.endsWith('/')) continue;
      const twins = (byShape.get(templateShape(item.path).replace(/\/+$/, '')) ?? []).filter((path) => path !== item.path);
      if (twins.length === 0) continue;
      yield {
        operation: pathOperationKey(item),
        pointer: item.pointer,
        detail: `${item.path} and ${twins.join(', ')} are both documented; they differ only by the trailing slash.`,
      };
    }
  },
});

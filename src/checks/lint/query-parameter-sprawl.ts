import { defineCheck } from '../define.js';

const maxQueryParameters = 8;

// Paging, sorting and field selection are one well-understood convention, not extra ways to combine
// filters, so they do not count toward the limit.
const conventional = new Set([
  'limit', 'offset', 'page', 'perpage', 'pagesize', 'pagetoken', 'cursor', 'after', 'before', 'startingafter', 'endingbefore',
  'expand', 'fields', 'include', 'sort', 'sortby', 'order', 'orderby', 'direction',
]);

export const queryParameterSprawl = defineCheck({
  id: 'lint.query-parameter-sprawl',
  cause: 'complex-endpoints',
  kind: 'lint',
  severity: 'low',
  summary: `Operation takes more than ${maxQueryParameters} query parameters besides paging and sorting`,
  explanation:
    'An operation with many query parameters is several endpoints in one: the combinations are too many to test, their interactions are rarely documented, clients send invalid mixes, and URLs grow past proxy and server limits.',
  remedy:
    'Split the operation by use case, group related filters into one structured parameter or a search request body (POST /things/search), and drop parameters nobody uses.',
  *run({ spec }) {
    for (const op of spec.operations) {
      const names = op.parameters.filter((p) => p.in === 'query' && !conventional.has(p.name.toLowerCase().replace(/[-_]/g, ''))).map((p) => p.name);
      if (names.length <= maxQueryParameters) continue;
      yield {
        operation: op.key,
        pointer: op.pointer,
        detail: `${op.key} takes ${names.length} query parameters besides paging and sorting (${names.join(', ')}); more than ${maxQueryParameters} is hard to use and to test.`,
      };
    }
  },
});

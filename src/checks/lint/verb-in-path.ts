import { defineCheck } from '../define.js';
import { splitWords } from './naming-style.js';
import { pathOperationKey, staticSegments } from './path-segments.js';

// Verbs that repeat what the HTTP method already says. Domain actions (cancel, confirm, capture,
// approve, merge...) are accepted sub-resource conventions (Google AIP-136) and are not listed.
const crudVerbs = new Set([
  'get', 'fetch', 'retrieve', 'list', 'create', 'add', 'insert', 'make', 'update', 'modify', 'edit', 'set', 'save',
  'delete', 'remove', 'destroy', 'do', 'execute', 'perform', 'invoke',
]);

// Compound nouns that happen to start with one of the verbs.
const nounSegments = new Set(['add-on', 'add-ons', 'add_on', 'add_ons', 'addOn', 'addOns', 'set-up', 'make-up', 'to-do', 'to-dos', 'todo', 'todos']);

export const verbInPath = defineCheck({
  id: 'lint.verb-in-path',
  cause: 'complex-endpoints',
  kind: 'lint',
  severity: 'low',
  summary: 'Path segment is a verb (RPC-style URL)',
  explanation:
    'A path such as `/getUsersByStatus` or `/users/{id}/delete` puts the action in the URL instead of the method. Every action then needs its own endpoint, the method and the path can contradict each other (GET /deleteUser), caches and proxies treat a state-changing GET as safe, and clients cannot guess the next URL from the resource model.',
  remedy:
    'Name resources with nouns and let the method carry the action: `GET /users?status=active`, `DELETE /users/{id}`, `POST /orders`. Keep sub-resources for real domain actions (`POST /orders/{id}/cancel`).',
  *run({ spec }) {
    for (const item of spec.paths) {
      const segment = staticSegments(item.path).find((s) => !nounSegments.has(s) && crudVerbs.has(splitWords(s)[0] ?? ''));
      if (segment === undefined) continue;
      const verb = splitWords(segment)[0];
      yield {
        operation: pathOperationKey(item),
        pointer: item.pointer,
        detail: `${item.path}: segment '${segment}' starts with the verb '${verb}'; the HTTP method (${item.operations.map((op) => op.method.toUpperCase()).join(', ') || 'none'}) should carry the action.`,
      };
    }
  },
});

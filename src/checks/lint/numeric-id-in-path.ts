import { defineCheck } from '../define.js';
import { splitWords } from './naming-style.js';

export const numericIdInPath = defineCheck({
  id: 'lint.numeric-id-in-path',
  cause: 'permissions',
  kind: 'lint',
  severity: 'info',
  summary: 'Resources are addressed by sequential integer ids',
  explanation:
    'Integer ids in paths (`/orders/{orderId}` with `type: integer`) can be enumerated: an attacker counts up from their own id and tries every neighbour. That only hurts where an object-level authorization check is missing (OWASP API1:2023), which the audit\'s ownership probes test; here it is a hint that such a check must exist on every operation.',
  remedy: 'Check ownership on every operation that takes the id, and prefer random identifiers (UUIDs) for resources that belong to one user.',
  *run({ spec }) {
    const reported = new Set<string>();
    for (const op of spec.operations) {
      for (const param of op.parameters) {
        if (param.in !== 'path' || reported.has(param.pointer) || param.schema?.['type'] !== 'integer') continue;
        if (splitWords(param.name).at(-1) !== 'id') continue;
        reported.add(param.pointer);
        yield { operation: op.key, pointer: param.pointer, detail: `${op.key} takes '${param.name}' as an integer: neighbouring ids can be guessed.` };
      }
    }
  },
});

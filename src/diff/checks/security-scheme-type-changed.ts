import { defineDiffCheck } from '../define.js';
import { pairSchemes } from '../pair-schemes.js';

export const securitySchemeTypeChanged = defineDiffCheck({
  id: 'diff.security-scheme-type-changed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Security scheme changed type',
  remedy: 'Add the new scheme under a new name beside the old one, move operations over, and retire the old one with notice.',
  *run(ctx) {
    for (const { old, new: now } of pairSchemes(ctx)) {
      if (old.type === now.type) continue;
      yield { oldPointer: old.pointer, newPointer: now.pointer, detail: `security scheme '${now.name}': ${old.type} → ${now.type}; clients send credentials the old way.` };
    }
  },
});

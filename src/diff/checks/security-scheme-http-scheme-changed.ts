import { defineDiffCheck } from '../define.js';
import { pairSchemes } from '../pair-schemes.js';

export const securitySchemeHttpSchemeChanged = defineDiffCheck({
  id: 'diff.security-scheme-http-scheme-changed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'HTTP authentication scheme changed (e.g. basic → bearer)',
  remedy: 'Accept both Authorization schemes for a deprecation period.',
  *run(ctx) {
    for (const { old, new: now } of pairSchemes(ctx)) {
      if (old.type !== 'http' || now.type !== 'http' || old.scheme === now.scheme) continue;
      yield { oldPointer: old.pointer, newPointer: now.pointer, detail: `security scheme '${now.name}': Authorization ${old.scheme} → ${now.scheme}.` };
    }
  },
});

import { defineDiffCheck } from '../define.js';
import { pairSchemes } from '../pair-schemes.js';

export const securitySchemeApiKeyMoved = defineDiffCheck({
  id: 'diff.security-scheme-api-key-moved',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'API key moved to another header, query parameter or cookie',
  remedy: 'Accept the key in both places for a deprecation period.',
  *run(ctx) {
    for (const { old, new: now } of pairSchemes(ctx)) {
      if (old.type !== 'apiKey' || now.type !== 'apiKey') continue;
      if (old.in === now.in && old.paramName?.toLowerCase() === now.paramName?.toLowerCase()) continue;
      yield { oldPointer: old.pointer, newPointer: now.pointer, detail: `security scheme '${now.name}': key in ${old.in} '${old.paramName}' → ${now.in} '${now.paramName}'; clients send it where it is no longer read.` };
    }
  },
});

import { defineDiffCheck } from '../define.js';

export const securitySchemeAdded = defineDiffCheck({
  id: 'diff.security-scheme-added',
  cause: 'expiring-apis',
  level: 'info',
  isAddition: true,
  summary: 'Security scheme added',
  remedy: 'Nothing breaks by itself; the operations that start requiring it are reported separately.',
  *run(ctx) {
    const names = new Set(ctx.oldSpec.securitySchemes.map((s) => s.name));
    for (const scheme of ctx.newSpec.securitySchemes) {
      if (names.has(scheme.name)) continue;
      yield { newPointer: scheme.pointer, detail: `security scheme '${scheme.name}' (${scheme.type}) was added.` };
    }
  },
});

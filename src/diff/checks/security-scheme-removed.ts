import { defineDiffCheck } from '../define.js';

export const securitySchemeRemoved = defineDiffCheck({
  id: 'diff.security-scheme-removed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Security scheme removed',
  remedy: 'Keep the scheme until no operation and no client uses it; clients configured for it cannot authenticate.',
  *run(ctx) {
    const names = new Set(ctx.newSpec.securitySchemes.map((s) => s.name));
    for (const scheme of ctx.oldSpec.securitySchemes) {
      if (names.has(scheme.name)) continue;
      yield { oldPointer: scheme.pointer, detail: `security scheme '${scheme.name}' (${scheme.type}) was removed.` };
    }
  },
});

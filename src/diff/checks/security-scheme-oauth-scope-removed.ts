import { defineDiffCheck } from '../define.js';
import { pairSchemes } from '../pair-schemes.js';

export const securitySchemeOauthScopeRemoved = defineDiffCheck({
  id: 'diff.security-scheme-oauth-scope-removed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'OAuth scope removed',
  remedy: 'Keep the scope (mapped onto its replacement) until clients stop asking for it; token requests with an unknown scope fail.',
  *run(ctx) {
    for (const { old, new: now } of pairSchemes(ctx)) {
      for (const [flow, before] of Object.entries(old.flows)) {
        const after = now.flows[flow as keyof typeof now.flows];
        if (!before || !after) continue;
        for (const scope of Object.keys(before.scopes)) {
          if (scope in after.scopes) continue;
          yield { oldPointer: `${old.pointer}/flows/${flow}/scopes`, newPointer: `${now.pointer}/flows/${flow}/scopes`, detail: `security scheme '${now.name}' ${flow} flow no longer offers scope '${scope}'.` };
        }
      }
    }
  },
});

import { defineDiffCheck } from '../define.js';
import { pairSchemes } from '../pair-schemes.js';

export const securitySchemeOauthFlowRemoved = defineDiffCheck({
  id: 'diff.security-scheme-oauth-flow-removed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'OAuth flow removed',
  remedy: 'Keep the flow until clients that use it have moved to another one.',
  *run(ctx) {
    for (const { old, new: now } of pairSchemes(ctx)) {
      for (const flow of Object.keys(old.flows)) {
        if (flow in now.flows) continue;
        yield { oldPointer: `${old.pointer}/flows/${flow}`, newPointer: now.pointer, detail: `security scheme '${now.name}' no longer offers the ${flow} flow; clients using it cannot get tokens.` };
      }
    }
  },
});

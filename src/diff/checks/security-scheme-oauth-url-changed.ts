import { defineDiffCheck } from '../define.js';
import { pairSchemes } from '../pair-schemes.js';

export const securitySchemeOauthUrlChanged = defineDiffCheck({
  id: 'diff.security-scheme-oauth-url-changed',
  cause: 'bad-urls',
  level: 'warning',
  summary: 'OAuth token or authorization URL changed',
  remedy: 'Keep the old URL answering (or redirecting) until clients have updated their configuration.',
  *run(ctx) {
    for (const { old, new: now } of pairSchemes(ctx)) {
      for (const [flow, before] of Object.entries(old.flows)) {
        const after = now.flows[flow as keyof typeof now.flows];
        if (!before || !after) continue;
        for (const key of ['tokenUrl', 'authorizationUrl'] as const) {
          if (before[key] === undefined || before[key] === after[key]) continue;
          yield { oldPointer: old.pointer, newPointer: now.pointer, detail: `security scheme '${now.name}' ${flow} ${key}: ${before[key]} → ${after[key] ?? '(none)'}.` };
        }
      }
    }
  },
});

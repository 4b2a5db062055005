import { defineDiffCheck } from '../define.js';
import { templateVariables } from '../pair-operations.js';

export const pathParameterRenamed = defineDiffCheck({
  id: 'diff.path-parameter-renamed',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Path parameter renamed',
  remedy: 'The URL is unchanged; SDKs that pass path parameters by name change their argument name, so say so in the changelog.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      if (pair.matchedBy !== 'path' || pair.old.path === pair.new.path) continue;
      const before = templateVariables(pair.old.path);
      const after = templateVariables(pair.new.path);
      const renamed = before.flatMap((name, i) => (after[i] !== undefined && after[i] !== name ? [`{${name}} → {${after[i]}}`] : []));
      if (renamed.length === 0) continue;
      yield { operation: pair.new.key, oldPointer: pair.old.pointer, newPointer: pair.new.pointer, detail: `${pair.old.path} → ${pair.new.path}: ${renamed.join(', ')}.` };
    }
  },
});

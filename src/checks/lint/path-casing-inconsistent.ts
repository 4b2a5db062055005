import { defineCheck } from '../define.js';
import { namingStyle, styleCensus, type NamingStyle } from './naming-style.js';
import { pathOperationKey, staticSegments } from './path-segments.js';

// A few outliers are worth a finding each; beyond that the API simply has two conventions, and one
// API-wide finding says so better than a hundred.
const maxOutlierFindings = 20;

export const pathCasingInconsistent = defineCheck({
  id: 'lint.path-casing-inconsistent',
  cause: 'complex-endpoints',
  kind: 'lint',
  severity: 'low',
  summary: 'Path segments mix camelCase, snake_case and kebab-case',
  explanation:
    'When some URLs read `/user-groups` and others `/user_roles` or `/userTokens`, clients guess wrong, get 404s for URLs that look right, and every new endpoint restarts the naming debate. It usually shows that parts of the API were designed separately.',
  remedy: 'Pick one style for path segments (kebab-case is the most common for URLs) and rename the outliers, keeping the old paths as deprecated aliases for a while.',
  *run({ spec }) {
    const stylesOf = (path: string): NamingStyle[] =>
      staticSegments(path).map(namingStyle).filter((s): s is NamingStyle => s !== undefined);
    const census = styleCensus(spec.paths, (item) => stylesOf(item.path));
    if (!census) return;
    const summary = census.byStyle.map(([style, paths]) => `${style} in ${paths.length} paths (e.g. ${paths[0]?.path})`).join('; ');
    yield {
      operation: null,
      pointer: '/paths',
      detail: `Path segments use ${census.byStyle.length} naming styles: ${summary}. ${census.minority.length} paths differ from the majority style ${census.majority}.`,
    };
    if (census.minority.length > maxOutlierFindings) return;
    for (const { item, style } of census.minority) {
      yield {
        operation: pathOperationKey(item),
        pointer: item.pointer,
        detail: `${item.path} uses ${style} where most paths use ${census.majority}.`,
      };
    }
  },
});

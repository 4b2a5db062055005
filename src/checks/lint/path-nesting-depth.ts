import { defineCheck } from '../define.js';
import { isTemplateSegment, pathOperationKey, pathSegments } from './path-segments.js';

const maxKeyLevels = 3;
// Real APIs namespace with static segments (GitHub: /orgs/{org}/actions/oidc/customization/...), which
// costs clients little; eight is where URLs stop being readable.
const maxSegments = 8;

// A leading 'api' or version segment ('/api/v2/...') says where the API lives, not how deep a resource is.
function resourceSegments(path: string): string[] {
  const segments = pathSegments(path);
  while (segments.length > 0 && /^(api|v\d+(\.\d+)*)$/i.test(segments[0]!)) segments.shift();
  return segments;
}

// Adjacent parameters ('/repos/{owner}/{repo}') form one composite key: one level of ancestry, not two.
function keyLevels(segments: readonly string[]): number {
  return segments.filter((segment, i) => isTemplateSegment(segment) && !(i > 0 && isTemplateSegment(segments[i - 1]!))).length;
}

export const pathNestingDepth = defineCheck({
  id: 'lint.path-nesting-depth',
  cause: 'complex-endpoints',
  kind: 'lint',
  severity: 'low',
  summary: `Path nests more than ${maxKeyLevels} levels of path parameters or ${maxSegments} segments`,
  explanation:
    'Deeply nested URLs such as `/a/{a}/b/{b}/c/{c}/d/{d}` force clients to know the whole ancestry of a resource before they can address it, couple the API to one hierarchy that later changes, and multiply the authorization checks every level needs.',
  remedy:
    'Give resources a short canonical URL of their own (`/comments/{id}`), keep nesting for one level of ownership, and express other relations with query filters or links.',
  *run({ spec }) {
    for (const item of spec.paths) {
      const segments = resourceSegments(item.path);
      const levels = keyLevels(segments);
      if (levels <= maxKeyLevels && segments.length <= maxSegments) continue;
      yield {
        operation: pathOperationKey(item),
        pointer: item.pointer,
        detail: `${item.path} has ${segments.length} segments and ${levels} levels of path parameters (limits: ${maxSegments} segments, ${maxKeyLevels} levels).`,
      };
    }
  },
});

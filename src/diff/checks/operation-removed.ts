import { defineDiffCheck } from '../define.js';
import { removalVerdict, sunsetOf } from '../sunset.js';

export const operationRemoved = defineDiffCheck({
  id: 'diff.operation-removed',
  cause: 'bad-urls',
  level: 'breaking',
  summary: 'Operation removed without deprecation',
  remedy: 'Restore the operation, or deprecate it first (deprecated: true and an x-sunset date far enough ahead) and remove it after the sunset.',
  *run(ctx) {
    for (const op of ctx.operations.removed) {
      if (removalVerdict(op.deprecated, sunsetOf(op), ctx.now) !== 'not-deprecated') continue;
      yield { operation: op.key, oldPointer: op.pointer, detail: `${op.key} was removed without being deprecated first; clients calling it now get 404 or 405.` };
    }
  },
});

import { defineDiffCheck } from '../define.js';
import { removalVerdict, sunsetOf } from '../sunset.js';

export const operationRemovedWithoutSunset = defineDiffCheck({
  id: 'diff.operation-removed-without-sunset',
  cause: 'bad-urls',
  level: 'warning',
  summary: 'Deprecated operation removed, but it never announced a sunset date',
  remedy: 'Next time give deprecated operations an x-sunset date, so clients know how long they have.',
  *run(ctx) {
    for (const op of ctx.operations.removed) {
      if (removalVerdict(op.deprecated, sunsetOf(op), ctx.now) !== 'no-sunset') continue;
      yield { operation: op.key, oldPointer: op.pointer, detail: `${op.key} was deprecated and is now removed, but it never said when; clients had no deadline to plan for.` };
    }
  },
});

import { defineDiffCheck } from '../define.js';
import { formatDay, removalVerdict, sunsetOf } from '../sunset.js';

export const operationRemovedAfterSunset = defineDiffCheck({
  id: 'diff.operation-removed-after-sunset',
  cause: 'bad-urls',
  level: 'info',
  summary: 'Deprecated operation removed after its sunset date',
  remedy: 'Nothing to do: the deprecation policy was followed. Answer the old path with 410 Gone for a while.',
  *run(ctx) {
    for (const op of ctx.operations.removed) {
      const sunset = sunsetOf(op);
      if (!sunset || removalVerdict(op.deprecated, sunset, ctx.now) !== 'after-sunset') continue;
      yield { operation: op.key, oldPointer: op.pointer, detail: `${op.key} was removed after its sunset (${formatDay(sunset.date)}, from ${sunset.source}).` };
    }
  },
});

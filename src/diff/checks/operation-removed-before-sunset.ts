import { defineDiffCheck } from '../define.js';
import { daysUntil, formatDay, removalVerdict, sunsetOf } from '../sunset.js';

export const operationRemovedBeforeSunset = defineDiffCheck({
  id: 'diff.operation-removed-before-sunset',
  cause: 'bad-urls',
  level: 'breaking',
  summary: 'Deprecated operation removed before its sunset date',
  remedy: 'Keep the operation until the sunset date it announced; clients planned their migration around it.',
  *run(ctx) {
    for (const op of ctx.operations.removed) {
      const sunset = sunsetOf(op);
      if (!sunset || removalVerdict(op.deprecated, sunset, ctx.now) !== 'before-sunset') continue;
      yield {
        operation: op.key,
        oldPointer: op.pointer,
        detail: `${op.key} was removed ${daysUntil(sunset.date, ctx.now)} days before the sunset it announced (${formatDay(sunset.date)}, from ${sunset.source}).`,
      };
    }
  },
});

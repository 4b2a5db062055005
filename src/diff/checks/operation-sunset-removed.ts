import { defineDiffCheck } from '../define.js';
import { formatDay, sunsetOf } from '../sunset.js';

export const operationSunsetRemoved = defineDiffCheck({
  id: 'diff.operation-sunset-removed',
  cause: 'expiring-apis',
  level: 'warning',
  summary: 'Deprecated operation no longer states its sunset date',
  remedy: 'Keep the sunset date on the deprecated operation; clients plan their migration around it.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const before = sunsetOf(pair.old);
      if (!pair.old.deprecated || !pair.new.deprecated || !before || sunsetOf(pair.new)) continue;
      yield { operation: pair.new.key, oldPointer: pair.old.pointer, newPointer: pair.new.pointer, detail: `${pair.new.key} no longer states its sunset (was ${formatDay(before.date)}, from ${before.source}).` };
    }
  },
});

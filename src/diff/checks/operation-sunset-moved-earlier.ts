import { defineDiffCheck } from '../define.js';
import { formatDay, sunsetOf } from '../sunset.js';

export const operationSunsetMovedEarlier = defineDiffCheck({
  id: 'diff.operation-sunset-moved-earlier',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Sunset date of a deprecated operation moved earlier',
  remedy: 'Keep the sunset date you announced; moving it earlier cuts the time clients were promised.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const before = sunsetOf(pair.old);
      const after = sunsetOf(pair.new);
      if (!before || !after || !pair.old.deprecated || after.date.getTime() >= before.date.getTime()) continue;
      yield {
        operation: pair.new.key,
        oldPointer: pair.old.pointer,
        newPointer: pair.new.pointer,
        detail: `${pair.new.key}: sunset ${formatDay(before.date)} → ${formatDay(after.date)}.`,
      };
    }
  },
});

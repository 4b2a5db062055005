import { defineDiffCheck } from '../define.js';
import { daysUntil, formatDay, sunsetOf } from '../sunset.js';

export const operationSunsetTooSoon = defineDiffCheck({
  id: 'diff.operation-sunset-too-soon',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Sunset date closer than the notice the deprecation policy requires',
  remedy: 'Move the sunset date to at least --sunset-days (default 180) after today: clients need time to migrate.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      if (!pair.new.deprecated) continue;
      const sunset = sunsetOf(pair.new);
      const before = sunsetOf(pair.old);
      // Only a new deprecation or a new date is judged: an old promise is not re-judged by today's clock.
      if (!sunset || (pair.old.deprecated && before && before.date.getTime() === sunset.date.getTime())) continue;
      const days = daysUntil(sunset.date, ctx.now);
      if (days >= ctx.sunsetDays) continue;
      yield {
        operation: pair.new.key,
        oldPointer: pair.old.pointer,
        newPointer: pair.new.pointer,
        detail: `${pair.new.key} sunsets on ${formatDay(sunset.date)} (${sunset.source}), ${days < 0 ? `${-days} days ago` : `in ${days} days`}; the policy asks for at least ${ctx.sunsetDays}.`,
      };
    }
  },
});

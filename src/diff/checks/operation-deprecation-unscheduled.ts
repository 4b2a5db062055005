import { defineDiffCheck } from '../define.js';
import { daysUntil, formatDay, sunsetOf } from '../sunset.js';

export const operationDeprecationUnscheduled = defineDiffCheck({
  id: 'diff.operation-deprecation-unscheduled',
  cause: 'expiring-apis',
  level: 'warning',
  summary: 'Operation still deprecated without a sunset far enough ahead (deprecation policy)',
  remedy: 'Give the deprecated operation `x-sunset: YYYY-MM-DD` at least --sunset-days (default 180) ahead and return a Sunset header; or remove it if its sunset has passed.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      // New deprecations and changed dates are judged by the checks for those changes; this one judges what stayed.
      if (!pair.old.deprecated || !pair.new.deprecated) continue;
      const sunset = sunsetOf(pair.new);
      const before = sunsetOf(pair.old);
      if (sunset && before?.date.getTime() !== sunset.date.getTime()) continue;
      const days = sunset ? daysUntil(sunset.date, ctx.now) : undefined;
      if (days !== undefined && days >= ctx.sunsetDays) continue;
      const why = sunset === undefined
        ? 'with no sunset date, so its clients still have no date to migrate by'
        : days! < 0
          ? `and its sunset ${formatDay(sunset.date)} (${sunset.source}) passed ${-days!} days ago, yet it is still served`
          : `and sunsets on ${formatDay(sunset.date)} (${sunset.source}), in ${days} days`;
      yield {
        operation: pair.new.key,
        oldPointer: pair.old.pointer,
        newPointer: `${pair.new.pointer}/deprecated`,
        detail: `${pair.new.key} is deprecated in both versions ${why}; the policy asks for a sunset at least ${ctx.sunsetDays} days ahead.`,
      };
    }
  },
});

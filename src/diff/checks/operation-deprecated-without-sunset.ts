import { defineDiffCheck } from '../define.js';
import { sunsetOf } from '../sunset.js';

export const operationDeprecatedWithoutSunset = defineDiffCheck({
  id: 'diff.operation-deprecated-without-sunset',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Operation deprecated without a sunset date (deprecation policy)',
  remedy: 'Add `x-sunset: YYYY-MM-DD` to the operation, at least --sunset-days (default 180) ahead, and return a Sunset header.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      if (pair.old.deprecated || !pair.new.deprecated || sunsetOf(pair.new)) continue;
      yield {
        operation: pair.new.key,
        oldPointer: pair.old.pointer,
        newPointer: `${pair.new.pointer}/deprecated`,
        detail: `${pair.new.key} was deprecated with no sunset date; the policy asks for x-sunset at least ${ctx.sunsetDays} days ahead.`,
      };
    }
  },
});

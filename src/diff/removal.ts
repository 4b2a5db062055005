import type { SchemaChange } from './schema-diff.js';
import { daysUntil, formatDay, removalVerdict } from './sunset.js';

/** The policy for a removed field: breaking unless OLD deprecated it and any sunset it gave has passed. */
export function isRemovalBreaking(change: SchemaChange, now: Date): boolean {
  const verdict = removalVerdict(change.isDeprecated === true, change.sunset, now);
  return verdict === 'not-deprecated' || verdict === 'before-sunset';
}

/** The words a detail adds about the field's deprecation. */
export function removalReason(change: SchemaChange, now: Date): string {
  const sunset = change.sunset;
  switch (removalVerdict(change.isDeprecated === true, sunset, now)) {
    case 'not-deprecated':
      return ' without being deprecated first';
    case 'before-sunset':
      return ` ${daysUntil(sunset!.date, now)} days before its sunset (${formatDay(sunset!.date)}, from ${sunset!.source})`;
    case 'no-sunset':
      return ' (it gave no sunset date)';
    case 'after-sunset':
      return ` (sunset ${formatDay(sunset!.date)} has passed)`;
  }
}

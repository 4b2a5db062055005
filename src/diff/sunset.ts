/**
 * Where an API says when a deprecated element goes away: `x-sunset` (the extension oasdiff reads, a
 * RFC 3339 date or an RFC 9110 HTTP date as in the `Sunset` header of RFC 8594), any `x-*-sunset` or
 * `x-*-removal*` extension, a sunset or removal key nested in a vendor object (GitHub writes
 * `x-github: { removalDate: '2025-04-01' }`), or a date the description gives next to a word of removal.
 */
export interface Sunset {
  readonly date: Date;
  /** Where the date was read: 'x-sunset', 'x-github.removalDate', 'description'. */
  readonly source: string;
}

const sunsetExtension = /^x-(.*-)?(sunset|removal)/i;
const sunsetKey = /sunset|removal/i;
const removalWords = /(sunset|remov|decommission|retire|shut\s*down|discontinu|end[- ]of[- ]life)/i;
const isoDate = /\b(\d{4}-\d{2}-\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/g;

export function parseSunsetDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  // A bare year such as `2026` would parse as a timestamp; only dates with a month and day count.
  if (!/\d{4}-\d{2}-\d{2}|[A-Za-z]{3},? \d{1,2} [A-Za-z]{3} \d{4}/.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** The sunset an element declares, from its `x-*` keys and its description; undefined when it gives none. */
export function sunsetOf(element: { readonly extensions?: Readonly<Record<string, unknown>>; readonly description?: string | undefined }): Sunset | undefined {
  for (const [key, value] of Object.entries(element.extensions ?? {})) {
    if (sunsetExtension.test(key)) {
      const date = parseSunsetDate(value);
      if (date) return { date, source: key };
    }
  }
  for (const [key, value] of Object.entries(element.extensions ?? {})) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) {
      if (!sunsetKey.test(inner)) continue;
      const date = parseSunsetDate(innerValue);
      if (date) return { date, source: `${key}.${inner}` };
    }
  }
  return sunsetInText(element.description);
}

function sunsetInText(text: string | undefined): Sunset | undefined {
  if (!text) return undefined;
  for (const match of text.matchAll(isoDate)) {
    const before = text.slice(Math.max(0, (match.index ?? 0) - 80), match.index);
    if (!removalWords.test(before)) continue;
    const date = parseSunsetDate(match[1]);
    if (date) return { date, source: 'description' };
  }
  return undefined;
}

/** The `x-*` keys of a raw object (a parameter or a schema, which the model does not normalise). */
export function extensionsOfRaw(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([key]) => key.startsWith('x-')));
}

const dayMs = 24 * 60 * 60 * 1000;

/** Whole days from `now` to `date` (negative when the date has passed). */
export function daysUntil(date: Date, now: Date): number {
  return Math.floor((date.getTime() - now.getTime()) / dayMs);
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * How removing a deprecated-or-not element stands against the policy: 'not-deprecated' (breaking),
 * 'before-sunset' (breaking: clients were promised more time), 'no-sunset' (deprecated, never dated),
 * 'after-sunset' (the promise was kept).
 */
export type RemovalVerdict = 'not-deprecated' | 'before-sunset' | 'no-sunset' | 'after-sunset';

export function removalVerdict(isDeprecated: boolean, sunset: Sunset | undefined, now: Date): RemovalVerdict {
  if (!isDeprecated) return 'not-deprecated';
  if (!sunset) return 'no-sunset';
  return sunset.date.getTime() > now.getTime() ? 'before-sunset' : 'after-sunset';
}

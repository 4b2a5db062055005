const day = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const month = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const time = '\\d{2}:\\d{2}:\\d{2}';
const imfFixdate = new RegExp(`^${day}, \\d{2} ${month} \\d{4} ${time} GMT$`);
const rfc850 = new RegExp(`^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-${month}-\\d{2} ${time} GMT$`);
const asctime = new RegExp(`^${day} ${month} ( \\d|\\d{2}) ${time} \\d{4}$`);

/**
 * Milliseconds since the epoch of an HTTP-date (RFC 9110 §5.6.7: IMF-fixdate, or the obsolete RFC 850
 * and asctime forms recipients must still accept), or null when the text is not one.
 */
export function parseHttpDate(text: string): number | null {
  const value = text.trim();
  // asctime carries no zone; HTTP dates are always GMT.
  const parsed = imfFixdate.test(value) || rfc850.test(value) ? Date.parse(value) : asctime.test(value) ? Date.parse(`${value} GMT`) : Number.NaN;
  return Number.isNaN(parsed) ? null : parsed;
}

/**
 * The moment a `Deprecation` header names: RFC 9745's structured date `@<unix-seconds>`, or the
 * forms earlier drafts used (`true`, an HTTP-date). Undefined for `true` (valid, no date); null when invalid.
 */
export function parseDeprecation(text: string): number | undefined | null {
  const value = text.trim();
  if (/^@-?\d+$/.test(value)) return Number(value.slice(1)) * 1000;
  if (value.toLowerCase() === 'true') return undefined;
  return parseHttpDate(value);
}

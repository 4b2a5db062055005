import fc from 'fast-check';

type Json = Record<string, unknown>;

/**
 * A string an API is likely to accept for a field or parameter it knows only by schema and name: never
 * empty, within minLength and maxLength, of the declared format or pattern, and shaped by the name
 * (an email for `email`, a slug for `slug`). `n` makes each generated value different, so a second
 * create does not collide with the first on a unique username or email.
 */
export function plausibleString(schema: Json, name: string | undefined, n: number): string {
  const minLength = Math.max(1, Number(schema['minLength'] ?? 1));
  const maxLength = typeof schema['maxLength'] === 'number' ? Math.max(minLength, schema['maxLength'] as number) : undefined;
  const value = formatted(schema, n) ?? fromPattern(schema, n, minLength, maxLength) ?? byName(name ?? '', n);
  return fit(value, minLength, maxLength);
}

function fit(value: string, minLength: number, maxLength: number | undefined): string {
  let out = value;
  if (out.length < minLength) out = out + 'x'.repeat(minLength - out.length);
  if (maxLength !== undefined && out.length > maxLength) out = out.slice(0, maxLength);
  return out;
}

function formatted(schema: Json, n: number): string | undefined {
  const stamp = new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);
  switch (schema['format']) {
    case 'email':
    case 'idn-email':
      return `faultline.${n}@example.com`;
    case 'uuid':
      return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    case 'date-time':
      return stamp.toISOString();
    case 'date':
      return stamp.toISOString().slice(0, 10);
    case 'time':
      return '12:00:00Z';
    case 'uri':
    case 'url':
    case 'iri':
      return `https://example.com/faultline-${n}`;
    case 'uri-reference':
      return `/faultline-${n}`;
    case 'hostname':
    case 'idn-hostname':
      return `faultline-${n}.example.com`;
    case 'ipv4':
      return '192.0.2.1';
    case 'ipv6':
      return '2001:db8::1';
    case 'byte':
      return Buffer.from(`faultline-${n}`).toString('base64');
    case 'password':
      return `Faultline-${n}-pass!`;
    default:
      return undefined;
  }
}

function fromPattern(schema: Json, n: number, minLength: number, maxLength: number | undefined): string | undefined {
  if (typeof schema['pattern'] !== 'string') return undefined;
  let pattern: RegExp;
  try {
    pattern = new RegExp(schema['pattern'] as string, 'u');
  } catch {
    return undefined;
  }
  try {
    const arbitrary = fc.stringMatching(pattern).filter((v) => v.length >= minLength && v.length <= (maxLength ?? 64) && pattern.test(v));
    return fc.sample(arbitrary, { seed: n, numRuns: 1 })[0];
  } catch {
    // A pattern fast-check cannot generate from, or whose matches never fit the lengths.
    return undefined;
  }
}

// Field names whose values have a shape many validators insist on.
const shapes: [RegExp, (n: number) => string][] = [
  [/e-?mail/i, (n) => `faultline.${n}@example.com`],
  [/pass(word)?|secret/i, (n) => `Faultline-${n}-pass!`],
  [/phone|mobile|tel$/i, () => '+15555550100'],
  [/(^|_)url$|uri$|link$|website|homepage|image$|avatar/i, (n) => `https://example.com/faultline-${n}`],
  [/^(user_?name|login|handle|nick(name)?)$/i, (n) => `faultline${n}`],
  [/slug/i, (n) => `faultline-${n}`],
  [/^(lang|language|locale)$/i, () => 'en'],
  [/currency/i, () => 'USD'],
  [/country/i, () => 'US'],
  [/colou?r/i, () => '#336699'],
  [/zip|postal/i, () => '94105'],
  [/(^|_)(first|last|full|display)?_?name$|title|label|subject/i, (n) => `Faultline ${n}`],
  [/description|body|content|text|comment|message|bio|summary|note/i, (n) => `Written by faultline (${n}).`],
];

function byName(name: string, n: number): string {
  for (const [pattern, make] of shapes) if (pattern.test(name)) return make(n);
  return `faultline-${n}`;
}

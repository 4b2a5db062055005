import { placeholder, type Redactor } from '../core/redact.js';

const maxExampleChars = 16 * 1024;
const maxExampleItems = 3;

// Keys whose values are about a person. Plain `name` only counts beside one of these (a user, not a product).
const personalKey = /^(first|last|full|given|family|middle|display|real|sur|nick)[-_]?name$|^surname$|e-?mail|phone|mobile|^fax$|address|street|city|post(al)?[-_]?code|^zip|birth|^dob$|ssn|social[-_]?security|passport|national[-_]?id|iban|card[-_]?number|^ip$/i;
const contactKey = /e-?mail|phone|mobile|address/i;
const emailValue = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An example taken from a sample body: first the same redaction as reports (credentials by name, known
 * secrets such as the tokens seen in this traffic, JWT signatures), then personal data: e-mail
 * addresses become user@example.com, names, phones, addresses and the like «redacted:personal-<key>».
 * Lists keep their first three items. Undefined for bodies that are not JSON or too large to show.
 */
export function exampleFrom(text: string, mediaType: string, redactor: Redactor): unknown {
  if (text.length > maxExampleChars) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(redactor.body(text, mediaType || 'application/json'));
  } catch {
    return undefined;
  }
  return personal(value, false, 0);
}

function personal(value: unknown, isPersonal: boolean, depth: number): unknown {
  if (depth > 20) return null;
  if (typeof value === 'string') {
    if (value.startsWith('«redacted:')) return value;
    if (emailValue.test(value)) return 'user@example.com';
    return isPersonal ? placeholder('personal') : value;
  }
  if (Array.isArray(value)) return value.slice(0, maxExampleItems).map((item) => personal(item, isPersonal, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const isAboutPerson = entries.some(([key]) => contactKey.test(key));
  return Object.fromEntries(
    entries.map(([key, child]) => {
      const keyIsPersonal = personalKey.test(key) || (isAboutPerson && /^name$/i.test(key));
      if (keyIsPersonal && typeof child === 'string' && !child.startsWith('«redacted:')) {
        return [key, emailValue.test(child) ? 'user@example.com' : placeholder(`personal-${key}`)];
      }
      return [key, personal(child, isPersonal || keyIsPersonal, depth + 1)];
    }),
  );
}

/** A query or path value as an example: redacted as a URL is in reports, personal by its name. */
export function scalarExample(name: string, value: string, redactor: Redactor): string {
  const url = new URL(redactor.url(`http://x/?${encodeURIComponent(name)}=${encodeURIComponent(value)}`));
  const shown = url.searchParams.get(name) ?? value;
  if (shown.startsWith('«redacted:')) return shown;
  if (emailValue.test(shown)) return 'user@example.com';
  return personalKey.test(name) ? placeholder(`personal-${name}`) : shown;
}

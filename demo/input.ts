import { z } from 'zod';

/** JSON Schema counts string length in code points, so the validators do too (not UTF-16 units). */
function text(min: number, max: number) {
  return z.string().refine((value) => {
    const length = [...value].length;
    return length >= min && length <= max;
  }, `must be ${min} to ${max} characters long`);
}

export const productInput = z.strictObject({
  name: text(1, 100),
  priceCents: z.number().int().min(0).max(10_000_000),
  description: text(0, 500).optional(),
});

export const credentialsInput = z.strictObject({
  username: text(1, 64),
  password: text(1, 128),
});

export const int32Max = 2_147_483_647;

/** Parses an integer path or query value; null when it is not a whole number within [min, max]. */
export function parseInteger(raw: unknown, min: number, max: number): number | null {
  if (typeof raw !== 'string' || !/^\d{1,10}$/.test(raw)) return null;
  const value = Number(raw);
  return value >= min && value <= max ? value : null;
}

/** One line naming what is wrong with a body, for the problem `detail`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}

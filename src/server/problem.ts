import type { z } from 'zod';

/** RFC 9457 problem details: the one error shape of the JSON API. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, detail: string | undefined, requestId: string): Problem {
  return {
    type: `https://faultline.dev/problems/${status}`,
    title: titles[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    instance: `urn:faultline:request:${requestId}`,
  };
}

/** Validate a request part with its zod schema; a 400 problem names every field that is wrong. */
export function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpProblem(400, 'Bad Request', result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return result.data;
}

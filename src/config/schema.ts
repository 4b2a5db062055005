import { z } from 'zod';
import { parseDurationMs } from '../core/units.js';

const duration = z.union([z.number().nonnegative(), z.string()]).transform((value, ctx) => {
  try {
    return parseDurationMs(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `not a duration: '${value}' (use e.g. 500ms, 5s, 3m)` });
    return z.NEVER;
  }
});

const hostPort = z.string().regex(/^[^\s:]+:\d{1,5}$/, "expected host:port, e.g. '127.0.0.1:7101'");

export const credentialSchema = z.strictObject({
  name: z.string().min(1, 'a credential needs a name'),
  headers: z.record(z.string(), z.string()).default({}),
  scopes: z.array(z.string()).default([]),
});

export const dependencySchema = z.strictObject({
  name: z.string().min(1),
  listen: hostPort,
  upstream: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
});

export const budgetSchema = z.strictObject({
  requests: z.number().int().positive().default(3000),
  time: duration.default(180_000),
  timeout: duration.default(5_000),
});

/** faultline.yaml. Sections for other commands (load, monitors, alerts) are validated by those commands. */
export const configSchema = z.strictObject({
  spec: z.string().min(1).optional(),
  target: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  credentials: z.array(credentialSchema).default([]),
  dependencies: z.array(dependencySchema).default([]),
  budget: budgetSchema.default({ requests: 3000, time: 180_000, timeout: 5_000 }),
  load: z.unknown().optional(),
  monitors: z.unknown().optional(),
  alerts: z.unknown().optional(),
});

export type FaultlineConfig = z.infer<typeof configSchema>;
export type Credential = z.infer<typeof credentialSchema>;
export type Dependency = z.infer<typeof dependencySchema>;

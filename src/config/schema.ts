import { z } from 'zod';
import { parseDurationMs } from '../core/units.js';
import { loadSchema } from './load-schema.js';

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
  name: z.string().min(1, 'a credential needs a name').describe('Role name used in findings, e.g. admin or reader.'),
  headers: z.record(z.string(), z.string()).default({}).describe('Headers that authenticate this role, e.g. { Authorization: "Bearer ${ADMIN_TOKEN}" }.'),
  scopes: z.array(z.string()).default([]).describe('Scopes this role holds; matched against the OpenAPI security requirement scopes.'),
}).describe('A role the audit may act as.');

export const dependencySchema = z.strictObject({
  name: z.string().min(1).describe('Dependency name, e.g. inventory.'),
  listen: hostPort.describe('Where faultline\'s fault-injecting proxy listens (point the API at it), e.g. 127.0.0.1:7101.'),
  upstream: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).describe('The real dependency the proxy forwards to.'),
}).describe('A dependency of the API, reached through a fault-injecting proxy.');

export const budgetSchema = z.strictObject({
  requests: z.number().int().positive().default(3000).describe('Stop after this many requests.'),
  time: duration.default(180_000).describe('Stop after this long: 500ms, 30s, 3m or milliseconds.'),
  timeout: duration.default(5_000).describe('Deadline of one request.'),
}).describe('The audit stops at whichever limit comes first and reports what it covered.');

/** faultline.yaml. Sections for other commands (load, monitors, alerts) are validated by those commands. */
export const configSchema = z.strictObject({
  spec: z.string().min(1).optional().describe('Path (relative to this file) or URL of the OpenAPI 3.x / Swagger 2.0 description.'),
  target: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional().describe('Base URL of the running API.'),
  credentials: z.array(credentialSchema).default([]),
  dependencies: z.array(dependencySchema).default([]),
  budget: budgetSchema.default({ requests: 3000, time: 180_000, timeout: 5_000 }),
  load: loadSchema.optional(),
  monitors: z.unknown().optional(),
  alerts: z.unknown().optional(),
});

export type FaultlineConfig = z.infer<typeof configSchema>;
export type Credential = z.infer<typeof credentialSchema>;
export type Dependency = z.infer<typeof dependencySchema>;

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

const rate = z.union([z.number().positive('the rate must be above zero'), z.string().regex(/^\s*\d+(\.\d+)?\s*(\/\s*(\d+(\.\d+)?)?\s*(ms|s|sec|m|min|h))?\s*$/i, "expected a rate such as 500/s or 30000/m")]);

export const loadStageSchema = z.strictObject({
  duration: duration.describe('How long this stage takes: 10s, 1m.'),
  target: z.number().nonnegative().describe('Rate (requests/s) or VUs reached, linearly, at the end of the stage.'),
});

export const loadRequestSchema = z
  .strictObject({
    operation: z.string().regex(/^[A-Za-z]+ \//, "expected 'METHOD /path', e.g. 'GET /products'").optional().describe("A spec operation; its request is built from the spec's examples (or generated from its schemas)."),
    name: z.string().min(1).optional().describe('What results are grouped by; defaults to the operation or METHOD path.'),
    method: z.string().regex(/^[A-Za-z]+$/).optional().describe('HTTP method (with `path`).'),
    path: z.string().regex(/^\//, "a path starts with '/'").optional().describe('Path and query appended to the target, e.g. /products?page=1.'),
    headers: z.record(z.string(), z.string()).default({}),
    body: z.unknown().optional().describe('A string is sent as is; anything else as JSON.'),
    credential: z.string().optional().describe('Name of a role from `credentials` whose headers are sent.'),
    weight: z.number().positive().default(1).describe('Relative share of the traffic.'),
  })
  .superRefine((request, ctx) => {
    if (!request.operation && !request.path) ctx.addIssue({ code: 'custom', message: 'a request needs `operation` or `path`', path: ['path'] });
  })
  .describe('One kind of request in a scenario.');

export const loadScenarioSchema = z
  .strictObject({
    executor: z.enum(['constant-arrival-rate', 'ramping-arrival-rate', 'constant-vus', 'ramping-vus']).default('constant-arrival-rate').describe('k6 executor names: arrival-rate is the open model, vus the closed one.'),
    rate: rate.optional().describe('constant-arrival-rate: requests per second; ramping-arrival-rate: the starting rate.'),
    vus: z.number().int().nonnegative().optional().describe('constant-vus: virtual users; ramping-vus: the starting number.'),
    duration: duration.optional().describe('Constant executors: how long to run.'),
    stages: z.array(loadStageSchema).min(1).optional().describe('Ramping executors: the stages, in order.'),
    requests: z.array(loadRequestSchema).min(1).optional().describe('What to send; default: the spec operations given with --operations.'),
    thresholds: z.array(z.string()).default([]).describe("Pass/fail criteria in k6's grammar: 'p95<300ms', 'errors<1%', 'GET /products: p(99)<1s'."),
  })
  .superRefine((scenario, ctx) => {
    const isRamping = scenario.executor.startsWith('ramping');
    if (isRamping && !scenario.stages) ctx.addIssue({ code: 'custom', message: `${scenario.executor} needs \`stages\``, path: ['stages'] });
    if (!isRamping && scenario.stages) ctx.addIssue({ code: 'custom', message: `${scenario.executor} takes \`duration\`, not \`stages\``, path: ['stages'] });
    if (scenario.executor === 'constant-vus' && !scenario.vus) ctx.addIssue({ code: 'custom', message: 'constant-vus needs `vus` above zero', path: ['vus'] });
    if (scenario.executor === 'constant-arrival-rate' && scenario.rate === undefined) ctx.addIssue({ code: 'custom', message: 'constant-arrival-rate needs `rate`', path: ['rate'] });
  })
  .describe('One load scenario.');

export const loadSchema = z
  .strictObject({
    target: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional().describe('Base URL to load; defaults to the top-level `target`.'),
    connections: z.number().int().positive().optional().describe('Connections the generator may open (default 50, or more for the open model).'),
    maxInFlight: z.number().int().positive().optional().describe('Requests in flight or waiting before new ones are dropped (default 10000).'),
    timeout: duration.optional().describe('From the scheduled start of a request to its last byte (default 10s).'),
    thresholds: z.array(z.string()).default([]).describe('Thresholds for every scenario.'),
    scenarios: z.record(z.string().regex(/^[\w.-]+$/, 'a scenario name is letters, digits, . _ -'), loadScenarioSchema).describe('Named scenarios; `faultline load --scenario NAME` runs one.'),
  })
  .describe('`faultline load` scenarios.');

export type LoadConfig = z.infer<typeof loadSchema>;
export type LoadScenarioConfig = z.infer<typeof loadScenarioSchema>;
export type LoadRequestConfig = z.infer<typeof loadRequestSchema>;

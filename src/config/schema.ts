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

const latencyBound = z.union([z.number().positive(), z.string()]).transform((value, ctx) => {
  // '< 500ms', '<=2s' or a bare duration: the check fails when the response takes longer.
  const text = typeof value === 'number' ? String(value) : value.replace(/^\s*<=?\s*/, '');
  try {
    return parseDurationMs(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: `not a latency bound: '${value}' (use e.g. '< 500ms')` });
    return z.NEVER;
  }
});

const statusMatcher = z.union([z.number().int().min(100).max(599), z.string().regex(/^[1-5](\d\d|xx)$/i, "expected a status such as 200 or '2xx'")]);

export const monitorAssertionsSchema = z.strictObject({
  status: z.union([statusMatcher, z.array(statusMatcher).min(1)]).optional().describe("Accepted statuses: 200, '2xx' or a list. Default: any 2xx or 3xx."),
  latency: latencyBound.optional().describe("Fail when the response takes longer, e.g. '< 500ms'."),
  headers: z.record(z.string(), z.string()).optional().describe('Response headers that must contain these values (case-insensitive names).'),
  json: z
    .array(z.strictObject({ path: z.string().regex(/^\$/, "a JSON path starts with '$', e.g. $.status"), equals: z.unknown().optional(), exists: z.boolean().optional() }))
    .optional()
    .describe("JSON path values, e.g. [{ path: '$.status', equals: 'ok' }]."),
  conformance: z.boolean().optional().describe("Validate the response against the spec's response schema (needs `operation`)."),
  tlsDaysLeft: z.number().int().nonnegative().optional().describe('For https targets: fail when the certificate expires in fewer days.'),
});

export const monitorSchema = z
  .strictObject({
    name: z.string().min(1).regex(/^[\w.-]+$/, 'a monitor name is letters, digits, . _ -').describe('Unique monitor name; used in alerts and metrics.'),
    kind: z.enum(['http', 'audit', 'lint']).default('http').describe('http: one request with assertions; audit/lint: a scheduled run whose report is stored.'),
    url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional().describe('URL to check (http monitors).'),
    operation: z.string().regex(/^[A-Za-z]+ \//, "expected 'METHOD /path', e.g. 'GET /health'").optional().describe("A spec operation, 'GET /pets/{id}', sent to `target`."),
    method: z.string().regex(/^[A-Za-z]+$/).optional().describe('HTTP method (default GET, or the operation\'s).'),
    headers: z.record(z.string(), z.string()).default({}),
    body: z.string().optional(),
    credential: z.string().optional().describe('Name of a role from `credentials` whose headers are sent.'),
    interval: duration.optional().describe("How often: '30s', '5m'. Default 60s unless `cron` is given."),
    cron: z.string().optional().describe("Cron expression instead of an interval, e.g. '*/5 * * * *'."),
    timeout: duration.default(10_000).describe('Deadline of one check.'),
    retries: z.number().int().nonnegative().default(2).describe('Failed checks tolerated before an incident opens and alerts go out (2 → alert on the 3rd failure).'),
    recoverAfter: z.number().int().positive().default(1).describe('Consecutive passing checks that close an incident.'),
    assert: monitorAssertionsSchema.default({}),
    alerts: z.array(z.string()).optional().describe('Alert channel names; default: all channels.'),
    only: z.array(z.string().min(1)).optional().describe("Audit monitors: run only these checks or causes, as `audit --only`; [permissions] is a permission audit whose matrix is compared run to run."),
    skip: z.array(z.string().min(1)).optional().describe('Audit monitors: skip these checks or causes, as `audit --skip`.'),
    enabled: z.boolean().default(true),
    public: z.boolean().default(false).describe('Show this monitor on the public status page (name, state, 90-day bar, open incidents with their public notes; never its URL, headers or errors).'),
    group: z.string().min(1).max(100).optional().describe('Heading the monitor is listed under on the status page; maintenance windows can name it.'),
  })
  .superRefine((monitor, ctx) => {
    if (monitor.kind === 'http' && !monitor.url && !monitor.operation) ctx.addIssue({ code: 'custom', message: 'an http monitor needs `url` or `operation`', path: ['url'] });
    if (monitor.interval !== undefined && monitor.cron !== undefined) ctx.addIssue({ code: 'custom', message: 'give `interval` or `cron`, not both', path: ['cron'] });
    if (monitor.interval !== undefined && monitor.interval < 1000) ctx.addIssue({ code: 'custom', message: 'interval must be at least 1s', path: ['interval'] });
    for (const key of ['only', 'skip'] as const) {
      if (monitor[key] !== undefined && monitor.kind !== 'audit') ctx.addIssue({ code: 'custom', message: `\`${key}\` selects the checks of an audit monitor (kind: audit)`, path: [key] });
    }
  })
  .describe('Something `faultline serve` checks on a schedule.');

export const alertChannelSchema = z
  .strictObject({
    name: z.string().min(1).describe('Channel name, referred to by monitors.'),
    type: z.enum(['webhook', 'slack', 'email']).describe('webhook: JSON POST; slack: Slack-compatible incoming webhook; email: SMTP.'),
    url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional().describe('Webhook URL (webhook, slack).'),
    headers: z.record(z.string(), z.string()).default({}).describe('Extra headers for webhook requests.'),
    smtp: z
      .strictObject({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65535).default(587),
        secure: z.boolean().default(false).describe('TLS from the first byte (port 465); otherwise STARTTLS when offered.'),
        user: z.string().optional(),
        pass: z.string().optional(),
      })
      .optional(),
    from: z.string().optional(),
    to: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
    retries: z.number().int().nonnegative().default(3).describe('Delivery attempts after the first when the receiver fails.'),
    quietPeriod: duration.default(300_000).describe('Flap suppression: no second failure alert for the same monitor within this time after a recovery.'),
  })
  .superRefine((channel, ctx) => {
    if ((channel.type === 'webhook' || channel.type === 'slack') && !channel.url) ctx.addIssue({ code: 'custom', message: `a ${channel.type} channel needs \`url\``, path: ['url'] });
    if (channel.type === 'email' && (!channel.smtp || !channel.to || !channel.from)) ctx.addIssue({ code: 'custom', message: 'an email channel needs `smtp`, `from` and `to`', path: ['smtp'] });
  })
  .describe('Where `faultline serve` sends failure and recovery alerts.');

const ignoreSchema = z
  .strictObject({
    check: z.string().min(1).describe('The check id to silence (faultline checks lists them).'),
    operation: z.string().min(1).optional().describe("Only on this operation, as 'METHOD /path/template'; every operation when absent."),
    reason: z.string().trim().min(1, 'an ignore needs a reason; the report shows it beside the suppressed finding').describe('Why the finding is accepted; shown in the report.'),
    until: z.iso.date().optional().describe('YYYY-MM-DD: after this day the finding counts again.'),
  })
  .describe('A finding accepted on purpose: reported as suppressed with its reason, not counted towards --fail-on.');

export const maintenanceSchema = z
  .strictObject({
    name: z.string().min(1).max(200).describe('Shown in the dashboard and logs.'),
    monitors: z.array(z.string().min(1)).optional().describe('Monitor names the window covers.'),
    groups: z.array(z.string().min(1)).optional().describe('Monitor groups the window covers.'),
    start: z.iso.datetime({ offset: true }).optional().describe('A one-off window: ISO date-time it starts, e.g. 2026-12-24T22:00:00Z.'),
    end: z.iso.datetime({ offset: true }).optional().describe('A one-off window: when it ends.'),
    cron: z.string().optional().describe("A recurring window: when it starts, e.g. '0 2 * * 0' (Sundays 02:00)."),
    duration: duration.optional().describe("A recurring window: how long it lasts, e.g. '2h'."),
  })
  .superRefine((window, ctx) => {
    if (!window.monitors?.length && !window.groups?.length) ctx.addIssue({ code: 'custom', message: 'a maintenance window names `monitors` or `groups`', path: ['monitors'] });
    const oneOff = window.start !== undefined || window.end !== undefined;
    const recurring = window.cron !== undefined || window.duration !== undefined;
    if (oneOff === recurring) ctx.addIssue({ code: 'custom', message: 'give `start` and `end` (one-off) or `cron` and `duration` (recurring)', path: ['start'] });
    else if (oneOff && (window.start === undefined || window.end === undefined || Date.parse(window.end) <= Date.parse(window.start))) ctx.addIssue({ code: 'custom', message: '`end` must come after `start`', path: ['end'] });
    else if (recurring && (window.cron === undefined || !window.duration)) ctx.addIssue({ code: 'custom', message: 'a recurring window needs `cron` and a `duration` above zero', path: ['duration'] });
  })
  .describe('While a window is on, the monitors it covers are checked and stored as usual, but no incident opens and no alert goes out; the status page says "maintenance".');

export const statusPageSchema = z
  .strictObject({
    path: z
      .string()
      .regex(/^\/[\w-]+(\/[\w-]+)*$/, "a path such as '/status'")
      .refine((path) => !/^\/(api|healthz|readyz|metrics)(\/|$)/.test(path), 'this path belongs to the API')
      .default('/status')
      .describe('Where the public status page is served.'),
    title: z.string().min(1).max(200).default('Service status').describe('Heading and title of the status page.'),
  })
  .describe('The public status page of `faultline serve`: no sign-in, only monitors marked `public`.');

/** faultline.yaml. The `load` section is validated by `faultline load`. */
export const configSchema = z.strictObject({
  spec: z.string().min(1).optional().describe('Path (relative to this file) or URL of the OpenAPI 3.x / Swagger 2.0 description.'),
  target: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional().describe('Base URL of the running API.'),
  credentials: z.array(credentialSchema).default([]),
  dependencies: z.array(dependencySchema).default([]),
  budget: budgetSchema.default({ requests: 3000, time: 180_000, timeout: 5_000 }),
  load: loadSchema.optional(),
  monitors: z.array(monitorSchema).default([]).describe('Checks `faultline serve` runs on a schedule.'),
  alerts: z.array(alertChannelSchema).default([]).describe('Alert channels for `faultline serve`.'),
  statusPage: statusPageSchema.default({ path: '/status', title: 'Service status' }),
  maintenance: z.array(maintenanceSchema).default([]).describe('Maintenance windows for `faultline serve`.'),
  ignore: z.array(ignoreSchema).default([]).describe('Findings to report as suppressed, each with a reason and an optional expiry.'),
});

export type FaultlineConfig = z.infer<typeof configSchema>;
export type Credential = z.infer<typeof credentialSchema>;
export type Dependency = z.infer<typeof dependencySchema>;
export type IgnoreRule = z.infer<typeof ignoreSchema>;
export type MonitorConfig = z.infer<typeof monitorSchema>;
export type AlertChannelConfig = z.infer<typeof alertChannelSchema>;
export type StatusPageConfig = z.infer<typeof statusPageSchema>;
export type MaintenanceConfig = z.infer<typeof maintenanceSchema>;

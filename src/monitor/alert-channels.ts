import nodemailer from 'nodemailer';
import type { AlertChannelConfig } from '../config/schema.js';
import type { PermissionVerdict } from '../core/permission-matrix.js';
import type { HttpClient } from '../http/types.js';

/** What every channel is told about a failure or a recovery. */
export interface IncidentAlert {
  readonly kind: 'failure' | 'recovery';
  readonly monitor: string;
  readonly incidentId: number;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly reason: string;
  readonly url: string | null;
  readonly at: string;
}

/** What every channel is told when a cell of a scheduled permission audit's matrix changed verdict. */
export interface PermissionChangeAlert {
  readonly kind: 'permission-change';
  readonly monitor: string;
  /** 'permission:<report id>:<operation>:<role>': one alert per change, ever. */
  readonly subject: string;
  /** True when the cell became a problem (violation, over-denied, error); false when it stopped being one. */
  readonly isRegression: boolean;
  readonly operation: string;
  readonly role: string;
  /** The spec's requirement, e.g. 'shopAuth (admin)'. */
  readonly requires: string;
  readonly from: PermissionVerdict;
  readonly to: PermissionVerdict;
  /** The status the API answered in this run, null when none came. */
  readonly status: number | null;
  /** The stored report of this run and of the run it was compared with (`GET /api/reports/:id`). */
  readonly reportId: number;
  readonly previousReportId: number;
  readonly sentence: string;
  readonly at: string;
}

/** Sent from the dashboard's "send test alert": proves a channel delivers before it is needed. */
export interface TestAlert {
  readonly kind: 'test';
  readonly monitor: string;
  readonly sentence: string;
  readonly at: string;
}

export type AlertMessage = IncidentAlert | PermissionChangeAlert | TestAlert;

/** An alert channel kind: one function that delivers or throws; the dispatcher retries and records. */
export interface AlertChannelKind {
  readonly type: AlertChannelConfig['type'];
  /** Resolves with the receiver's answer in one line ('HTTP 200', '250 OK'); throws when undelivered. */
  send(message: AlertMessage, channel: AlertChannelConfig, deps: { readonly client: HttpClient }): Promise<string>;
}

export function defineAlertChannel(kind: AlertChannelKind): AlertChannelKind {
  return kind;
}

export function alertSubject(message: AlertMessage): string {
  if (message.kind === 'permission-change' || message.kind === 'test') return `[faultline] ${message.monitor}: ${message.sentence}`;
  return message.kind === 'failure' ? `[faultline] ${message.monitor} is DOWN: ${message.reason}` : `[faultline] ${message.monitor} recovered`;
}

/** The body of a mail: the subject line, then one field a line. */
function alertText(message: AlertMessage): string {
  const details =
    message.kind === 'test'
      ? []
      : message.kind === 'permission-change'
      ? [
          `operation: ${message.operation} (requires ${message.requires})`,
          `role: ${message.role}`,
          `verdict: ${message.from} → ${message.to}${message.status === null ? '' : ` (status ${message.status})`}`,
          `reports: #${message.previousReportId} → #${message.reportId}`,
        ]
      : [
          `incident: #${message.incidentId} opened ${message.openedAt}${message.closedAt ? `, closed ${message.closedAt}` : ''}`,
          `reason: ${message.reason}`,
          ...(message.url ? [`url: ${message.url}`] : []),
        ];
  return [alertSubject(message), '', `monitor: ${message.monitor}`, ...details].join('\n');
}

function isBad(message: AlertMessage): boolean {
  return message.kind === 'failure' || (message.kind === 'permission-change' && message.isRegression);
}

async function postJson(client: HttpClient, channel: AlertChannelConfig, body: unknown): Promise<string> {
  const exchange = await client.send({
    method: 'POST',
    url: channel.url ?? '',
    headers: { ...channel.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    timeoutMs: 10_000,
    label: `alert.${channel.name}`,
  });
  if (exchange.error) throw new Error(`${exchange.error.code}: ${exchange.error.message}`);
  const status = exchange.response?.status ?? 0;
  if (status < 200 || status >= 300) throw new Error(`HTTP ${status}`);
  return `HTTP ${status}`;
}

export const webhookChannel = defineAlertChannel({
  type: 'webhook',
  send: (message, channel, { client }) => postJson(client, channel, { schema: 'faultline/alert@1', ...message }),
});

export const slackChannel = defineAlertChannel({
  type: 'slack',
  // Slack-compatible incoming webhooks (Slack, Mattermost, Rocket.Chat) take { text }.
  send: (message, channel, { client }) =>
    postJson(client, channel, {
      text: `${isBad(message) ? ':red_circle:' : ':large_green_circle:'} ${alertSubject(message)}${message.kind !== 'permission-change' && message.kind !== 'test' && message.url ? ` (${message.url})` : ''}`,
    }),
});

export const emailChannel = defineAlertChannel({
  type: 'email',
  async send(message, channel) {
    const smtp = channel.smtp;
    if (!smtp || !channel.from || !channel.to) throw new Error('email channel without smtp/from/to');
    const transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 10_000,
    });
    try {
      const info = await transport.sendMail({
        from: channel.from,
        to: channel.to,
        subject: alertSubject(message),
        text: alertText(message),
      });
      return info.response;
    } finally {
      transport.close();
    }
  },
});

export const alertChannelKinds: Readonly<Record<AlertChannelConfig['type'], AlertChannelKind>> = {
  webhook: webhookChannel,
  slack: slackChannel,
  email: emailChannel,
};

import nodemailer from 'nodemailer';
import type { AlertChannelConfig } from '../config/schema.js';
import type { HttpClient } from '../http/types.js';

/** What every channel is told about a failure or a recovery. */
export interface AlertMessage {
  readonly kind: 'failure' | 'recovery';
  readonly monitor: string;
  readonly incidentId: number;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly reason: string;
  readonly url: string | null;
  readonly at: string;
}

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
  return message.kind === 'failure' ? `[faultline] ${message.monitor} is DOWN: ${message.reason}` : `[faultline] ${message.monitor} recovered`;
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
      text: `${message.kind === 'failure' ? ':red_circle:' : ':large_green_circle:'} ${alertSubject(message)}${message.url ? ` (${message.url})` : ''}`,
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
        text: [
          alertSubject(message),
          '',
          `monitor: ${message.monitor}`,
          `incident: #${message.incidentId} opened ${message.openedAt}${message.closedAt ? `, closed ${message.closedAt}` : ''}`,
          `reason: ${message.reason}`,
          ...(message.url ? [`url: ${message.url}`] : []),
        ].join('\n'),
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

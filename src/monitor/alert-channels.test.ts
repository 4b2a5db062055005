import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertChannelSchema } from '../config/schema.js';
import { createHttpClient } from '../http/client.js';
import { startTestServer } from '../http/test-support/hostile-server.js';
import type { TestServer } from '../http/test-support/hostile-server.js';
import type { HttpClient } from '../http/types.js';
import { emailChannel, slackChannel } from './alert-channels.js';
import type { PermissionChangeAlert } from './alert-channels.js';
import { startSmtpReceiver } from './test-receivers.js';
import type { SmtpReceiver } from './test-receivers.js';

const change: PermissionChangeAlert = {
  kind: 'permission-change',
  monitor: 'nightly-permissions',
  subject: 'permission:42:DELETE /products/{productId}:reader',
  isRegression: true,
  operation: 'DELETE /products/{productId}',
  role: 'reader',
  requires: 'shopAuth (admin)',
  from: 'denied',
  to: 'violation',
  status: 204,
  reportId: 42,
  previousReportId: 41,
  sentence: 'reader on DELETE /products/{productId}: denied → violation (204), the spec does not let reader do this (requires shopAuth (admin)) and the API now allows it',
  at: '2026-12-06T03:30:00.000Z',
};

describe('a permission change on the Slack and mail channels', () => {
  let receiver: TestServer;
  let smtp: SmtpReceiver;
  let client: HttpClient;
  beforeEach(async () => {
    receiver = await startTestServer((_request, response) => response.writeHead(200).end('ok'));
    smtp = await startSmtpReceiver();
    client = createHttpClient({ isUnsafeAllowed: true });
  });
  afterEach(async () => {
    await client.close();
    await Promise.all([receiver.close(), smtp.close()]);
  });

  it('reads as a red line in Slack for a regression and a green one for the fix', async () => {
    const channel = alertChannelSchema.parse({ name: 'chat', type: 'slack', url: `${receiver.url}/slack` });
    await slackChannel.send(change, channel, { client });
    await slackChannel.send({ ...change, isRegression: false, from: 'violation', to: 'denied', status: 403, sentence: 'fixed' }, channel, { client });
    expect(receiver.received.map((r) => (JSON.parse(r.body.toString()) as { text: string }).text)).toEqual([
      `:red_circle: [faultline] nightly-permissions: ${change.sentence}`,
      ':large_green_circle: [faultline] nightly-permissions: fixed',
    ]);
  });

  it('mails the operation, its requirement, the role, the verdicts and both reports', async () => {
    const channel = alertChannelSchema.parse({ name: 'mail', type: 'email', smtp: { host: '127.0.0.1', port: smtp.port }, from: 'faultline@example.test', to: 'sec@example.test' });
    await emailChannel.send(change, channel, { client });
    // The body is quoted-printable (the arrow is not ASCII): undo it to read the lines.
    const qp = (smtp.mails[0]?.raw ?? '').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const lines = Buffer.from(qp, 'latin1').toString('utf8').split(/\r?\n/);
    expect(lines.slice(lines.indexOf(`[faultline] nightly-permissions: ${change.sentence}`))).toEqual([
      `[faultline] nightly-permissions: ${change.sentence}`,
      '',
      'monitor: nightly-permissions',
      'operation: DELETE /products/{productId} (requires shopAuth (admin))',
      'role: reader',
      'verdict: denied → violation (status 204)',
      'reports: #41 → #42',
      '',
    ]);
  });
});

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { alertChannelSchema } from '../config/schema.js';
import type { AlertChannelConfig } from '../config/schema.js';
import type { MonitorService } from '../monitor/monitor-service.js';
import type { Store } from '../store/types.js';
import { guard } from './auth.js';
import { HttpProblem, parse } from './problem.js';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const testBody = z.object({ name: z.string().min(1) });

/**
 * What the dashboard may see of a channel: its kind and where it goes, never a secret. A webhook or
 * Slack URL (whose path is the credential) shows only its origin, headers only their names, and the
 * SMTP password only whether one is set. Secrets are write-only: sent when saving, never read back.
 */
export function channelView(channel: AlertChannelConfig, source: 'config' | 'api', id: number | null) {
  return {
    id,
    name: channel.name,
    type: channel.type,
    source,
    retries: channel.retries,
    quietPeriodMs: channel.quietPeriod,
    destination: channel.type === 'email' ? `${channel.smtp?.host ?? ''}:${channel.smtp?.port ?? ''} → ${[channel.to ?? []].flat().join(', ')}` : channel.url ? new URL(channel.url).origin : '',
    headerNames: Object.keys(channel.headers),
    smtp: channel.smtp ? { host: channel.smtp.host, port: channel.smtp.port, secure: channel.smtp.secure, user: channel.smtp.user ?? null, hasPassword: Boolean(channel.smtp.pass) } : null,
    from: channel.from ?? null,
    to: channel.to ?? null,
  };
}

/** A saved channel updated by a form that leaves secrets empty when they stay as they are. */
function mergeSecrets(stored: AlertChannelConfig, body: Record<string, unknown>): unknown {
  const smtp = body.smtp as Record<string, unknown> | undefined;
  return {
    ...stored,
    ...body,
    url: body.url || stored.url,
    headers: body.headers ?? stored.headers,
    ...(smtp || stored.smtp ? { smtp: { ...stored.smtp, ...smtp, pass: smtp?.pass || stored.smtp?.pass } } : {}),
  };
}

function withoutCsrf(body: unknown): Record<string, unknown> {
  const { _csrf: _ignored, ...rest } = (body ?? {}) as Record<string, unknown>;
  return rest;
}

/** Alert channels from the dashboard: list, add, edit, delete, and send a test alert to any channel. */
export function registerChannelRoutes(app: FastifyInstance, store: Store, service: MonitorService | undefined): void {
  const configChannels = () => service?.alerts.configured ?? [];
  const isTaken = (name: string, saved: readonly { channel: AlertChannelConfig }[]) => configChannels().some((c) => c.name === name) || saved.some((s) => s.channel.name === name);
  const stored = async () => {
    const records = await store.listAlertChannels();
    return records.flatMap((r) => {
      const parsed = alertChannelSchema.safeParse(r.definition);
      return parsed.success ? [{ id: r.id, channel: parsed.data }] : [];
    });
  };
  const changed = async () => service?.syncChannels();

  app.get('/api/channels', { preHandler: guard(store, 'viewer') }, async () => {
    const saved = await stored();
    return [...configChannels().map((c) => channelView(c, 'config', null)), ...saved.map((s) => channelView(s.channel, 'api', s.id))];
  });

  app.post('/api/channels', { preHandler: guard(store, 'admin') }, async (request, reply) => {
    const channel = parse(alertChannelSchema, withoutCsrf(request.body));
    if (isTaken(channel.name, await stored())) throw new HttpProblem(409, 'Conflict', `alert channel ${channel.name} exists`);
    const record = await store.createAlertChannel({ name: channel.name, definition: channel, createdAt: Date.now() });
    await changed();
    return reply.code(201).send(channelView(channel, 'api', record.id));
  });

  app.put('/api/channels/:id', { preHandler: guard(store, 'admin') }, async (request) => {
    const { id } = parse(idParam, request.params);
    const saved = await stored();
    const existing = saved.find((s) => s.id === id);
    if (!existing) throw new HttpProblem(404, 'Not Found', `no alert channel ${id} saved from the dashboard (channels of faultline.yaml are edited there)`);
    const channel = parse(alertChannelSchema, mergeSecrets(existing.channel, withoutCsrf(request.body)));
    if (channel.name !== existing.channel.name && isTaken(channel.name, saved)) {
      throw new HttpProblem(409, 'Conflict', `alert channel ${channel.name} exists`);
    }
    await store.updateAlertChannel(id, { name: channel.name, definition: channel, updatedAt: Date.now() });
    await changed();
    return channelView(channel, 'api', id);
  });

  app.delete('/api/channels/:id', { preHandler: guard(store, 'admin') }, async (request, reply) => {
    const { id } = parse(idParam, request.params);
    if (!(await store.deleteAlertChannel(id))) throw new HttpProblem(404, 'Not Found', `no alert channel ${id} saved from the dashboard`);
    await changed();
    return reply.code(204).send();
  });

  app.post('/api/channels/test', { preHandler: guard(store, 'admin') }, async (request) => {
    const { name } = parse(testBody, withoutCsrf(request.body));
    if (!service) throw new HttpProblem(503, 'Service Unavailable', 'alerts are sent by the process that runs the monitors');
    const channel = service.alerts.channels.find((c) => c.name === name);
    if (!channel) throw new HttpProblem(404, 'Not Found', `no alert channel ${name}`);
    return { channel: name, ...(await service.alerts.sendTest(channel)) };
  });
}

import type { AlertChannelConfig } from '../config/schema.js';
import type { Logger } from '../core/logger.js';
import type { HttpClient } from '../http/types.js';
import type { Store } from '../store/types.js';
import { alertChannelKinds } from './alert-channels.js';
import type { IncidentAlert, PermissionChangeAlert } from './alert-channels.js';

export interface AlertDispatcherOptions {
  readonly store: Store;
  readonly client: HttpClient;
  readonly channels: readonly AlertChannelConfig[];
  readonly logger: Logger;
  /** First retry delay; doubles per attempt. Default 1000 ms. */
  readonly retryDelayMs?: number;
  readonly now?: () => number;
}

/**
 * Sends failure and recovery alerts to channels, retrying a receiver that is down, and records every
 * attempt. One alert per (incident, kind, channel) at most; a failure that follows a recovery of the
 * same monitor within the channel's quiet period is suppressed (flapping), and so is its recovery.
 * A permission change is one alert per (subject, channel): it has no incident and never flaps, since
 * each names the run that saw it.
 */
export class AlertDispatcher {
  private readonly sent = new Set<string>();
  private readonly lastRecovery = new Map<string, number>();
  private readonly suppressed = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;
  private stored: readonly AlertChannelConfig[] = [];

  constructor(private readonly options: AlertDispatcherOptions) {}

  /** The channels of faultline.yaml. */
  get configured(): readonly AlertChannelConfig[] {
    return this.options.channels;
  }

  /** The channels of faultline.yaml, then those added from the dashboard. */
  get channels(): readonly AlertChannelConfig[] {
    return [...this.options.channels, ...this.stored];
  }

  /** Replace the channels added from the dashboard (read from the store after each change). */
  setStoredChannels(channels: readonly AlertChannelConfig[]): void {
    this.stored = channels;
  }

  /** One attempt to deliver a test alert, not recorded in the alert history; resolves with the receiver's answer or the error. */
  async sendTest(channel: AlertChannelConfig): Promise<{ ok: boolean; result: string }> {
    const message = { kind: 'test', monitor: 'faultline', sentence: `test alert for channel ${channel.name}: it works`, at: new Date((this.options.now ?? Date.now)()).toISOString() } as const;
    try {
      return { ok: true, result: await alertChannelKinds[channel.type].send(message, channel, { client: this.options.client }) };
    } catch (error) {
      return { ok: false, result: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Queue deliveries for one transition; returns at once (checks must not wait for receivers). */
  notify(message: IncidentAlert | PermissionChangeAlert, monitorId: number, channelNames?: readonly string[]): void {
    const channels = this.channels.filter((c) => !channelNames || channelNames.includes(c.name));
    for (const channel of channels) {
      const task = this.deliver(message, monitorId, channel).finally(() => this.inFlight.delete(task));
      this.inFlight.add(task);
    }
  }

  /** Wait for queued deliveries (retries included) to finish. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Stop retrying; deliveries under way get one last attempt at most. */
  async close(): Promise<void> {
    this.closed = true;
    await this.drain();
  }

  private async deliver(message: IncidentAlert | PermissionChangeAlert, monitorId: number, channel: AlertChannelConfig): Promise<void> {
    const key = `${message.kind === 'permission-change' ? message.subject : message.incidentId}:${message.kind}:${channel.name}`;
    if (this.sent.has(key)) return;
    this.sent.add(key);
    if (await this.alreadyDelivered(message, channel)) return;
    // Permission changes never flap: each names the run that saw it, and the dedupe above keeps it single.
    if (message.kind !== 'permission-change' && (await this.isFlapping(message, monitorId, channel))) return;
    const kind = alertChannelKinds[channel.type];
    const base = this.options.retryDelayMs ?? 1000;
    for (let attempt = 1; attempt <= channel.retries + 1; attempt++) {
      try {
        const result = await kind.send(message, channel, { client: this.options.client });
        await this.record(message, monitorId, channel, attempt, true, result);
        this.options.logger.info('alert delivered', { channel: channel.name, monitor: message.monitor, kind: message.kind, attempt });
        return;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await this.record(message, monitorId, channel, attempt, false, reason);
        const last = attempt === channel.retries + 1 || this.closed;
        this.options.logger.warn(last ? 'alert not delivered, giving up' : 'alert not delivered, will retry', {
          channel: channel.name,
          monitor: message.monitor,
          kind: message.kind,
          attempt,
          reason,
        });
        if (last) return;
        await new Promise((resolve) => setTimeout(resolve, base * 2 ** (attempt - 1)));
      }
    }
  }

  /** Records and returns true when the channel's quiet period suppresses this failure or its recovery. */
  private async isFlapping(message: IncidentAlert, monitorId: number, channel: AlertChannelConfig): Promise<boolean> {
    const now = this.options.now ?? Date.now;
    const flapKey = `${monitorId}:${channel.name}`;
    const incidentKey = `${message.incidentId}:${channel.name}`;
    if (message.kind === 'failure') {
      const recovered = this.lastRecovery.get(flapKey);
      if (recovered === undefined || now() - recovered >= channel.quietPeriod) return false;
      this.suppressed.add(incidentKey);
      await this.record(message, monitorId, channel, 0, true, `suppressed: flapping (recovered ${Math.round((now() - recovered) / 1000)} s ago)`);
      return true;
    }
    this.lastRecovery.set(flapKey, now());
    if (!this.suppressed.delete(incidentKey)) return false;
    await this.record(message, monitorId, channel, 0, true, 'suppressed: flapping');
    return true;
  }

  // After a restart the in-memory set is empty; the store remembers what was delivered.
  private async alreadyDelivered(message: IncidentAlert | PermissionChangeAlert, channel: AlertChannelConfig): Promise<boolean> {
    try {
      const past = await this.options.store.listAlertDeliveries(message.kind === 'permission-change' ? { subject: message.subject, limit: 100 } : { incidentId: message.incidentId, limit: 100 });
      return past.some((d) => d.ok && d.kind === message.kind && d.channel === channel.name);
    } catch {
      return false;
    }
  }

  private async record(message: IncidentAlert | PermissionChangeAlert, monitorId: number, channel: AlertChannelConfig, attempt: number, ok: boolean, result: string): Promise<void> {
    try {
      await this.options.store.addAlertDelivery({
        monitorId,
        incidentId: message.kind === 'permission-change' ? null : message.incidentId,
        subject: message.kind === 'permission-change' ? message.subject : null,
        channel: channel.name,
        kind: message.kind,
        at: (this.options.now ?? Date.now)(),
        attempt,
        ok,
        result: result.slice(0, 500),
      });
    } catch (error) {
      this.options.logger.error('could not record an alert delivery', { channel: channel.name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
}

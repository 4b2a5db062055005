import type { IncidentRecord, Store } from '../store/types.js';

export type IncidentTransition = { readonly type: 'opened'; readonly incident: IncidentRecord } | { readonly type: 'closed'; readonly incident: IncidentRecord };

/**
 * Turns a stream of check outcomes for one monitor into incidents: one opens after `retries + 1`
 * failures in a row and closes after `recoverAfter` passes in a row. The open incident is read back
 * from the store at start, so a restart neither opens a second incident nor alerts again.
 */
export class IncidentTracker {
  private failures = 0;
  private passes = 0;
  private open: IncidentRecord | undefined;
  private loaded = false;

  constructor(
    private readonly store: Store,
    private readonly monitorId: number,
    private readonly policy: { readonly retries: number; readonly recoverAfter: number },
    /** Several workers share the monitor: count streaks from the stored results, not from this process's. */
    private readonly shared = false,
  ) {}

  get openIncident(): IncidentRecord | undefined {
    return this.open;
  }

  async record(outcome: { ok: boolean; at: number; error: string | null }): Promise<IncidentTransition | undefined> {
    if (!this.loaded || this.shared) {
      this.open = await this.store.openIncidentFor(this.monitorId);
      this.loaded = true;
    }
    if (this.shared) {
      const recent = await this.store.listResults({ monitorId: this.monitorId, limit: Math.max(this.policy.retries + 1, this.policy.recoverAfter) });
      const streak = recent.findIndex((r) => r.ok !== outcome.ok);
      const length = streak === -1 ? recent.length : streak;
      // The stored streak includes this outcome; take one off so the counting below adds it back.
      this.failures = outcome.ok ? 0 : Math.max(0, length - 1);
      this.passes = outcome.ok ? Math.max(0, length - 1) : 0;
    }
    if (outcome.ok) {
      this.failures = 0;
      this.passes += 1;
      if (this.open && this.passes >= this.policy.recoverAfter) {
        const closed = await this.store.closeIncident(this.open.id, outcome.at);
        this.open = undefined;
        if (closed) return { type: 'closed', incident: closed };
      }
      return undefined;
    }
    this.passes = 0;
    this.failures += 1;
    if (!this.open && this.failures >= this.policy.retries + 1) {
      const { incident, created } = await this.store.openIncident({ monitorId: this.monitorId, openedAt: outcome.at, reason: outcome.error ?? 'check failed', failures: this.failures });
      this.open = incident;
      // Another worker opened it first: it alerts, this one only follows the incident.
      return created ? { type: 'opened', incident } : undefined;
    }
    return undefined;
  }
}

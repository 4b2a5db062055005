import { Cron } from 'croner';
import type { MaintenanceConfig } from '../config/schema.js';

/** What a maintenance window needs to know of a monitor. */
export interface MaintainedMonitor {
  readonly name: string;
  readonly group?: string | undefined;
}

/** Maintenance windows of faultline.yaml, asked whether a monitor is in one at a given time. */
export class MaintenanceCalendar {
  private readonly crons = new Map<MaintenanceConfig, Cron>();
  private stored: readonly MaintenanceConfig[] = [];

  constructor(private readonly windows: readonly MaintenanceConfig[]) {
    this.addCrons(windows);
  }

  /** The windows of faultline.yaml. */
  get configured(): readonly MaintenanceConfig[] {
    return this.windows;
  }

  /** Replace the windows planned from the dashboard (read from the store after each change). */
  setStored(windows: readonly MaintenanceConfig[]): void {
    this.stored = windows;
    for (const window of this.crons.keys()) if (!this.windows.includes(window) && !windows.includes(window)) this.crons.delete(window);
    this.addCrons(windows);
  }

  /** The window covering the monitor at `at`, if any. */
  activeFor(monitor: MaintainedMonitor, at: number): MaintenanceConfig | undefined {
    return [...this.windows, ...this.stored].find((window) => covers(window, monitor) && this.isActive(window, at));
  }

  private addCrons(windows: readonly MaintenanceConfig[]): void {
    for (const window of windows) if (window.cron !== undefined && !this.crons.has(window)) this.crons.set(window, new Cron(window.cron, { paused: true }));
  }

  /** Whether the window is on at `at`. */
  isActive(window: MaintenanceConfig, at: number): boolean {
    if (window.start !== undefined && window.end !== undefined) return Date.parse(window.start) <= at && at < Date.parse(window.end);
    const cron = this.crons.get(window);
    const durationMs = window.duration ?? 0;
    if (!cron || durationMs <= 0) return false;
    // The first start after (at - duration) is at or before `at` exactly when a window that began then is still on.
    const start = cron.nextRun(new Date(at - durationMs));
    return start !== null && start.getTime() <= at;
  }
}

function covers(window: MaintenanceConfig, monitor: MaintainedMonitor): boolean {
  return (window.monitors?.includes(monitor.name) ?? false) || (monitor.group !== undefined && (window.groups?.includes(monitor.group) ?? false));
}

import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MonitorService } from './monitor-service.js';

/** Prometheus metrics of the monitors, fed by the service's check events; `/metrics` serves `registry`. */
export interface MonitorMetrics {
  readonly registry: Registry;
  /** Stop listening to the service. */
  detach(): void;
}

export function createMonitorMetrics(service: MonitorService): MonitorMetrics {
  const registry = new Registry();
  const up = new Gauge({ name: 'faultline_monitor_up', help: '1 when the last check of the monitor passed, 0 when it failed.', labelNames: ['monitor'], registers: [registry] });
  const latency = new Histogram({
    name: 'faultline_check_duration_seconds',
    help: 'Duration of monitor checks.',
    labelNames: ['monitor'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const checks = new Counter({ name: 'faultline_checks_total', help: 'Monitor checks by result.', labelNames: ['monitor', 'result'], registers: [registry] });
  const lag = new Histogram({
    name: 'faultline_scheduling_lag_seconds',
    help: 'How late checks started against their schedule.',
    buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const pending = new Gauge({
    name: 'faultline_store_pending_results',
    help: 'Check results waiting for the store (it refused the last write).',
    registers: [registry],
    collect() {
      this.set(service.storeStatus.pendingResults);
    },
  });
  void pending;
  const violations = new Gauge({
    name: 'faultline_permission_violations',
    help: 'Cells of the last permission matrix of a scheduled audit where a role the spec denies was allowed.',
    labelNames: ['monitor'],
    registers: [registry],
  });
  const detach = service.onCheck((event) => {
    const monitor = event.monitor.name;
    up.set({ monitor }, event.outcome.ok ? 1 : 0);
    latency.observe({ monitor }, event.outcome.durationMs / 1000);
    checks.inc({ monitor, result: event.outcome.ok ? 'pass' : 'fail' });
    lag.observe(event.lagMs / 1000);
    if (event.permissionViolations !== undefined) violations.set({ monitor }, event.permissionViolations);
  });
  return { registry, detach };
}

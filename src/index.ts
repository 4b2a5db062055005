/**
 * faultline as a library: load a description, lint or audit a running API, render the report, write
 * checks of your own, and drive faultline's fault-injecting proxy from your tests.
 *
 * @example
 * import { createProxyControlClient } from 'faultline';
 * // faultline proxy --listen 127.0.0.1:7101 --upstream http://127.0.0.1:7100 --name inventory
 * const control = createProxyControlClient('http://127.0.0.1:8474');
 * await control.withFault('inventory', { type: 'timeout' }, async () => {
 *   const response = await fetch('http://127.0.0.1:3000/products/1/availability');
 *   if (response.status !== 503) throw new Error('no fallback when the inventory hangs');
 * });
 *
 * @example
 * import { allChecks, createHttpClient, finalReport, loadSpec, renderReport, runAudit } from 'faultline';
 * const spec = await loadSpec('openapi.yaml');
 * const client = createHttpClient({ isUnsafeAllowed: false });
 * const report = await finalReport(runAudit({ spec, client, target: 'http://127.0.0.1:3000', roles: [], checks: allChecks,
 *   budget: { maxRequests: 500, maxDurationMs: 60_000, timeoutMs: 5_000 }, isDestructiveAllowed: true, isExposureProbing: true }));
 * console.log(renderReport(report, 'terminal'));
 * await client.close();
 */

export { loadSpec, specFromObject, specFromText } from './spec/load.js';
export type { LoadSpecOptions } from './spec/load.js';
export { runLint } from './engine/lint-runner.js';
export { runAudit } from './engine/audit/audit-runner.js';
export type { AuditOptions } from './engine/audit/audit-runner.js';
export { finalReport } from './engine/events.js';
export type { EngineEvent } from './engine/events.js';
export { renderReport, writeReports } from './report/write.js';
export type { ReportFormat } from './report/registry.js';
export { defineCheck } from './checks/define.js';
export { allChecks } from './checks/registry.js';
export type { AuditServices, Check, DependencyFault, DependencyHandle, FindingDraft } from './checks/types.js';
export { createHttpClient } from './http/client.js';
export type { HttpClientOptions } from './http/client.js';
export type { HttpClient } from './http/types.js';
export { FaultlineError, isFaultlineError } from './core/errors.js';
export type { Finding, Report } from './core/finding.js';
export { startProxy } from './proxy/proxy.js';
export type { FaultProxy, ProxyOptions } from './proxy/proxy.js';
export { startControlServer } from './proxy/control-server.js';
export type { ControlServer, ControlServerOptions } from './proxy/control-server.js';
export { createProxyControlClient, ProxyControlError } from './proxy/control-client.js';
export type { ProxyControlClient } from './proxy/control-client.js';
export { dependencyHandleFor } from './proxy/dependency-handle.js';
export type { Fault, FaultInput, FaultPatch, ProxyState, ProxyTraffic } from './proxy/types.js';

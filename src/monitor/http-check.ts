import type { Redactor } from '../core/redact.js';
import type { Credential, MonitorConfig } from '../config/schema.js';
import { checkConformance } from '../engine/audit/conformance.js';
import type { Exchange, HttpClient } from '../http/types.js';
import type { SpecModel } from '../spec/model.js';
import type { SchemaValidator } from '../spec/schema-validator.js';
import { evaluateAssertions } from './assertions.js';
import type { AssertionResult } from './assertions.js';
import { tlsDaysLeft } from './tls-expiry.js';

/** What one check found; `detail` is redacted and goes to the store as is. */
export interface CheckOutcome {
  readonly ok: boolean;
  readonly status: number | null;
  readonly durationMs: number;
  /** The first failed assertion or the transport error, in one line. */
  readonly error: string | null;
  readonly detail: { readonly url: string; readonly assertions: readonly AssertionResult[] };
}

export interface HttpCheckContext {
  readonly client: HttpClient;
  readonly redactor: Redactor;
  readonly credentials: readonly Credential[];
  /** Base URL for monitors that name a spec operation. */
  readonly target?: string;
  /** The spec, for `assert.conformance` on monitors that name an operation. */
  readonly spec?: { readonly model: SpecModel; readonly validator: SchemaValidator };
}

/** The URL and method a monitor requests: its `url`, or its operation's path joined to `target`. */
export function monitorRequestTarget(monitor: MonitorConfig, target: string | undefined): { method: string; url: string } {
  if (monitor.url) return { method: (monitor.method ?? 'GET').toUpperCase(), url: monitor.url };
  const [method = 'GET', path = '/'] = (monitor.operation ?? 'GET /').split(' ');
  if (!target) throw new Error(`monitor ${monitor.name}: operation '${monitor.operation}' needs \`target\` in the config`);
  // Templated path parameters need a value; a monitor names a concrete path or the template is sent as is.
  return { method: (monitor.method ?? method).toUpperCase(), url: new URL(path.replace(/^\//, ''), target.endsWith('/') ? target : `${target}/`).toString() };
}

export async function runHttpCheck(monitor: MonitorConfig, ctx: HttpCheckContext): Promise<CheckOutcome> {
  const { method, url } = monitorRequestTarget(monitor, ctx.target);
  const role = monitor.credential ? ctx.credentials.find((c) => c.name === monitor.credential) : undefined;
  const headers = { ...monitor.headers, ...(role?.headers ?? {}) };
  const exchange = await ctx.client.send({
    method,
    url,
    headers,
    ...(monitor.body !== undefined ? { body: monitor.body } : {}),
    timeoutMs: monitor.timeout,
    label: `monitor.${monitor.name}`,
  });
  const assertions: AssertionResult[] = [];
  if (exchange.error) assertions.push({ assertion: 'reachable', ok: false, detail: `${exchange.error.code}: ${exchange.error.message}` });
  else assertions.push(...evaluateAssertions(monitor.assert, exchange));
  if (monitor.assert.conformance && !exchange.error) assertions.push(conformanceOf(monitor, ctx, exchange));
  if (monitor.assert.tlsDaysLeft !== undefined && url.startsWith('https:')) {
    const tls = await tlsDaysLeft(new URL(url), monitor.timeout);
    if ('error' in tls) assertions.push({ assertion: 'tls expiry', ok: false, detail: tls.error });
    else assertions.push({ assertion: 'tls expiry', ok: tls.days >= monitor.assert.tlsDaysLeft, detail: `certificate expires in ${tls.days} days (${tls.validTo})` });
  }
  const failed = assertions.find((a) => !a.ok);
  return {
    ok: failed === undefined,
    status: exchange.response?.status ?? null,
    durationMs: exchange.timings.durationMs,
    error: failed ? ctx.redactor.text(`${failed.assertion}: ${failed.detail}`) : null,
    detail: {
      url: ctx.redactor.url(url),
      assertions: assertions.map((a) => ({ ...a, detail: ctx.redactor.text(a.detail) })),
    },
  };
}

/** The response against the spec's response schema for the monitor's operation (status, headers, body). */
function conformanceOf(monitor: MonitorConfig, ctx: HttpCheckContext, exchange: Exchange): AssertionResult {
  if (!ctx.spec) return { assertion: 'conformance', ok: false, detail: 'no spec in the config to check conformance against' };
  const [method = 'GET', path = '/'] = (monitor.operation ?? '').split(' ');
  const operation = ctx.spec.model.operations.find((o) => o.key.toUpperCase() === `${method.toUpperCase()} ${path}`.toUpperCase());
  if (!operation) return { assertion: 'conformance', ok: false, detail: `operation '${monitor.operation ?? ''}' is not in the spec` };
  const problems = checkConformance(ctx.spec.model, ctx.spec.validator, operation, { ...exchange, operation: operation.key, phase: 'monitor', role: monitor.credential ?? null, inputKind: 'valid' });
  const first = problems[0];
  return first
    ? { assertion: 'conformance', ok: false, detail: `${first.message}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}` }
    : { assertion: 'conformance', ok: true, detail: `matches ${operation.key} in the spec` };
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Finding, Report } from '../../../core/finding.js';
import { runAudit } from '../../../engine/audit/audit-runner.js';
import { finalReport } from '../../../engine/events.js';
import { createHttpClient } from '../../../http/client.js';
import { dependencyHandleFor } from '../../../proxy/dependency-handle.js';
import { startProxy, type FaultProxy } from '../../../proxy/proxy.js';
import { specFromObject } from '../../../spec/load.js';
import type { AnyCheck, DependencyFault } from '../../types.js';

/**
 * How the tiny API treats its dependency on `GET /items/{id}/stock`:
 * - careless: no timeout, and any failure becomes a 500 (the demo shop's /stock);
 * - careful: 400 ms per call, then 503 with Retry-After;
 * - sticky: like careful, but after one failure it answers 503 for good (a breaker that never closes);
 * - retrying: 400 ms per call, but up to five tries, so a slow dependency costs it 2 s.
 */
export type DependencyStyle = 'careless' | 'careful' | 'sticky' | 'retrying';

export const dependencySpec = {
  openapi: '3.0.3',
  info: { title: 'stock', version: '1' },
  paths: {
    '/items/{id}/stock': {
      get: {
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 }, example: 1 },
          { name: 'live', in: 'query', required: false, schema: { type: 'boolean' } },
        ],
        responses: { '200': { description: 'ok' }, '500': { description: 'error' }, '503': { description: 'unavailable' } },
      },
    },
    '/health': { get: { responses: { '200': { description: 'ok' } } } },
  },
};

const closers: (() => Promise<void>)[] = [];

export async function closeAll(): Promise<void> {
  while (closers.length > 0) await closers.pop()!();
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      closers.push(
        () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      );
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }),
  );
}

async function callOnce(url: string, timeoutMs: number | undefined, aborts: Set<AbortController>): Promise<number> {
  const controller = new AbortController();
  aborts.add(controller);
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal });
    const body = (await response.json()) as { available?: number };
    if (!response.ok || typeof body.available !== 'number') throw new Error(`dependency answered ${response.status}`);
    return body.available;
  } finally {
    clearTimeout(timer);
    aborts.delete(controller);
  }
}

/** A real inventory upstream, the real proxy in front of it, and a tiny API that calls through the proxy. */
export async function startDependencyApi(style: DependencyStyle, options: { onlyWhenLive?: boolean } = {}): Promise<{ target: string; proxy: FaultProxy; inventoryRequests: () => number }> {
  let inventoryRequests = 0;
  const inventory = createServer((_request, response) => {
    inventoryRequests++;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ available: 3 }));
  });
  const inventoryUrl = await listen(inventory);
  const proxy = await startProxy({ name: 'inventory', listen: '127.0.0.1:0', upstream: inventoryUrl });
  closers.push(() => proxy.close());
  const aborts = new Set<AbortController>();
  closers.push(async () => aborts.forEach((controller) => controller.abort()));
  let isBroken = false;
  const api = createServer(async (request, response) => {
    const reply = (status: number, body: unknown) => {
      if (!response.destroyed) response.writeHead(status, { 'content-type': 'application/json', ...(status === 503 ? { 'retry-after': '5' } : {}) }).end(JSON.stringify(body));
    };
    const [path = '', query = ''] = (request.url ?? '').split('?');
    const match = /^\/items\/(\d+)\/stock$/.exec(path);
    if (path === '/health') return reply(200, { ok: true });
    if (!match) return reply(404, { title: 'not found' });
    // `onlyWhenLive`: the stock is read from the inventory only for ?live=true, otherwise from a cache.
    if (options.onlyWhenLive && !new URLSearchParams(query).has('live', 'true')) return reply(200, { available: null, cached: true });
    const url = `${proxy.url}/stock/${match[1]}`;
    if (style === 'sticky' && isBroken) return reply(503, { title: 'unavailable' });
    try {
      let available: number | undefined;
      for (let attempt = 0; available === undefined; attempt++) {
        try {
          available = await callOnce(url, style === 'careless' ? undefined : 400, aborts);
        } catch (error) {
          if (style !== 'retrying' || attempt >= 4) throw error;
        }
      }
      reply(200, { available });
    } catch (error) {
      isBroken = true;
      if (style === 'careless') reply(500, { error: String(error) });
      else reply(503, { title: 'unavailable' });
    }
  });
  const target = await listen(api);
  return { target, proxy, inventoryRequests: () => inventoryRequests };
}

/** Fault types the checks injected in the last auditDependencies run, in order. */
export const injected: string[] = [];

/** Run the whole audit with `checks` against the tiny API, its proxy passed in as a dependency. */
export async function auditDependencies(checks: readonly AnyCheck[], target: string, proxies: readonly FaultProxy[], timeoutMs = 1500): Promise<Report> {
  const client = createHttpClient({ isUnsafeAllowed: false, timeoutMs });
  injected.length = 0;
  const handles = proxies.map((proxy) => {
    const handle = dependencyHandleFor(proxy);
    return { ...handle, inject: (fault: DependencyFault) => (injected.push(fault.type), handle.inject(fault)) };
  });
  try {
    return await finalReport(
      runAudit({
        spec: specFromObject(dependencySpec, 'stock.json'),
        client,
        target,
        roles: [],
        checks,
        budget: { maxRequests: 300, maxDurationMs: 60_000, timeoutMs },
        isDestructiveAllowed: true,
        isExposureProbing: false,
        seed: 3,
        dependencies: handles,
      }),
    );
  } finally {
    await client.close();
  }
}

export function findingsOf(report: Report, check: string): Finding[] {
  return report.findings.filter((f) => f.check === check);
}

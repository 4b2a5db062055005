import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultlineError, isFaultlineError } from '../core/errors.js';
import { faultlineVersion } from '../core/version.js';
import { formatHostPort, isLoopbackHost, parseHostPort } from './address.js';
import type { FaultProxy } from './proxy.js';
import { ProxyRequestError } from './proxy-error.js';

export interface ControlServerOptions {
  /** host:port; loopback unless `allowRemote`. Port 0 picks a free one. */
  readonly listen: string;
  readonly proxies: readonly FaultProxy[];
  /** Listen on a non-loopback address (anyone who reaches it can break the dependencies). */
  readonly allowRemote?: boolean;
}

export interface ControlServer {
  /** http://host:port of the control API. */
  readonly url: string;
  close(): Promise<void>;
}

const maxBodyBytes = 64 * 1024;

type Route = (match: RegExpExecArray, body: () => Promise<unknown>) => Promise<{ status: number; json?: unknown }>;

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new ProxyRequestError(413, `the body is larger than ${maxBodyBytes} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(new ProxyRequestError(400, `the body is not JSON: ${(error as Error).message}`));
      }
    });
  });
}

function routes(proxies: ReadonlyMap<string, FaultProxy>): [string, RegExp, Route][] {
  const proxyNamed = (name: string): FaultProxy => {
    const proxy = proxies.get(decodeURIComponent(name));
    if (!proxy) throw new ProxyRequestError(404, `no proxy '${decodeURIComponent(name)}' (known: ${[...proxies.keys()].join(', ') || 'none'})`);
    return proxy;
  };
  const faultOf = (proxy: FaultProxy, name: string) => {
    const fault = proxy.fault(decodeURIComponent(name));
    if (!fault) throw new ProxyRequestError(404, `no fault '${decodeURIComponent(name)}' on proxy '${proxy.name}'`);
    return fault;
  };
  const one = '([^/]+)';
  const faults = '(?:faults|toxics)';
  return [
    ['GET', /^\/version$/, async () => ({ status: 200, json: { version: faultlineVersion() } })],
    ['GET', /^\/proxies$/, async () => ({ status: 200, json: Object.fromEntries([...proxies].map(([name, proxy]) => [name, proxy.state()])) })],
    [
      'POST',
      /^\/reset$/,
      async () => {
        for (const proxy of proxies.values()) {
          proxy.clearFaults();
          await proxy.setEnabled(true);
        }
        return { status: 204 };
      },
    ],
    ['GET', new RegExp(`^/proxies/${one}$`), async (m) => ({ status: 200, json: proxyNamed(m[1]!).state() })],
    [
      'POST',
      new RegExp(`^/proxies/${one}$`),
      async (m, body) => {
        const proxy = proxyNamed(m[1]!);
        const input = (await body()) as Record<string, unknown>;
        const unknown = Object.keys(input ?? {}).filter((key) => key !== 'enabled' && key !== 'name' && key !== 'listen' && key !== 'upstream');
        if (unknown.length > 0) throw new ProxyRequestError(400, `unknown field '${unknown[0]}' (a proxy has: enabled)`, unknown[0]);
        for (const key of ['listen', 'upstream'] as const) {
          if (input[key] !== undefined && input[key] !== proxy.state()[key]) throw new ProxyRequestError(400, `${key} cannot change while the proxy runs; restart it with the new address`, key);
        }
        if (input['enabled'] !== undefined && typeof input['enabled'] !== 'boolean') throw new ProxyRequestError(400, 'must be true or false', 'enabled');
        if (typeof input['enabled'] === 'boolean') await proxy.setEnabled(input['enabled']);
        return { status: 200, json: proxy.state() };
      },
    ],
    ['GET', new RegExp(`^/proxies/${one}/${faults}$`), async (m) => ({ status: 200, json: proxyNamed(m[1]!).faults() })],
    ['POST', new RegExp(`^/proxies/${one}/${faults}$`), async (m, body) => ({ status: 201, json: proxyNamed(m[1]!).addFault(await body()) })],
    ['GET', new RegExp(`^/proxies/${one}/${faults}/${one}$`), async (m) => ({ status: 200, json: faultOf(proxyNamed(m[1]!), m[2]!) })],
    [
      'POST',
      new RegExp(`^/proxies/${one}/${faults}/${one}$`),
      async (m, body) => {
        const proxy = proxyNamed(m[1]!);
        return { status: 200, json: proxy.updateFault(faultOf(proxy, m[2]!).name, await body()) };
      },
    ],
    [
      'DELETE',
      new RegExp(`^/proxies/${one}/${faults}/${one}$`),
      async (m) => {
        const proxy = proxyNamed(m[1]!);
        proxy.removeFault(faultOf(proxy, m[2]!).name);
        return { status: 204 };
      },
    ],
  ];
}

function send(response: ServerResponse, status: number, json?: unknown): void {
  if (json === undefined) {
    response.writeHead(status).end();
    return;
  }
  const body = JSON.stringify(json, null, 2);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' }).end(body);
}

function errorBody(status: number, message: string) {
  return { error: message, status };
}

/**
 * Start the control API for a set of proxies (JSON over HTTP, shaped after Toxiproxy's; docs/proxy.md).
 * Refuses a non-loopback address unless `allowRemote`.
 *
 * @example
 * const control = await startControlServer({ listen: '127.0.0.1:8474', proxies: [proxy] });
 * // curl -X POST -H 'content-type: application/json' -d '{"type":"latency","attributes":{"latency":500}}' \
 * //   http://127.0.0.1:8474/proxies/inventory/faults
 */
export async function startControlServer(options: ControlServerOptions): Promise<ControlServer> {
  const address = parseHostPort(options.listen, '--control');
  const isLoopback = isLoopbackHost(address.host);
  if (!isLoopback && !options.allowRemote) {
    throw new FaultlineError(
      'E_USAGE',
      `the control API would listen on ${formatHostPort(address)}, where anyone who reaches it can break your dependencies; use a loopback address or pass --allow-remote-control`,
      { location: { field: '--control' } },
    );
  }
  const proxies = new Map(options.proxies.map((proxy) => [proxy.name, proxy]));
  const table = routes(proxies);
  const server = createServer(async function control(request, response) {
    try {
      const path = (request.url ?? '/').split('?')[0]!;
      // A web page the user visits could otherwise reach a loopback port through DNS rebinding.
      const hostHeader = (request.headers.host ?? '').replace(/:\d+$/, '');
      if (isLoopback && !isLoopbackHost(hostHeader)) throw new ProxyRequestError(400, `Host '${hostHeader}' is not a loopback name`);
      const candidates = table.filter(([, pattern]) => pattern.test(path));
      if (candidates.length === 0) throw new ProxyRequestError(404, `no such endpoint: ${path} (see docs/proxy.md)`);
      const route = candidates.find(([method]) => method === request.method || (request.method === 'PATCH' && method === 'POST'));
      if (!route) {
        response.setHeader('allow', candidates.map(([method]) => method).join(', '));
        throw new ProxyRequestError(405, `${request.method} is not allowed on ${path}`);
      }
      // Browsers cannot send application/json cross-origin without a preflight, which this API never grants.
      if (request.method !== 'GET' && request.method !== 'DELETE' && !String(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        throw new ProxyRequestError(415, 'send the body as application/json');
      }
      const result = await route[2](route[1].exec(path)!, () => readJson(request));
      send(response, result.status, result.json);
    } catch (error) {
      if (error instanceof ProxyRequestError) return send(response, error.status, errorBody(error.status, error.toLine()));
      if (isFaultlineError(error) && error.code === 'E_USAGE') return send(response, 400, errorBody(400, error.toLine()));
      send(response, 500, errorBody(500, error instanceof Error ? error.message : String(error)));
    }
  });
  const bound = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new FaultlineError(
          'E_USAGE',
          error.code === 'EADDRINUSE' ? `${formatHostPort(address)} is already in use (pass --control with another address)` : `cannot listen on ${formatHostPort(address)}: ${error.message}`,
          { location: { field: '--control' }, cause: error },
        ),
      ),
    );
    server.listen(address.port, address.host, () => resolve(server.address() as AddressInfo));
  });
  return {
    url: `http://${formatHostPort({ host: address.host, port: bound.port })}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

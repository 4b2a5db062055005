import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { FaultlineError } from '../core/errors.js';
import { formatHostPort, parseHostPort, parseUpstream, type HostPort } from './address.js';
import { parseFaultInput, patchFault } from './fault-input.js';
import { createHttpProxyServer } from './http-fast-lane.js';
import type { ActiveLink, LinkHost } from './link.js';
import { ProxyRequestError } from './proxy-error.js';
import { TcpLink } from './tcp-link.js';
import type { Fault, ProxyMode, ProxyState, ProxyTraffic } from './types.js';

export interface ProxyOptions {
  /** Names the proxy in the control API, in findings and in 502 bodies. */
  readonly name: string;
  /** host:port to listen on; port 0 picks a free one. */
  readonly listen: string;
  /** http(s)://host:port[/base] (HTTP mode), tcp://host:port or host:port (TCP mode). */
  readonly upstream: string;
  /** Overrides the mode the upstream implies: 'tcp' pipes an http URL's host and port as bytes. */
  readonly mode?: ProxyMode;
  /** HTTP mode: close a client connection that sends nothing for this long with no request in flight (default 60 s). */
  readonly idleTimeoutMs?: number;
}

/** A running fault-injecting proxy. Faults can be added, changed and removed while traffic flows. */
export interface FaultProxy {
  readonly name: string;
  readonly mode: ProxyMode;
  readonly upstream: string;
  /** host:port it listens on (the real port when 0 was asked). */
  readonly listen: string;
  /** http://host:port of the listening side, to point an API at. */
  readonly url: string;
  readonly enabled: boolean;
  /** Disabled, it closes every connection and refuses new ones, as a dependency that is down. */
  setEnabled(enabled: boolean): Promise<void>;
  faults(): readonly Fault[];
  fault(name: string): Fault | undefined;
  /** Validates and adds a fault; throws ProxyRequestError (400, 409) when it cannot. */
  addFault(input: unknown): Fault;
  updateFault(name: string, patch: unknown): Fault;
  removeFault(name: string): void;
  clearFaults(): void;
  traffic(): ProxyTraffic;
  state(): ProxyState;
  close(): Promise<void>;
}

function listenError(error: NodeJS.ErrnoException, address: HostPort, name: string): FaultlineError {
  const where = formatHostPort(address);
  const why =
    error.code === 'EADDRINUSE'
      ? `${where} is already in use`
      : error.code === 'EACCES'
        ? `not allowed to listen on ${where} (ports below 1024 need privileges)`
        : error.code === 'EADDRNOTAVAIL'
          ? `${address.host} is not an address of this machine`
          : `cannot listen on ${where}: ${error.message}`;
  return new FaultlineError('E_USAGE', `${why} (proxy '${name}')`, { location: { field: 'listen' }, cause: error });
}

function listenOn(server: Server, address: HostPort, name: string): Promise<HostPort> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, address, name));
    server.once('error', onError);
    server.listen(address.port, address.host, () => {
      server.off('error', onError);
      const bound = server.address() as AddressInfo;
      resolve({ host: address.host, port: bound.port });
    });
  });
}

/**
 * Start a proxy in front of one dependency.
 *
 * @example
 * const proxy = await startProxy({ name: 'inventory', listen: '127.0.0.1:0', upstream: 'http://127.0.0.1:7100' });
 * proxy.addFault({ type: 'latency', attributes: { latency: 2000 } });
 * // point the API at proxy.url, exercise it, then:
 * proxy.clearFaults();
 * await proxy.close();
 */
export async function startProxy(options: ProxyOptions): Promise<FaultProxy> {
  const upstream = parseUpstream(options.upstream, options.mode);
  const mode = upstream.mode;
  const asked = parseHostPort(options.listen, 'listen');
  const faults: { fault: Fault; order: number }[] = [];
  let nextOrder = 0;
  const counters = { connections: 0, requests: 0, bytesFromClients: 0, bytesFromUpstream: 0 };
  const links = new Set<ActiveLink>();
  const sockets = new Set<Socket>();
  const host: LinkHost = {
    name: options.name,
    mode,
    faults: () => faults,
    count(counter, amount = 1) {
      counters[counter] += amount;
    },
    register: (link) => links.add(link),
    unregister: (link) => links.delete(link),
  };
  const agent =
    upstream.url?.protocol === 'https:' ? new HttpsAgent({ keepAlive: true, maxFreeSockets: 64 }) : new HttpAgent({ keepAlive: true, maxFreeSockets: 64 });
  let server: Server;
  if (mode === 'http') {
    server = createHttpProxyServer({ url: upstream.url!, agent }, host, options.idleTimeoutMs !== undefined ? { idleTimeoutMs: options.idleTimeoutMs } : {});
  } else {
    server = createTcpServer({ allowHalfOpen: true }, (client) => new TcpLink(client, upstream.address, host));
  }
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  let bound = await listenOn(server, asked, options.name);
  let enabled = true;

  function find(name: string): { fault: Fault; order: number } {
    const entry = faults.find((f) => f.fault.name === name);
    if (!entry) throw new ProxyRequestError(404, `no fault '${name}' on proxy '${options.name}'`);
    return entry;
  }

  function dropEverything(): void {
    for (const link of [...links]) link.destroy();
    for (const socket of sockets) socket.destroy();
  }

  const proxy: FaultProxy = {
    name: options.name,
    mode,
    upstream: upstream.text,
    get listen() {
      return formatHostPort(bound);
    },
    get url() {
      return `http://${formatHostPort(bound)}`;
    },
    get enabled() {
      return enabled;
    },
    async setEnabled(next) {
      if (next === enabled) return;
      if (!next) {
        enabled = false;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        dropEverything();
        await closed;
        return;
      }
      // The same port again, so the API's configuration keeps pointing at the proxy.
      bound = await listenOn(server, bound, options.name);
      enabled = true;
    },
    faults: () => faults.map((f) => f.fault),
    fault: (name) => faults.find((f) => f.fault.name === name)?.fault,
    addFault(input) {
      const fault = parseFaultInput(input, mode);
      if (faults.some((f) => f.fault.name === fault.name)) {
        throw new ProxyRequestError(409, `proxy '${options.name}' already has a fault named '${fault.name}' (update or remove it, or pick another name)`, 'name');
      }
      const order = nextOrder++;
      faults.push({ fault, order });
      for (const link of [...links]) link.faultAdded(fault, order);
      return fault;
    },
    updateFault(name, patch) {
      const entry = find(name);
      const fault = patchFault(entry.fault, patch, mode);
      // A changed fault acts afresh: connections roll its toxicity again and get a stage with the new attributes.
      for (const link of [...links]) link.faultRemoved(name);
      entry.fault = fault;
      for (const link of [...links]) link.faultAdded(fault, entry.order);
      return fault;
    },
    removeFault(name) {
      find(name);
      faults.splice(faults.findIndex((f) => f.fault.name === name), 1);
      for (const link of [...links]) link.faultRemoved(name);
    },
    clearFaults() {
      const names = faults.map((f) => f.fault.name);
      faults.length = 0;
      for (const link of [...links]) for (const name of names) link.faultRemoved(name);
    },
    traffic: () => ({ ...counters }),
    state() {
      return { name: options.name, listen: proxy.listen, upstream: upstream.text, mode, enabled, faults: proxy.faults(), traffic: proxy.traffic() };
    },
    async close() {
      faults.length = 0;
      if (enabled) {
        enabled = false;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        dropEverything();
        await closed;
      }
      agent.destroy();
    },
  };
  return proxy;
}

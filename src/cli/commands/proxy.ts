import { Command } from 'commander';
import { FaultlineError, isFaultlineError } from '../../core/errors.js';
import { discoverConfig, loadConfig } from '../../config/load-config.js';
import { parseUpstream } from '../../proxy/address.js';
import { startControlServer, type ControlServer } from '../../proxy/control-server.js';
import { parseFaultInput } from '../../proxy/fault-input.js';
import type { ProxyMode } from '../../proxy/types.js';
import { collect } from '../options.js';
import { describeProxy, startProxies, upstreamProblem, type ProxyRequest } from '../dependency-proxies.js';

interface ProxyFlags {
  listen?: string;
  upstream?: string;
  name: string;
  mode?: string;
  config?: string;
  control: string | false;
  allowRemoteControl: boolean;
  fault: string[];
}

// Keys of --fault that are not attributes.
const envelopeKeys = new Set(['name', 'stream', 'toxicity', 'method', 'path', 'proxy']);

function scalar(text: string): unknown {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

/** `type[:key=value,...]` or a JSON fault; `proxy=` names the proxy it is for (default: all). */
export function parseFaultFlag(text: string): { proxy?: string; fault: Record<string, unknown> } {
  if (text.trim().startsWith('{')) {
    try {
      const { proxy, ...fault } = JSON.parse(text) as Record<string, unknown>;
      return typeof proxy === 'string' ? { proxy, fault } : { fault };
    } catch (error) {
      throw new FaultlineError('E_USAGE', `not valid JSON: ${(error as Error).message}`, { location: { field: '--fault' } });
    }
  }
  const [type, rest] = text.split(/:(.*)/s, 2) as [string, string | undefined];
  const fault: Record<string, unknown> = { type: type.trim() };
  const attributes: Record<string, unknown> = {};
  const match: Record<string, string> = {};
  let proxy: string | undefined;
  for (const pair of (rest ?? '').split(',').filter((p) => p.trim() !== '')) {
    const [key, value] = pair.split(/=(.*)/s, 2).map((part) => part?.trim()) as [string, string | undefined];
    if (value === undefined) throw new FaultlineError('E_USAGE', `expected key=value in '${pair}' (e.g. latency:latency=500,jitter=50)`, { location: { field: '--fault' } });
    if (key === 'proxy') proxy = value;
    else if (key === 'method' || key === 'path') match[key] = value;
    else if (envelopeKeys.has(key)) fault[key] = scalar(value);
    else attributes[key] = scalar(value);
  }
  if (Object.keys(attributes).length > 0) fault['attributes'] = attributes;
  if (Object.keys(match).length > 0) fault['match'] = match;
  return proxy ? { proxy, fault } : { fault };
}

function parseMode(value: string | undefined): ProxyMode | undefined {
  if (value === undefined || value === 'http' || value === 'tcp') return value;
  throw new FaultlineError('E_USAGE', `must be http or tcp (got '${value}')`, { location: { field: '--mode' } });
}

async function proxyRequests(options: ProxyFlags, mode: ProxyMode | undefined): Promise<ProxyRequest[]> {
  if (options.listen !== undefined || options.upstream !== undefined) {
    if (options.config !== undefined) throw new FaultlineError('E_USAGE', 'pass either --listen and --upstream, or --config', { location: { field: '--config' } });
    if (!options.listen) throw new FaultlineError('E_USAGE', 'missing: where the proxy listens, e.g. --listen 127.0.0.1:7101', { location: { field: '--listen' } });
    if (!options.upstream) throw new FaultlineError('E_USAGE', 'missing: where the proxy forwards to, e.g. --upstream http://127.0.0.1:7100', { location: { field: '--upstream' } });
    return [{ name: options.name, listen: options.listen, upstream: options.upstream, ...(mode ? { mode } : {}), listenField: '--listen', upstreamField: '--upstream' }];
  }
  const file = options.config ?? discoverConfig(process.cwd());
  if (!file) throw new FaultlineError('E_USAGE', 'nothing to proxy: pass --listen and --upstream, or --config with a dependencies section', { location: { field: '--listen' } });
  const { config } = await loadConfig(file);
  if (config.dependencies.length === 0) {
    throw new FaultlineError('E_USAGE', 'no dependencies to proxy: list them under dependencies (name, listen, upstream)', { location: { file, field: 'dependencies' } });
  }
  return config.dependencies.map((dependency, i) => ({
    ...dependency,
    ...(mode ? { mode } : {}),
    listenField: `${file}: dependencies[${i}].listen`,
    upstreamField: `${file}: dependencies[${i}].upstream`,
  }));
}

export function proxyCommand(): Command {
  return new Command('proxy')
    .description('run a fault-injecting proxy in front of a dependency (TCP or HTTP), driven by a Toxiproxy-style control API')
    .option('--listen <host:port>', 'where the proxy listens; point the API at it')
    .option('--upstream <url>', 'the real dependency: http(s)://host:port (HTTP mode), tcp://host:port or host:port (TCP mode)')
    .option('--name <name>', 'the proxy name in the control API', 'proxy')
    .option('--mode <mode>', 'http or tcp (default: http for http(s) upstreams, tcp otherwise)')
    .option('-c, --config <file>', 'start a proxy for every entry of dependencies in this faultline.yaml')
    .option('--control <host:port>', 'where the control API listens (loopback unless --allow-remote-control)', '127.0.0.1:8474')
    .option('--no-control', 'run without the control API')
    .option('--allow-remote-control', 'let the control API listen on a non-loopback address', false)
    .option('--fault <fault>', "start with this fault, e.g. 'latency:latency=500,jitter=50' or 'http_status:status=503,toxicity=0.3,path=/stock/*' (repeatable; proxy=NAME picks one proxy)", collect, [])
    .action(async (options: ProxyFlags) => {
      const mode = parseMode(options.mode);
      const requests = await proxyRequests(options, mode);
      // Every fault is checked against every proxy it is for before anything listens, so a typo costs nothing.
      const faults = options.fault.map(parseFaultFlag);
      for (const { proxy, fault } of faults) {
        const targets = requests.filter((request) => proxy === undefined || request.name === proxy);
        if (targets.length === 0) throw new FaultlineError('E_USAGE', `no proxy named '${proxy}' (known: ${requests.map((r) => r.name).join(', ')})`, { location: { field: '--fault' } });
        for (const target of targets) {
          try {
            parseFaultInput(fault, parseUpstream(target.upstream, target.mode).mode);
          } catch (error) {
            throw isFaultlineError(error) ? new FaultlineError('E_USAGE', error.toLine(), { location: { field: '--fault' } }) : error;
          }
        }
      }
      const running = await startProxies(requests);
      let control: ControlServer | undefined;
      try {
        if (options.control !== false) {
          control = await startControlServer({ listen: options.control, proxies: running.proxies, allowRemote: options.allowRemoteControl });
        }
        for (const { proxy, fault } of faults) for (const target of running.proxies.filter((p) => proxy === undefined || p.name === proxy)) target.addFault(fault);
        for (const proxy of running.proxies) {
          process.stderr.write(`faultline: ${describeProxy(proxy)}${proxy.faults().length > 0 ? `, faults: ${proxy.faults().map((f) => f.name).join(', ')}` : ''}\n`);
          const problem = await upstreamProblem(proxy.upstream);
          if (problem) process.stderr.write(`faultline: warning: ${proxy.upstream} cannot be reached now (${problem}); '${proxy.name}' answers 502 (HTTP) or closes connections (TCP) until it can\n`);
        }
        if (control) process.stderr.write(`faultline: control API on ${control.url} (see docs/proxy.md)\n`);
        process.stderr.write('faultline: press Ctrl-C to stop\n');
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
      } finally {
        await control?.close();
        await running.close();
      }
    });
}

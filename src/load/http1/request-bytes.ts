import { FaultlineError } from '../../core/errors.js';
import { targetEndpoint } from '../../http/reachability.js';
import type { RequestTemplate } from '../types.js';

/** A template serialised once into the exact bytes sent for every iteration. */
export interface PreparedRequest {
  readonly name: string;
  readonly bytes: Buffer;
  /** A HEAD response has headers only, whatever its Content-Length says (RFC 9110 §9.3.2). */
  readonly isHead: boolean;
}

const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const bodyMethods = new Set(['POST', 'PUT', 'PATCH']);
// Set by the generator itself; a template may not send its own.
const managedHeaders = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);

/** Where requests go: the origin to connect to and the path prefix every template path is added to. */
export interface TargetAddress {
  readonly host: string;
  readonly port: number;
  readonly isTls: boolean;
  /** `host[:port]` as the Host header carries it. */
  readonly authority: string;
  readonly basePath: string;
  /** Whether an https certificate must verify (false under --insecure). */
  readonly isTlsVerified: boolean;
}

export function targetAddress(target: string, isTlsVerified = true): TargetAddress {
  const { url, host, port, isTls } = targetEndpoint(target);
  return { host, port, isTls, authority: url.host, basePath: url.pathname.replace(/\/+$/, ''), isTlsVerified };
}

/**
 * HTTP/1.1 request bytes for a template: request line, Host, the template's headers, Content-Length
 * and the body. Header names and values are checked here, once, so nothing malformed reaches the wire.
 */
export function prepareRequest(template: RequestTemplate, address: TargetAddress, userAgent: string): PreparedRequest {
  const method = template.method.toUpperCase();
  if (!token.test(method)) throw invalid(template, `method '${template.method}' is not an HTTP token`);
  const path = `${address.basePath}${template.path.startsWith('/') ? '' : '/'}${template.path}`;
  if (/[\s\u0000-\u001f\u007f]/.test(path)) throw invalid(template, `path '${template.path}' has spaces or control characters (percent-encode them)`);
  const lines = [`${method} ${path} HTTP/1.1`, `host: ${address.authority}`];
  const names = new Set<string>();
  for (const [rawName, value] of Object.entries(template.headers)) {
    const name = rawName.toLowerCase();
    if (!token.test(name)) throw invalid(template, `header name '${rawName}' is not an HTTP token`);
    if (/[\r\n\u0000]/.test(value)) throw invalid(template, `header '${rawName}' has a line break in its value`);
    if (managedHeaders.has(name)) continue;
    names.add(name);
    lines.push(`${name}: ${value}`);
  }
  if (!names.has('user-agent')) lines.push(`user-agent: ${userAgent}`);
  if (!names.has('accept')) lines.push('accept: */*');
  const body = template.body === undefined ? undefined : Buffer.from(template.body, 'utf8');
  if (body !== undefined || bodyMethods.has(method)) lines.push(`content-length: ${body?.length ?? 0}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return { name: template.name, bytes: body ? Buffer.concat([head, body]) : head, isHead: method === 'HEAD' };
}

function invalid(template: RequestTemplate, message: string): FaultlineError {
  return new FaultlineError('E_USAGE', `request '${template.name}': ${message}`, { location: { field: 'requests' } });
}

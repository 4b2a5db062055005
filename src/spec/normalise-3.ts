import type {
  ComponentEntry, Link, MediaType, OAuthFlow, Operation, Parameter, PathItem, RequestBody, Response, ResponseHeader,
  Schema, SecurityAlternative, SecurityScheme, Server,
} from './model.js';
import { httpMethods } from './model.js';
import { asArray, asRecord, asString, child, extensionsOf, type Json } from './values.js';

type Resolve = (value: unknown) => unknown;

export interface NormalisedParts {
  readonly servers: Server[];
  readonly paths: PathItem[];
  readonly operations: Operation[];
  readonly securitySchemes: SecurityScheme[];
  readonly globalSecurity: SecurityAlternative[] | undefined;
  readonly components: ComponentEntry[];
  readonly webhooks?: Operation[];
}

export function readServers(value: unknown, pointer: string): Server[] {
  return asArray(value).flatMap((raw, index) => {
    const server = asRecord(raw);
    const url = asString(server?.['url']);
    if (!server || url === undefined) return [];
    const variables: Record<string, { default?: string; enum?: string[] }> = {};
    for (const [name, v] of Object.entries(asRecord(server['variables']) ?? {})) {
      const variable = asRecord(v) ?? {};
      const def = asString(variable['default']);
      const values = asArray(variable['enum']).filter((e): e is string => typeof e === 'string');
      variables[name] = { ...(def !== undefined ? { default: def } : {}), ...(values.length ? { enum: values } : {}) };
    }
    const description = asString(server['description']);
    return [{ url, variables, pointer: child(pointer, index), ...(description !== undefined ? { description } : {}) }];
  });
}

export function readSecurity(value: unknown): SecurityAlternative[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((raw) => ({
    schemes: Object.entries(asRecord(raw) ?? {}).map(([name, scopes]) => ({
      name,
      scopes: asArray(scopes).filter((s): s is string => typeof s === 'string'),
    })),
  }));
}

function readMediaTypes(content: unknown, pointer: string, resolve: Resolve): MediaType[] {
  return Object.entries(asRecord(content) ?? {}).map(([mediaType, raw]) => {
    const media = asRecord(resolve(raw)) ?? {};
    const examples = Object.values(asRecord(media['examples']) ?? {})
      .map((e) => asRecord(resolve(e)))
      .filter((e): e is Json => e !== undefined && 'value' in e)
      .map((e) => e['value']);
    const schema = asRecord(media['schema']) as Schema | undefined;
    return {
      mediaType,
      examples,
      pointer: child(pointer, mediaType),
      ...(schema ? { schema } : {}),
      ...('example' in media ? { example: media['example'] } : {}),
    };
  });
}

function readParameter(raw: unknown, pointer: string, resolve: Resolve): Parameter | undefined {
  const param = asRecord(resolve(raw));
  const name = asString(param?.['name']);
  const location = asString(param?.['in']);
  if (!param || name === undefined || !['path', 'query', 'header', 'cookie'].includes(location ?? '')) return undefined;
  const examples = Object.values(asRecord(param['examples']) ?? {})
    .map((e) => asRecord(resolve(e)))
    .filter((e): e is Json => e !== undefined && 'value' in e)
    .map((e) => e['value']);
  const description = asString(param['description']);
  let schema = asRecord(param['schema']) as Schema | undefined;
  if (!schema && param['content']) schema = readMediaTypes(param['content'], child(pointer, 'content'), resolve)[0]?.schema;
  return {
    name,
    in: location as Parameter['in'],
    required: param['required'] === true || location === 'path',
    deprecated: param['deprecated'] === true,
    examples,
    pointer,
    ...(description !== undefined ? { description } : {}),
    ...(schema ? { schema } : {}),
    ...('example' in param ? { example: param['example'] } : {}),
  };
}

function mergeParameters(pathLevel: Parameter[], opLevel: Parameter[]): Parameter[] {
  const merged = new Map<string, Parameter>();
  for (const p of [...pathLevel, ...opLevel]) merged.set(`${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`, p);
  return [...merged.values()];
}

function readResponses(value: unknown, pointer: string, resolve: Resolve): Response[] {
  return Object.entries(asRecord(value) ?? {})
    .filter(([status]) => !status.startsWith('x-'))
    .map(([status, raw]) => {
      const responsePointer = child(pointer, status);
      const response = asRecord(resolve(raw)) ?? {};
      const headers: ResponseHeader[] = Object.entries(asRecord(response['headers']) ?? {}).map(([name, h]) => {
        const header = asRecord(resolve(h)) ?? {};
        const description = asString(header['description']);
        const schema = asRecord(header['schema']) as Schema | undefined;
        return {
          name,
          required: header['required'] === true,
          pointer: child(child(responsePointer, 'headers'), name),
          ...(description !== undefined ? { description } : {}),
          ...(schema ? { schema } : {}),
        };
      });
      const links: Link[] = Object.entries(asRecord(response['links']) ?? {}).map(([name, l]) => {
        const link = asRecord(resolve(l)) ?? {};
        const operationId = asString(link['operationId']);
        const operationRef = asString(link['operationRef']);
        return {
          name,
          parameters: asRecord(link['parameters']) ?? {},
          pointer: child(child(responsePointer, 'links'), name),
          ...(operationId !== undefined ? { operationId } : {}),
          ...(operationRef !== undefined ? { operationRef } : {}),
        };
      });
      const description = asString(response['description']);
      return {
        status,
        content: readMediaTypes(response['content'], child(responsePointer, 'content'), resolve),
        headers,
        links,
        pointer: responsePointer,
        ...(description !== undefined ? { description } : {}),
      };
    });
}

function readRequestBody(value: unknown, pointer: string, resolve: Resolve): RequestBody | undefined {
  const body = asRecord(resolve(value));
  if (!body) return undefined;
  const description = asString(body['description']);
  return {
    required: body['required'] === true,
    content: readMediaTypes(body['content'], child(pointer, 'content'), resolve),
    pointer,
    ...(description !== undefined ? { description } : {}),
  };
}

export function readSecuritySchemes(value: unknown, pointer: string, resolve: Resolve): SecurityScheme[] {
  return Object.entries(asRecord(value) ?? {}).flatMap(([name, raw]) => {
    const scheme = asRecord(resolve(raw));
    const type = asString(scheme?.['type']);
    if (!scheme || !type || !['apiKey', 'http', 'oauth2', 'openIdConnect', 'mutualTLS'].includes(type)) return [];
    const flows: Record<string, OAuthFlow> = {};
    for (const [flowName, f] of Object.entries(asRecord(scheme['flows']) ?? {})) {
      const flow = asRecord(f) ?? {};
      const authorizationUrl = asString(flow['authorizationUrl']);
      const tokenUrl = asString(flow['tokenUrl']);
      flows[flowName] = {
        scopes: Object.fromEntries(Object.entries(asRecord(flow['scopes']) ?? {}).map(([k, v]) => [k, String(v ?? '')])),
        ...(authorizationUrl !== undefined ? { authorizationUrl } : {}),
        ...(tokenUrl !== undefined ? { tokenUrl } : {}),
      };
    }
    const location = asString(scheme['in']);
    const paramName = asString(scheme['name']);
    const httpScheme = asString(scheme['scheme'])?.toLowerCase();
    const bearerFormat = asString(scheme['bearerFormat']);
    const description = asString(scheme['description']);
    return [{
      name,
      type: type as SecurityScheme['type'],
      flows,
      pointer: child(pointer, name),
      ...(location === 'query' || location === 'header' || location === 'cookie' ? { in: location } : {}),
      ...(paramName !== undefined ? { paramName } : {}),
      ...(httpScheme !== undefined ? { scheme: httpScheme } : {}),
      ...(bearerFormat !== undefined ? { bearerFormat } : {}),
      ...(description !== undefined ? { description } : {}),
    }];
  });
}

export function listComponents(sections: Record<string, { value: unknown; pointer: string }>): ComponentEntry[] {
  const entries: ComponentEntry[] = [];
  for (const [section, { value, pointer }] of Object.entries(sections)) {
    for (const [name, entry] of Object.entries(asRecord(value) ?? {})) {
      entries.push({ section, name, pointer: child(pointer, name), value: entry });
    }
  }
  return entries;
}

export function normaliseOpenApi3(document: Json, resolve: Resolve): NormalisedParts {
  const servers = readServers(document['servers'], '/servers');
  const globalSecurity = readSecurity(document['security']);
  const components = asRecord(document['components']) ?? {};
  const context = { resolve, servers, globalSecurity };
  const paths: PathItem[] = [];
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(asRecord(document['paths']) ?? {})) {
    if (path.startsWith('x-')) continue;
    const item = readPathItem(path, rawItem, child('/paths', path), context);
    paths.push(item);
    operations.push(...item.operations);
  }
  // Webhooks are requests the API sends, not endpoints it serves: they stay out of `operations`.
  const webhooks: Operation[] = [];
  for (const [name, rawItem] of Object.entries(asRecord(document['webhooks']) ?? {})) {
    if (!name.startsWith('x-')) webhooks.push(...readPathItem(name, rawItem, child('/webhooks', name), context).operations);
  }
  const sections: Record<string, { value: unknown; pointer: string }> = {};
  for (const [section, value] of Object.entries(components)) {
    if (!section.startsWith('x-')) sections[section] = { value, pointer: child('/components', section) };
  }
  return {
    servers,
    paths,
    operations,
    securitySchemes: readSecuritySchemes(components['securitySchemes'], '/components/securitySchemes', resolve),
    globalSecurity,
    components: listComponents(sections),
    ...(document['webhooks'] !== undefined ? { webhooks } : {}),
  };
}

interface PathContext {
  readonly resolve: Resolve;
  readonly servers: Server[];
  readonly globalSecurity: SecurityAlternative[] | undefined;
}

function readPathItem(path: string, rawItem: unknown, pathPointer: string, { resolve, servers, globalSecurity }: PathContext): PathItem {
  const item = asRecord(resolve(rawItem)) ?? {};
  const pathParams = asArray(item['parameters'])
    .map((p, i) => readParameter(p, child(child(pathPointer, 'parameters'), i), resolve))
    .filter((p): p is Parameter => p !== undefined);
  const pathServers = Array.isArray(item['servers']) ? readServers(item['servers'], child(pathPointer, 'servers')) : undefined;
  const operations: Operation[] = [];
  for (const method of httpMethods) {
    const op = asRecord(item[method]);
    if (!op) continue;
    const opPointer = child(pathPointer, method);
    const opParams = asArray(op['parameters'])
      .map((p, i) => readParameter(p, child(child(opPointer, 'parameters'), i), resolve))
      .filter((p): p is Parameter => p !== undefined);
    const ownSecurity = readSecurity(op['security']);
    const requestBody = op['requestBody'] !== undefined ? readRequestBody(op['requestBody'], child(opPointer, 'requestBody'), resolve) : undefined;
    const operationId = asString(op['operationId']);
    const summary = asString(op['summary']);
    const description = asString(op['description']);
    operations.push({
      key: `${method.toUpperCase()} ${path}`,
      method,
      path,
      tags: asArray(op['tags']).filter((t): t is string => typeof t === 'string'),
      deprecated: op['deprecated'] === true,
      parameters: mergeParameters(pathParams, opParams),
      responses: readResponses(op['responses'], child(opPointer, 'responses'), resolve),
      security: ownSecurity ?? globalSecurity ?? [],
      hasOwnSecurity: ownSecurity !== undefined,
      extensions: extensionsOf(op),
      servers: Array.isArray(op['servers']) ? readServers(op['servers'], child(opPointer, 'servers')) : (pathServers ?? servers),
      pointer: opPointer,
      ...(operationId !== undefined ? { operationId } : {}),
      ...(summary !== undefined ? { summary } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(requestBody ? { requestBody } : {}),
    });
  }
  return { path, pointer: pathPointer, operations };
}

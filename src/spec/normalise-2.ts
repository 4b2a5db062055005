import type { MediaType, OAuthFlow, Operation, Parameter, PathItem, RequestBody, Response, Schema, SecurityScheme, Server } from './model.js';
import { httpMethods } from './model.js';
import { listComponents, readSecurity, type NormalisedParts } from './normalise-3.js';
import { asArray, asRecord, asString, child, extensionsOf, type Json } from './values.js';

type Resolve = (value: unknown) => unknown;

// Swagger 2.0 keeps schema keywords inline on non-body parameters and headers.
const inlineSchemaKeys = [
  'type', 'format', 'items', 'enum', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf',
];

function inlineSchema(record: Json): Schema {
  const schema: Schema = {};
  for (const key of inlineSchemaKeys) if (key in record) schema[key] = record[key];
  // Swagger's `type: file` (an upload) is what OpenAPI 3 writes as a binary string.
  if (schema['type'] === 'file') {
    schema['type'] = 'string';
    schema['format'] = 'binary';
  }
  return schema;
}

function servers2(document: Json, source: string): Server[] {
  const host = asString(document['host']);
  const basePath = asString(document['basePath']) ?? '';
  const schemes = asArray(document['schemes']).filter((s): s is string => typeof s === 'string');
  if (!host) return basePath ? [{ url: basePath, variables: {}, pointer: '/basePath' }] : [];
  const fallback = /^http:/i.test(source) ? 'http' : 'https';
  return (schemes.length ? schemes : [fallback]).map((scheme, i) => ({
    url: `${scheme}://${host}${basePath}`,
    variables: {},
    pointer: document['schemes'] ? `/schemes/${i}` : '/host',
  }));
}

function mediaTypes(list: string[], schema: Schema | undefined, examples: Json | undefined, pointer: string): MediaType[] {
  return list.map((mediaType) => ({
    mediaType,
    examples: [],
    pointer,
    ...(schema ? { schema } : {}),
    ...(examples && mediaType in examples ? { example: examples[mediaType] } : {}),
  }));
}

function securitySchemes2(value: unknown, resolve: Resolve): SecurityScheme[] {
  const flowNames: Record<string, 'implicit' | 'password' | 'clientCredentials' | 'authorizationCode'> = {
    implicit: 'implicit', password: 'password', application: 'clientCredentials', accessCode: 'authorizationCode',
  };
  return Object.entries(asRecord(value) ?? {}).flatMap(([name, raw]): SecurityScheme[] => {
    const def = asRecord(resolve(raw));
    const type = asString(def?.['type']);
    if (!def || !type) return [];
    const pointer = child('/securityDefinitions', name);
    const description = asString(def['description']);
    const base = { name, pointer, flows: {}, ...(description !== undefined ? { description } : {}) };
    if (type === 'basic') return [{ ...base, type: 'http' as const, scheme: 'basic' }];
    if (type === 'apiKey') {
      const location = asString(def['in']);
      const paramName = asString(def['name']);
      return [{ ...base, type: 'apiKey' as const, ...(location === 'query' || location === 'header' ? { in: location } : {}), ...(paramName ? { paramName } : {}) }];
    }
    if (type === 'oauth2') {
      const flow = flowNames[asString(def['flow']) ?? ''];
      const authorizationUrl = asString(def['authorizationUrl']);
      const tokenUrl = asString(def['tokenUrl']);
      const oauthFlow: OAuthFlow = {
        scopes: Object.fromEntries(Object.entries(asRecord(def['scopes']) ?? {}).map(([k, v]) => [k, String(v ?? '')])),
        ...(authorizationUrl !== undefined ? { authorizationUrl } : {}),
        ...(tokenUrl !== undefined ? { tokenUrl } : {}),
      };
      return [{ ...base, type: 'oauth2' as const, flows: flow ? { [flow]: oauthFlow } : {} }];
    }
    return [];
  });
}

/** Normalise a Swagger 2.0 document into the same model as OpenAPI 3 (body/formData → requestBody, produces → content). */
export function normaliseSwagger2(document: Json, resolve: Resolve, source: string): NormalisedParts {
  const servers = servers2(document, source);
  const globalSecurity = readSecurity(document['security']);
  const globalConsumes = asArray(document['consumes']).filter((s): s is string => typeof s === 'string');
  const globalProduces = asArray(document['produces']).filter((s): s is string => typeof s === 'string');
  const paths: PathItem[] = [];
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(asRecord(document['paths']) ?? {})) {
    if (path.startsWith('x-')) continue;
    const pathPointer = child('/paths', path);
    const item = asRecord(resolve(rawItem)) ?? {};
    const itemOperations: Operation[] = [];
    for (const method of httpMethods) {
      const op = asRecord(item[method]);
      if (!op) continue;
      const opPointer = child(pathPointer, method);
      const consumes = asArray(op['consumes'] ?? globalConsumes).filter((s): s is string => typeof s === 'string');
      const produces = asArray(op['produces'] ?? globalProduces).filter((s): s is string => typeof s === 'string');
      const rawParams = [
        ...asArray(item['parameters']).map((p, i) => ({ p, pointer: child(child(pathPointer, 'parameters'), i) })),
        ...asArray(op['parameters']).map((p, i) => ({ p, pointer: child(child(opPointer, 'parameters'), i) })),
      ];
      const merged = new Map<string, { param: Json; pointer: string }>();
      for (const { p, pointer } of rawParams) {
        const param = asRecord(resolve(p));
        // Header names are case-insensitive (RFC 9110 §5.1), so `X-Id` at operation level overrides `x-id`.
        if (param) merged.set(`${String(param['in'])}:${param['in'] === 'header' ? String(param['name']).toLowerCase() : String(param['name'])}`, { param, pointer });
      }
      const parameters: Parameter[] = [];
      let requestBody: RequestBody | undefined;
      const formProperties: Record<string, unknown> = {};
      const formRequired: string[] = [];
      let formPointer = '';
      for (const { param, pointer } of merged.values()) {
        const location = asString(param['in']);
        const name = asString(param['name']) ?? '';
        const description = asString(param['description']);
        if (location === 'body') {
          const schema = asRecord(param['schema']) as Schema | undefined;
          requestBody = {
            required: param['required'] === true,
            content: mediaTypes(consumes.length ? consumes : ['application/json'], schema, undefined, pointer),
            pointer,
            ...(description !== undefined ? { description } : {}),
          };
        } else if (location === 'formData') {
          formProperties[name] = inlineSchema(param);
          if (param['required'] === true) formRequired.push(name);
          formPointer ||= pointer;
        } else if (location === 'path' || location === 'query' || location === 'header') {
          parameters.push({
            name,
            in: location,
            required: param['required'] === true || location === 'path',
            deprecated: false,
            examples: [],
            schema: inlineSchema(param),
            pointer,
            ...(description !== undefined ? { description } : {}),
            ...('x-example' in param ? { example: param['x-example'] } : {}),
          });
        }
      }
      if (!requestBody && formPointer) {
        const formTypes = consumes.filter((c) => c.includes('form'));
        requestBody = {
          required: formRequired.length > 0,
          content: mediaTypes(formTypes.length ? formTypes : ['application/x-www-form-urlencoded'], { type: 'object', properties: formProperties, required: formRequired }, undefined, formPointer),
          pointer: formPointer,
        };
      }
      const responses: Response[] = Object.entries(asRecord(op['responses']) ?? {})
        .filter(([status]) => !status.startsWith('x-'))
        .map(([status, raw]) => {
          const response = asRecord(resolve(raw)) ?? {};
          const responsePointer = child(child(opPointer, 'responses'), status);
          const schema = asRecord(response['schema']) as Schema | undefined;
          const description = asString(response['description']);
          return {
            status,
            content: schema ? mediaTypes(produces.length ? produces : ['application/json'], schema, asRecord(response['examples']), child(responsePointer, 'schema')) : [],
            headers: Object.entries(asRecord(response['headers']) ?? {}).map(([name, h]) => {
              const header = asRecord(h) ?? {};
              const headerDescription = asString(header['description']);
              return { name, required: false, schema: inlineSchema(header), pointer: child(child(responsePointer, 'headers'), name), ...(headerDescription !== undefined ? { description: headerDescription } : {}) };
            }),
            links: [],
            pointer: responsePointer,
            ...(description !== undefined ? { description } : {}),
          };
        });
      const ownSecurity = readSecurity(op['security']);
      const operationId = asString(op['operationId']);
      const summary = asString(op['summary']);
      const description = asString(op['description']);
      const operation: Operation = {
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        tags: asArray(op['tags']).filter((t): t is string => typeof t === 'string'),
        deprecated: op['deprecated'] === true,
        parameters,
        responses,
        security: ownSecurity ?? globalSecurity ?? [],
        hasOwnSecurity: ownSecurity !== undefined,
        extensions: extensionsOf(op),
        servers,
        pointer: opPointer,
        ...(operationId !== undefined ? { operationId } : {}),
        ...(summary !== undefined ? { summary } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(requestBody ? { requestBody } : {}),
      };
      itemOperations.push(operation);
      operations.push(operation);
    }
    paths.push({ path, pointer: pathPointer, operations: itemOperations });
  }
  return {
    servers,
    paths,
    operations,
    securitySchemes: securitySchemes2(document['securityDefinitions'], resolve),
    globalSecurity,
    components: listComponents({
      schemas: { value: document['definitions'], pointer: '/definitions' },
      parameters: { value: document['parameters'], pointer: '/parameters' },
      responses: { value: document['responses'], pointer: '/responses' },
      securitySchemes: { value: document['securityDefinitions'], pointer: '/securityDefinitions' },
    }),
  };
}

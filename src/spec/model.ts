import type { SourceLocation } from '../core/location.js';

/**
 * The one normalised view of an API description. OpenAPI 3.0, 3.1 and Swagger 2.0 all load into it,
 * so checks never care which version they read. Every element keeps the JSON pointer of where it sits
 * in the source document, so a finding can name the file and line.
 */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
export const httpMethods: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
export const destructiveMethods: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type SpecFormat = 'openapi-3.0' | 'openapi-3.1' | 'swagger-2.0';

/** A JSON Schema object as written in the spec (OpenAPI dialect). It may still hold local `$ref`s. */
export type Schema = Record<string, unknown>;

export interface Server {
  readonly url: string;
  readonly description?: string;
  readonly variables: Readonly<Record<string, { default?: string; enum?: string[] }>>;
  readonly pointer: string;
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly deprecated: boolean;
  readonly description?: string;
  readonly schema?: Schema;
  readonly example?: unknown;
  readonly examples: readonly unknown[];
  readonly pointer: string;
}

export interface MediaType {
  readonly mediaType: string;
  readonly schema?: Schema;
  readonly example?: unknown;
  /** Values of `examples` (resolved `value`s for 3.x). */
  readonly examples: readonly unknown[];
  readonly pointer: string;
}

export interface RequestBody {
  readonly required: boolean;
  readonly description?: string;
  readonly content: readonly MediaType[];
  readonly pointer: string;
}

export interface ResponseHeader {
  readonly name: string;
  readonly required: boolean;
  readonly description?: string;
  readonly schema?: Schema;
  readonly pointer: string;
}

export interface Link {
  readonly name: string;
  readonly operationId?: string;
  readonly operationRef?: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly pointer: string;
}

export interface Response {
  /** '200', '4XX' or 'default'. */
  readonly status: string;
  readonly description?: string;
  readonly content: readonly MediaType[];
  readonly headers: readonly ResponseHeader[];
  readonly links: readonly Link[];
  readonly pointer: string;
}

/** One alternative of a security requirement: every named scheme must be satisfied (AND). */
export interface SecurityAlternative {
  readonly schemes: readonly { readonly name: string; readonly scopes: readonly string[] }[];
}

export interface OAuthFlow {
  readonly authorizationUrl?: string;
  readonly tokenUrl?: string;
  readonly scopes: Readonly<Record<string, string>>;
}

export interface SecurityScheme {
  readonly name: string;
  readonly type: 'apiKey' | 'http' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  readonly description?: string;
  /** apiKey: where the key goes and under which name. */
  readonly in?: 'query' | 'header' | 'cookie';
  readonly paramName?: string;
  /** http: 'basic', 'bearer', ... (lower-case). */
  readonly scheme?: string;
  readonly bearerFormat?: string;
  readonly flows: Readonly<Partial<Record<'implicit' | 'password' | 'clientCredentials' | 'authorizationCode', OAuthFlow>>>;
  readonly pointer: string;
}

export interface Operation {
  /** 'GET /users/{id}': the id every finding uses for the operation. */
  readonly key: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly operationId?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly deprecated: boolean;
  /** Path-level and operation-level parameters merged (operation wins), `$ref`s resolved. */
  readonly parameters: readonly Parameter[];
  readonly requestBody?: RequestBody;
  readonly responses: readonly Response[];
  /**
   * The security that applies: the operation's own `security`, else the document's.
   * `[]` means explicitly public; an empty alternative (`{schemes: []}`) means "anonymous allowed".
   */
  readonly security: readonly SecurityAlternative[];
  /** True when the operation declares `security` itself (even an empty list). */
  readonly hasOwnSecurity: boolean;
  /** Vendor extensions (`x-*`) of the operation, e.g. `x-sunset`. */
  readonly extensions: Readonly<Record<string, unknown>>;
  readonly servers: readonly Server[];
  readonly pointer: string;
}

export interface PathItem {
  readonly path: string;
  readonly pointer: string;
  readonly operations: readonly Operation[];
}

export interface ComponentEntry {
  /** 'schemas', 'parameters', 'responses', 'requestBodies', 'headers', 'securitySchemes', 'examples', 'links', 'callbacks'. */
  readonly section: string;
  readonly name: string;
  readonly pointer: string;
  readonly value: unknown;
}

export interface SpecInfo {
  readonly title?: string;
  readonly version?: string;
  readonly description?: string;
  readonly contact?: Readonly<Record<string, unknown>>;
  readonly license?: Readonly<Record<string, unknown>>;
  readonly termsOfService?: string;
}

export interface SpecModel {
  /** The path or URL the description was read from. */
  readonly source: string;
  readonly format: SpecFormat;
  /** The `openapi` or `swagger` field as written. */
  readonly specVersion: string;
  readonly info: SpecInfo;
  readonly servers: readonly Server[];
  readonly paths: readonly PathItem[];
  readonly operations: readonly Operation[];
  /**
   * OpenAPI 3.1 `webhooks`: requests the API sends to its consumers (key 'POST newPet', path = the
   * webhook's name). Kept apart from `operations` because nothing can be sent to them. Absent when the
   * document declares none.
   */
  readonly webhooks?: readonly Operation[];
  readonly securitySchemes: readonly SecurityScheme[];
  /** Document-level `security`, or undefined when the document declares none. */
  readonly globalSecurity: readonly SecurityAlternative[] | undefined;
  readonly components: readonly ComponentEntry[];
  readonly tags: readonly { readonly name: string; readonly description?: string }[];
  /** Every local `$ref` target used anywhere in the document ('#/components/schemas/User'). */
  readonly refTargets: ReadonlySet<string>;
  /** `$ref`s inside schemas or examples that lead nowhere (structural ones stop the load instead). */
  readonly unresolvedRefs: readonly { readonly ref: string; readonly pointer: string }[];
  /** The parsed root document, as written (OpenAPI 2.0 is not converted here). */
  readonly document: Readonly<Record<string, unknown>>;
  /** Follow a local `$ref` chain; returns the value itself when it is not a reference. Cycles stop at the repeat. */
  resolve(value: unknown): unknown;
  /** File, line and pointer of each JSON pointer, in one pass over the source (lines are best effort). */
  locate(pointers: readonly string[]): Map<string, SourceLocation>;
}

import type { CauseId } from '../src/core/causes.js';

/** One fault planted in the demo shop on purpose. */
export interface PlantedFault {
  readonly cause: CauseId;
  /** The faultline check expected to report it, when known. */
  readonly check?: string;
  /** 'METHOD /path/template' exactly as in demo/openapi.yaml, or null for an API-wide fault. */
  readonly operation: string | null;
  readonly description: string;
}

/** Every fault planted in the demo; `faultline demo` must find each of them. */
export const plantedFaults: readonly PlantedFault[] = [
  // unsecured-endpoints
  { cause: 'unsecured-endpoints', operation: 'GET /admin/stats', description: 'Documented as needing the admin scope, but answers 200 without any credentials.' },
  { cause: 'unsecured-endpoints', operation: 'GET /orders/{id}', description: 'Accepts a correctly signed token whose exp has passed.' },
  { cause: 'unsecured-endpoints', operation: 'GET /users/me', description: 'Accepts an unsigned token (alg: none).' },
  { cause: 'unsecured-endpoints', operation: null, description: 'The admin token lives 30 days (reader and writer tokens live one hour).' },
  { cause: 'unsecured-endpoints', operation: null, description: "Tokens are signed HS256 with the dictionary word 'secret'." },
  // permissions
  { cause: 'permissions', operation: 'DELETE /products/{id}', description: 'Needs the admin scope per the spec, but any valid token (reader included) gets 204.' },
  { cause: 'permissions', operation: 'GET /orders/{id}', description: "No ownership check: the reader gets bob's order 1 (broken object-level authorization)." },
  // insufficient-testing
  { cause: 'insufficient-testing', check: 'conformance.server-error', operation: 'POST /orders', description: 'A missing, zero or negative quantity crashes with 500 and a stack trace in the body.' },
  { cause: 'insufficient-testing', operation: 'GET /products/search', description: 'limit=abc, limit=-1, limit=1000 and a missing or oversize q all answer 200 instead of 400.' },
  { cause: 'insufficient-testing', operation: 'GET /reports/slow', description: 'Requests are served one at a time (~30 ms each), so p95 latency collapses under a concurrent burst.' },
  // poor-design-docs
  { cause: 'poor-design-docs', operation: 'PUT /products/{id}', description: 'Answers 202, which the spec does not document (it documents 200 with the product).' },
  { cause: 'poor-design-docs', check: 'conformance.response-schema', operation: 'GET /users/{id}', description: 'The body breaks the User schema: id is a string and internalNotes is an extra field.' },
  { cause: 'poor-design-docs', operation: 'GET /users/{id}', description: 'Answers an undocumented 418 for id 0.' },
  { cause: 'poor-design-docs', check: 'lint.operation-description', operation: 'GET /reports/slow', description: 'The operation has neither summary nor description.' },
  { cause: 'poor-design-docs', check: 'lint.operation-description', operation: 'GET /loop', description: 'The operation has neither summary nor description.' },
  { cause: 'poor-design-docs', check: 'lint.response-schema-missing', operation: 'GET /coupons', description: 'The 200 response declares application/json without a schema.' },
  // session-management
  { cause: 'session-management', operation: 'POST /login', description: 'The sid cookie has no HttpOnly, Secure or SameSite attribute and no expiry.' },
  { cause: 'session-management', operation: 'POST /logout', description: 'Logout clears the cookie but keeps the session, so the old sid still works on GET /session.' },
  // expiring-apis
  { cause: 'expiring-apis', operation: 'GET /v1/products', description: 'Deprecated in the spec, but answers without Deprecation or Sunset headers.' },
  { cause: 'expiring-apis', check: 'lint.deprecated-without-sunset', operation: 'GET /v1/products', description: 'The spec marks it deprecated but gives no x-sunset and documents no Deprecation or Sunset header.' },
  { cause: 'expiring-apis', operation: 'GET /coupons', description: 'Still documented, but answers 410 Gone.' },
  // bad-urls
  { cause: 'bad-urls', operation: 'GET /categories', description: 'Documented, but answers 404.' },
  { cause: 'bad-urls', operation: 'GET /docs/latest', description: 'Redirects (302) to /docs/v9, which answers 404.' },
  { cause: 'bad-urls', operation: 'GET /loop', description: 'Redirects (302) to itself.' },
  // complex-endpoints
  { cause: 'complex-endpoints', operation: 'POST /orders', description: 'Errors are { "error": ... } (and { error, stack } for 500), not RFC 9457 problem+json like the rest of the API.' },
  { cause: 'complex-endpoints', operation: 'GET /legacy/getUserById', description: 'Errors are plain text (ERROR: ...), not problem+json.' },
  { cause: 'complex-endpoints', check: 'lint.verb-in-path', operation: 'GET /legacy/getUserById', description: 'An RPC-style verb path (getUserById).' },
  { cause: 'complex-endpoints', check: 'lint.query-parameter-sprawl', operation: 'GET /legacy/getUserById', description: 'Ten query parameters on one operation.' },
  // public-exposure
  { cause: 'public-exposure', operation: null, description: 'Every response carries version banners: Server: nginx/1.18.0 and X-Powered-By: Express/4.17.1.' },
  { cause: 'public-exposure', operation: 'GET /profile', description: 'Reflects any Origin in Access-Control-Allow-Origin with Access-Control-Allow-Credentials: true.' },
  { cause: 'public-exposure', operation: null, description: '/.env answers 200 with (fake) secrets such as DB_PASSWORD.' },
  { cause: 'public-exposure', operation: null, description: '/debug/vars answers 200 with process internals.' },
  { cause: 'public-exposure', operation: 'POST /login', description: 'No rate limit: any number of password guesses per minute.' },
  { cause: 'public-exposure', check: 'lint.rate-limit-undocumented', operation: 'POST /login', description: 'The spec documents no 429 for a credential-handling operation.' },
  // dependency-failures
  { cause: 'dependency-failures', operation: 'GET /products/{id}/stock', description: 'Calls the inventory without a timeout: a failing inventory gives 500, a hanging one hangs the request.' },
  // monitoring-logging
  { cause: 'monitoring-logging', operation: null, description: 'No response carries X-Request-Id, and neither X-Request-Id nor traceparent is echoed.' },
  { cause: 'monitoring-logging', check: 'lint.request-id-undocumented', operation: null, description: 'The spec documents no request-id header on any operation.' },
];

/** Operations that must produce no live finding at all: the clean twins of the planted faults. */
export const cleanOperations: readonly string[] = [
  'GET /healthz',
  'GET /products',
  'POST /products',
  'GET /products/{id}',
  'GET /products/{id}/availability',
  'GET /orders',
  'GET /orders/{id}/invoice',
  'GET /v1/orders',
  'GET /admin/users',
  'POST /login/secure',
  'POST /logout/secure',
  'GET /session/secure',
  'GET /docs/current',
  'GET /docs/v2',
];

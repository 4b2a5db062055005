/** Where a fix is written: the description itself, or one of the stacks APIs are commonly built on. */
export type Stack = 'openapi' | 'express' | 'fastify' | 'nestjs' | 'spring' | 'nginx';

export const stackTitles: Readonly<Record<Stack, string>> = {
  openapi: 'OpenAPI', express: 'Express', fastify: 'Fastify', nestjs: 'NestJS', spring: 'Spring Boot', nginx: 'nginx',
};

/** A fix shown the same way for every check that needs it: short, copyable, one snippet a stack. */
export interface FixRecipe {
  readonly title: string;
  readonly examples: Partial<Record<Stack, string>>;
}

// Snippets stay a few lines: enough to show the shape of the fix, not a tutorial.
export const fixRecipes = {
  'document-operation': { title: 'Describe each operation', examples: {
    openapi: 'paths:\n  /orders/{id}:\n    get:\n      operationId: getOrder\n      summary: Read one order\n      description: Returns the order if the caller owns it.\n      tags: [orders]',
  } },
  'document-responses': { title: 'Document the responses, with schemas and examples', examples: {
    openapi: "responses:\n  '200':\n    description: The order\n    content:\n      application/json:\n        schema: { $ref: '#/components/schemas/Order' }\n        example: { id: 42, status: paid }\n  '401': { $ref: '#/components/responses/Unauthorized' }\n  '404': { $ref: '#/components/responses/NotFound' }",
  } },
  'document-api': { title: 'Describe the API as a whole', examples: {
    openapi: 'info:\n  title: Shop API\n  version: 2.3.0\n  description: Orders, catalogue and accounts for the shop.\n  contact: { name: Shop team, email: shop-api@example.com }\ntags:\n  - name: orders\n    description: Placing and tracking orders',
  } },
  'fix-schema': { title: 'Make schemas and references whole', examples: {
    openapi: "components:\n  schemas:\n    Order:\n      type: object\n      required: [id]\n      properties:\n        id: { type: integer }\n      example: { id: 42 }\n# every $ref must point at something that exists:\n#   $ref: '#/components/schemas/Order'",
  } },
  'problem-details': { title: 'Answer every error as RFC 9457 problem details', examples: {
    openapi: "components:\n  responses:\n    NotFound:\n      description: Not found\n      content:\n        application/problem+json:\n          schema: { $ref: '#/components/schemas/Problem' }",
    express: "app.use((err, req, res, next) => {\n  const status = err.status ?? 500;\n  res.status(status).type('application/problem+json')\n    .json({ type: 'about:blank', title: err.expose ? err.message : 'Internal error', status });\n});",
    fastify: "app.setErrorHandler((err, req, reply) => {\n  const status = err.statusCode ?? 500;\n  reply.code(status).type('application/problem+json')\n    .send({ type: 'about:blank', title: status < 500 ? err.message : 'Internal error', status });\n});",
    nestjs: '@Catch()\nexport class ProblemFilter implements ExceptionFilter {\n  catch(e: unknown, host: ArgumentsHost) {\n    const status = e instanceof HttpException ? e.getStatus() : 500;\n    host.switchToHttp().getResponse().status(status)\n      .type(\'application/problem+json\').json({ type: \'about:blank\', title: HttpStatus[status], status });\n  }\n}',
    spring: '# application.properties (Spring Boot 3): ProblemDetail for every error\nspring.mvc.problemdetails.enabled=true\nserver.error.include-stacktrace=never',
  } },
  'validate-input': { title: 'Validate requests against the schema before the handler runs', examples: {
    express: "import { middleware } from 'express-openapi-validator';\napp.use(middleware({ apiSpec: './openapi.yaml', validateRequests: true }));",
    fastify: "app.post('/orders', { schema: { body: {\n  type: 'object', required: ['quantity'], additionalProperties: false,\n  properties: { quantity: { type: 'integer', minimum: 1 } } } } }, handler);",
    nestjs: 'app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));\n// DTO: @IsInt() @Min(1) quantity: number;',
    spring: 'record OrderRequest(@NotNull @Min(1) Integer quantity) {}\n@PostMapping("/orders") Order create(@Valid @RequestBody OrderRequest body) { ... }',
  } },
  'hide-internals': { title: 'Never send stack traces, versions or internal errors to clients', examples: {
    express: "app.disable('x-powered-by');\n// NODE_ENV=production: the default handler stops printing stacks",
    fastify: "// log the error, answer a generic message\napp.setErrorHandler((err, req, reply) => { req.log.error(err); reply.code(500).send({ title: 'Internal error' }); });",
    nestjs: "const app = await NestFactory.create(AppModule);\napp.getHttpAdapter().getInstance().disable('x-powered-by');",
    spring: 'server.error.include-stacktrace=never\nserver.error.include-message=never\nserver.server-header=',
    nginx: 'server_tokens off;\nproxy_hide_header X-Powered-By;\nproxy_intercept_errors on;  # with error_page for 5xx',
  } },
  'require-auth': { title: 'Authenticate every secured route, verifying the token fully', examples: {
    openapi: 'security:\n  - bearerAuth: []\ncomponents:\n  securitySchemes:\n    bearerAuth: { type: http, scheme: bearer, bearerFormat: JWT }',
    express: "import { jwtVerify } from 'jose';\napp.use('/api', async (req, res, next) => {\n  try {\n    const token = req.get('authorization')?.replace(/^Bearer /, '') ?? '';\n    req.user = (await jwtVerify(token, key, { algorithms: ['ES256'], maxTokenAge: '15m' })).payload;\n    next();\n  } catch { res.status(401).json({ title: 'Unauthorized', status: 401 }); }\n});",
    fastify: "app.register(fastifyJwt, { secret: { public: publicKey }, verify: { algorithms: ['ES256'], maxAge: '15m' } });\napp.addHook('onRequest', (req) => req.jwtVerify());",
    nestjs: "@UseGuards(AuthGuard('jwt'))  // passport-jwt with ignoreExpiration: false, algorithms: ['ES256']\n@Controller('orders') export class OrdersController {}",
    spring: 'http.authorizeHttpRequests(a -> a.requestMatchers("/health").permitAll().anyRequest().authenticated())\n    .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()));',
  } },
  'secure-auth-schemes': { title: 'Offer only strong authentication schemes', examples: {
    openapi: "servers:\n  - url: https://api.example.com\ncomponents:\n  securitySchemes:\n    oauth:\n      type: oauth2\n      flows:\n        authorizationCode:  # with PKCE; no implicit or password flow\n          authorizationUrl: https://id.example.com/authorize\n          tokenUrl: https://id.example.com/token\n          scopes: { 'orders:read': Read orders }\n    apiKey: { type: apiKey, in: header, name: X-API-Key }",
  } },
  'enforce-authorization': { title: 'Check the caller may act on this object and with this scope', examples: {
    express: "app.get('/orders/:id', requireScope('orders:read'), async (req, res) => {\n  const order = await orders.find({ id: req.params.id, ownerId: req.user.sub });\n  if (!order) return res.sendStatus(404);  // not 200, not someone else's order\n  res.json(order);\n});",
    fastify: "app.get('/orders/:id', { preHandler: requireScope('orders:read') }, async (req, reply) => {\n  const order = await orders.find({ id: req.params.id, ownerId: req.user.sub });\n  return order ?? reply.code(404).send();\n});",
    nestjs: "@Get(':id') @Scopes('orders:read')\nasync get(@Param('id') id: string, @User() user) {\n  const order = await this.orders.findOne({ where: { id, ownerId: user.sub } });\n  if (!order) throw new NotFoundException();\n  return order;\n}",
    spring: '@PreAuthorize("hasAuthority(\'SCOPE_orders:read\') and @orders.isOwner(#id, authentication)")\n@GetMapping("/orders/{id}") Order get(@PathVariable long id) { ... }',
  } },
  'https-only': { title: 'Serve the API over HTTPS only', examples: {
    openapi: 'servers:\n  - url: https://api.example.com/v2',
    nginx: 'server { listen 80; return 308 https://$host$request_uri; }\nserver { listen 443 ssl; add_header Strict-Transport-Security "max-age=31536000" always; }',
    spring: 'server.ssl.enabled=true\n# behind a proxy: server.forward-headers-strategy=native and http.requiresChannel(c -> c.anyRequest().requiresSecure())',
  } },
  'secure-cookies': { title: 'Set session cookies HttpOnly, Secure, SameSite, with a bounded lifetime', examples: {
    express: "res.cookie('sid', id, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 8 * 3600_000 });\n// logout: destroy the server-side session, then res.clearCookie('sid')",
    fastify: "reply.setCookie('sid', id, { httpOnly: true, secure: true, sameSite: 'lax', path: '/', maxAge: 8 * 3600 });",
    nestjs: "app.use(session({ secret, cookie: { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 8 * 3600_000 } }));",
    spring: 'server.servlet.session.cookie.http-only=true\nserver.servlet.session.cookie.secure=true\nserver.servlet.session.cookie.same-site=lax\nserver.servlet.session.timeout=8h',
    nginx: 'proxy_cookie_flags ~ httponly secure samesite=lax;',
  } },
  'deprecation-headers': { title: 'Announce the end of an operation in the spec and on the wire', examples: {
    openapi: "get:\n  deprecated: true\n  description: Deprecated; use GET /v2/orders. Removed on 2026-06-30.\n  x-sunset: '2026-06-30'\n  responses:\n    '200':\n      headers:\n        Sunset: { schema: { type: string }, description: 'RFC 8594 date' }",
    express: "res.set('Deprecation', '@1735689600').set('Sunset', 'Tue, 30 Jun 2026 00:00:00 GMT')\n   .set('Link', '</v2/orders>; rel=\"successor-version\"');",
    fastify: "reply.header('Deprecation', '@1735689600').header('Sunset', 'Tue, 30 Jun 2026 00:00:00 GMT');",
    spring: 'return ResponseEntity.ok().header("Deprecation", "@1735689600").header("Sunset", "Tue, 30 Jun 2026 00:00:00 GMT").body(orders);',
    nginx: 'location /v1/ { add_header Deprecation "@1735689600" always; add_header Sunset "Tue, 30 Jun 2026 00:00:00 GMT" always; }',
  } },
  'version-api': { title: 'State and route a version', examples: {
    openapi: 'info:\n  version: 2.3.0\nservers:\n  - url: https://api.example.com/v2',
    nginx: 'location /v1/ { return 410; }  # once its sunset date has passed',
  } },
  'clean-urls': { title: 'Keep paths nouns, consistent and unambiguous', examples: {
    openapi: "# one spelling, one template, no verbs:\npaths:\n  /orders/{orderId}/items:        # not /getOrderItems, not /orders/{id}/items/\n    parameters:\n      - { name: orderId, in: path, required: true, schema: { type: integer } }\n  /orders/{orderId}/cancellation:  # POST here instead of /cancelOrder",
    express: "app.set('strict routing', false);  // /orders and /orders/ are one route",
    nginx: 'rewrite ^/(.*)/$ /$1 permanent;  # one canonical form without trailing slash',
  } },
  'health-endpoint': { title: 'Expose and document a cheap health endpoint', examples: {
    openapi: "/healthz:\n  get:\n    summary: Liveness\n    security: []\n    responses:\n      '200': { description: The process is up }",
    express: "app.get('/healthz', (req, res) => res.json({ status: 'ok' }));",
    fastify: "app.get('/healthz', async () => ({ status: 'ok' }));",
    nestjs: "@Get('healthz') @HealthCheck() check() { return this.health.check([]); }  // @nestjs/terminus",
    spring: 'management.endpoints.web.exposure.include=health\nmanagement.endpoint.health.probes.enabled=true',
  } },
  'request-id': { title: 'Give every response a request id, and echo the caller\'s', examples: {
    openapi: "components:\n  headers:\n    X-Request-Id: { schema: { type: string }, description: Correlates logs and support requests }",
    express: "app.use((req, res, next) => { req.id = req.get('x-request-id') ?? randomUUID(); res.set('X-Request-Id', req.id); next(); });",
    fastify: "const app = Fastify({ requestIdHeader: 'x-request-id', genReqId: () => randomUUID() });\napp.addHook('onSend', async (req, reply) => { reply.header('X-Request-Id', req.id); });",
    spring: '// Micrometer Tracing propagates traceparent; add the id to responses in a OncePerRequestFilter:\nresponse.setHeader("X-Request-Id", tracer.currentSpan().context().traceId());',
    nginx: 'proxy_set_header X-Request-Id $request_id;\nadd_header X-Request-Id $request_id always;',
  } },
  'rate-limit': { title: 'Limit request rates and document the 429', examples: {
    openapi: "responses:\n  '429':\n    description: Too many requests\n    headers:\n      Retry-After: { schema: { type: integer } }",
    express: "import rateLimit from 'express-rate-limit';\napp.use('/login', rateLimit({ windowMs: 60_000, limit: 10, standardHeaders: 'draft-7' }));",
    fastify: "await app.register(import('@fastify/rate-limit'), { max: 100, timeWindow: '1 minute' });",
    nestjs: 'ThrottlerModule.forRoot([{ ttl: 60_000, limit: 100 }])  // plus APP_GUARD: ThrottlerGuard',
    spring: '// Bucket4j or Resilience4j RateLimiter in a filter; answer 429 with Retry-After',
    nginx: 'limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\nlocation / { limit_req zone=api burst=20; limit_req_status 429; }',
  } },
  'cors-allowlist': { title: 'Allow only known origins, and credentials only for them', examples: {
    express: "app.use(cors({ origin: ['https://app.example.com'], credentials: true }));",
    fastify: "await app.register(import('@fastify/cors'), { origin: ['https://app.example.com'], credentials: true });",
    nestjs: "app.enableCors({ origin: ['https://app.example.com'], credentials: true });",
    spring: '@CrossOrigin(origins = "https://app.example.com", allowCredentials = "true")',
    nginx: 'map $http_origin $cors { default ""; "https://app.example.com" $http_origin; }\nadd_header Access-Control-Allow-Origin $cors always;\nadd_header Vary Origin always;',
  } },
  'block-sensitive-paths': { title: 'Serve nothing but the API: no dotfiles, dumps or debug consoles', examples: {
    express: "app.use(express.static('public', { dotfiles: 'deny' }));  // and never mount the project root",
    spring: 'management.endpoints.web.exposure.include=health,info\nmanagement.server.port=8081  # actuator off the public port',
    nginx: 'location ~ /\\. { deny all; return 404; }\nlocation ~* \\.(sql|bak|env|log)$ { deny all; return 404; }',
  } },
  'dependency-timeouts': { title: 'Bound every call to a dependency: timeout, fallback, circuit breaker', examples: {
    express: "const response = await fetch(inventoryUrl, { signal: AbortSignal.timeout(800) })\n  .catch(() => null);\nif (!response?.ok) return res.status(503).set('Retry-After', '5').json({ title: 'Inventory unavailable', status: 503 });",
    fastify: "const inventory = new Pool(inventoryUrl, { headersTimeout: 800, bodyTimeout: 800 });  // undici\n// on failure: reply.code(503).header('Retry-After', '5').send({ title: 'Inventory unavailable' })",
    nestjs: "this.http.get(url).pipe(timeout(800), retry({ count: 1, delay: 100 }), catchError(() => { throw new ServiceUnavailableException(); }));",
    spring: 'resilience4j.circuitbreaker.instances.inventory.sliding-window-size=20\nresilience4j.timelimiter.instances.inventory.timeout-duration=800ms\n// @CircuitBreaker(name = "inventory", fallbackMethod = "unavailable")',
    nginx: 'proxy_connect_timeout 1s;\nproxy_read_timeout 2s;\nproxy_next_upstream error timeout;',
  } },
  'load-capacity': { title: 'Keep latency flat under concurrency: no blocking work on the request path', examples: {
    express: "// move CPU-heavy work off the event loop\nconst result = await piscina.run(payload);  // worker pool instead of inline crypto/compression",
    spring: 'server.tomcat.threads.max=200\nspring.datasource.hikari.maximum-pool-size=20\n# and a bulkhead for slow calls: resilience4j.bulkhead.instances.reports.max-concurrent-calls=10',
    nginx: 'upstream api { server 127.0.0.1:3000; keepalive 32; }',
  } },
} satisfies Readonly<Record<string, FixRecipe>>;

export type FixRecipeId = keyof typeof fixRecipes;

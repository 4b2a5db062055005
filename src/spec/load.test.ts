import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSpec, specFromObject, specFromText } from './load.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../test/fixtures/specs/${name}`, import.meta.url));

describe('loadSpec on an OpenAPI 3.0 YAML description', () => {
  it('reads the version, info, servers and every operation', async () => {
    const spec = await loadSpec(fixture('petstore-3.0.yaml'));
    expect(spec.format).toBe('openapi-3.0');
    expect(spec.specVersion).toBe('3.0.3');
    expect(spec.info).toEqual({ title: 'Fixture Petstore', version: '1.0.0' });
    expect(spec.servers).toEqual([{ url: 'https://api.example.test/v1', description: 'production', variables: {}, pointer: '/servers/0' }]);
    expect(spec.operations.map((op) => op.key)).toEqual(['GET /pets/{petId}', 'PUT /pets/{petId}', 'DELETE /pets/{petId}', 'GET /tree']);
    expect(spec.paths.map((p) => [p.path, p.operations.length])).toEqual([['/pets/{petId}', 3], ['/tree', 1]]);
  });

  it('merges path-level and operation-level parameters, the operation winning on name and location', async () => {
    const spec = await loadSpec(fixture('petstore-3.0.yaml'));
    const get = spec.operations.find((op) => op.key === 'GET /pets/{petId}')!;
    expect(get.parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual(['path:petId:true', 'query:verbose:true', 'header:X-Trace:false']);
    expect(get.parameters.find((p) => p.name === 'verbose')?.schema).toEqual({ type: 'string' });
    expect(get.parameters.find((p) => p.name === 'verbose')?.pointer).toBe('/paths/~1pets~1{petId}/get/parameters/0');
    const put = spec.operations.find((op) => op.key === 'PUT /pets/{petId}')!;
    expect(put.parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual(['path:petId:true', 'query:verbose:false']);
    expect(put.parameters[0]?.pointer).toBe('/paths/~1pets~1{petId}/parameters/0');
  });

  it('follows $refs to parameters, responses, request bodies and path items', async () => {
    const spec = await loadSpec(fixture('petstore-3.0.yaml'));
    const get = spec.operations.find((op) => op.key === 'GET /pets/{petId}')!;
    expect(get.responses.map((r) => [r.status, r.description])).toEqual([['200', 'the pet'], ['404', 'no such pet']]);
    expect(get.responses[0]?.headers.map((h) => h.name)).toEqual(['X-Rate-Limit']);
    expect(get.responses[0]?.content[0]?.schema).toEqual({ $ref: '#/components/schemas/Pet' });
    const put = spec.operations.find((op) => op.key === 'PUT /pets/{petId}')!;
    expect(put.requestBody?.required).toBe(true);
    expect(put.requestBody?.content.map((m) => m.mediaType)).toEqual(['application/json']);
    const tree = spec.operations.find((op) => op.key === 'GET /tree')!;
    expect(tree.operationId).toBe('getTree');
    expect(spec.refTargets).toContain('#/components/x-pathItems/Tree');
    expect(spec.refTargets).toContain('#/components/requestBodies/PetBody');
    expect(spec.unresolvedRefs).toEqual([]);
  });

  it('resolves recursive and mutually recursive schemas without looping', async () => {
    const spec = await loadSpec(fixture('petstore-3.0.yaml'));
    const treeNode = spec.resolve({ $ref: '#/components/schemas/TreeNode' }) as { properties: { children: { items: unknown } } };
    expect(spec.resolve(treeNode.properties.children.items)).toBe(treeNode);
    const pet = spec.resolve({ $ref: '#/components/schemas/Pet' }) as { properties: { owner: unknown } };
    const owner = spec.resolve(pet.properties.owner) as { properties: { pets: { items: unknown } } };
    expect(spec.resolve(owner.properties.pets.items)).toBe(pet);
    expect(spec.components.filter((c) => c.section === 'schemas').map((c) => c.name)).toEqual(['Pet', 'Owner', 'TreeNode']);
  });

  it('a cycle made only of references resolves to the last reference instead of hanging', () => {
    const spec = specFromObject({
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {},
      components: { schemas: { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } } },
    });
    expect(spec.resolve({ $ref: '#/components/schemas/A' })).toEqual({ $ref: '#/components/schemas/A' });
  });

  it('inherits document security, lets an operation override it and keeps scopes', async () => {
    const spec = await loadSpec(fixture('petstore-3.0.yaml'));
    const byKey = new Map(spec.operations.map((op) => [op.key, op]));
    expect(spec.globalSecurity).toEqual([{ schemes: [{ name: 'bearerAuth', scopes: [] }] }, { schemes: [{ name: 'apiKeyAuth', scopes: [] }] }]);
    expect(byKey.get('GET /pets/{petId}')?.security).toEqual(spec.globalSecurity);
    expect(byKey.get('GET /pets/{petId}')?.hasOwnSecurity).toBe(false);
    expect(byKey.get('PUT /pets/{petId}')?.security).toEqual([{ schemes: [{ name: 'oauth', scopes: ['pets:write', 'pets:read'] }] }]);
    expect(byKey.get('PUT /pets/{petId}')?.hasOwnSecurity).toBe(true);
    expect(byKey.get('DELETE /pets/{petId}')?.security).toEqual([]);
    expect(byKey.get('DELETE /pets/{petId}')?.hasOwnSecurity).toBe(true);
  });

  it('reads security schemes with lower-cased http schemes and OAuth flows', async () => {
    const spec = await loadSpec(fixture('petstore-3.0.yaml'));
    expect(spec.securitySchemes.map((s) => [s.name, s.type, s.scheme ?? s.in])).toEqual([
      ['bearerAuth', 'http', 'bearer'],
      ['apiKeyAuth', 'apiKey', 'header'],
      ['oauth', 'oauth2', undefined],
    ]);
    expect(spec.securitySchemes[1]?.paramName).toBe('X-API-Key');
    expect(spec.securitySchemes[2]?.flows.authorizationCode).toEqual({
      authorizationUrl: 'https://auth.example.test/authorize',
      tokenUrl: 'https://auth.example.test/token',
      scopes: { 'pets:read': 'read pets', 'pets:write': 'change pets' },
    });
  });

  it('locates pointers on the exact YAML lines, and absent children on their parent line', async () => {
    const spec = await loadSpec(fixture('petstore-3.0.yaml'));
    const pointers = [
      '',
      '/paths/~1pets~1{petId}',
      '/paths/~1pets~1{petId}/parameters/0',
      '/paths/~1pets~1{petId}/get/operationId',
      '/paths/~1pets~1{petId}/get/parameters/1',
      '/paths/~1pets~1{petId}/get/responses/200/headers/X-Rate-Limit',
      '/paths/~1pets~1{petId}/put/security/0/oauth/1',
      '/paths/~1pets~1{petId}/delete/description',
      '/paths/~1pets~1{petId}/delete/responses/500',
      '/components/securitySchemes/oauth/flows/authorizationCode/scopes/pets:write',
    ];
    const found = spec.locate(pointers);
    expect(pointers.map((p) => found.get(p)?.line)).toEqual([1, 12, 14, 20, 28, 36, 48, 54, 56, 129]);
    expect(found.get('/paths/~1pets~1{petId}/delete/description')).toEqual({ file: fixture('petstore-3.0.yaml'), pointer: '/paths/~1pets~1{petId}/delete/description', line: 54 });
  });
});

describe('loadSpec on an OpenAPI 3.1 JSON description', () => {
  it('reads paths through components/pathItems and keeps webhooks apart from operations', async () => {
    const spec = await loadSpec(fixture('webhooks-3.1.json'));
    expect(spec.format).toBe('openapi-3.1');
    expect(spec.operations.map((op) => op.key)).toEqual(['GET /subscriptions']);
    expect(spec.operations[0]?.operationId).toBe('listSubscriptions');
    expect(spec.webhooks?.map((op) => [op.key, op.operationId, op.pointer])).toEqual([['POST petCreated', 'onPetCreated', '/webhooks/petCreated/post']]);
    expect(spec.webhooks?.[0]?.requestBody?.content[0]?.schema).toEqual({ $ref: '#/components/schemas/PetEvent' });
    expect(spec.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
  });

  it('keeps type arrays with null as written in the schema', async () => {
    const spec = await loadSpec(fixture('webhooks-3.1.json'));
    const event = spec.resolve({ $ref: '#/components/schemas/PetEvent' }) as { properties: { nickname: unknown; parent: unknown } };
    expect(event.properties.nickname).toEqual({ type: ['string', 'null'] });
    expect(spec.resolve(event.properties.parent)).toBe(event);
  });

  it('locates pointers on the exact JSON lines, and absent children on their parent line', async () => {
    const spec = await loadSpec(fixture('webhooks-3.1.json'));
    const pointers = [
      '/info/license/identifier',
      '/paths/~1subscriptions/$ref',
      '/webhooks/petCreated/post/responses/200',
      '/webhooks/petCreated/post/summary',
      '/components/schemas/PetEvent/required/0',
      '/components/schemas/PetEvent/properties/nickname/type/1',
      '/components/schemas/PetEvent/properties/nope/deeper',
    ];
    const found = spec.locate(pointers);
    expect(pointers.map((p) => found.get(p)?.line)).toEqual([6, 11, 27, 16, 53, 56, 54]);
  });

  it('an operation without own servers inherits them; path and operation servers override', () => {
    const spec = specFromObject({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      servers: [{ url: 'https://a.test' }],
      paths: {
        '/a': { get: { responses: {} }, post: { servers: [{ url: 'https://op.test' }], responses: {} } },
        '/b': { servers: [{ url: 'https://path.test', variables: { v: { default: '1', enum: ['1', '2'] } } }], get: { responses: {} } },
      },
    });
    expect(spec.operations.map((op) => op.servers.map((s) => s.url)[0])).toEqual(['https://a.test', 'https://op.test', 'https://path.test']);
    expect(spec.operations[2]?.servers[0]?.variables).toEqual({ v: { default: '1', enum: ['1', '2'] } });
  });
});

describe('loadSpec on a Swagger 2.0 description', () => {
  it('turns host, basePath and schemes into servers', async () => {
    const spec = await loadSpec(fixture('swagger-2.0.yaml'));
    expect(spec.format).toBe('swagger-2.0');
    expect(spec.specVersion).toBe('2.0');
    expect(spec.servers.map((s) => s.url)).toEqual(['https://api.example.test/v2', 'http://api.example.test/v2']);
    expect(spec.operations.map((op) => op.key)).toEqual(['GET /pets', 'POST /pets', 'POST /pets/{id}/photo', 'DELETE /pets/{id}/photo']);
  });

  it('turns query parameters into schemas and a body parameter into a request body', async () => {
    const spec = await loadSpec(fixture('swagger-2.0.yaml'));
    const [list, add] = spec.operations;
    expect(list?.parameters.map((p) => [p.in, p.name, p.schema])).toEqual([
      ['query', 'limit', { type: 'integer', maximum: 100 }],
      ['query', 'tag', { type: 'array', items: { type: 'string' } }],
    ]);
    expect(add?.requestBody).toEqual({
      required: true,
      content: [{ mediaType: 'application/json', schema: { $ref: '#/definitions/Pet' }, examples: [], pointer: '/paths/~1pets/post/parameters/0' }],
      pointer: '/paths/~1pets/post/parameters/0',
    });
  });

  it('turns formData parameters into a multipart body with files as binary strings', async () => {
    const spec = await loadSpec(fixture('swagger-2.0.yaml'));
    const upload = spec.operations.find((op) => op.key === 'POST /pets/{id}/photo')!;
    expect(upload.parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual(['path:id:true']);
    expect(upload.requestBody?.required).toBe(true);
    expect(upload.requestBody?.content.map((m) => [m.mediaType, m.schema])).toEqual([
      ['multipart/form-data', { type: 'object', properties: { file: { type: 'string', format: 'binary' }, caption: { type: 'string' } }, required: ['file'] }],
    ]);
  });

  it('answers responses in every media type of produces, the operation overriding the document', async () => {
    const spec = await loadSpec(fixture('swagger-2.0.yaml'));
    const [list, , upload] = spec.operations;
    expect(list?.responses[0]?.content.map((m) => m.mediaType)).toEqual(['application/json', 'application/xml']);
    expect(upload?.responses.map((r) => [r.status, r.description, r.content.map((m) => m.mediaType)])).toEqual([
      ['200', 'stored', ['text/plain']],
      ['404', 'nothing there', ['text/plain']],
    ]);
  });

  it('reads basic, apiKey and oauth2 security definitions and the effective security', async () => {
    const spec = await loadSpec(fixture('swagger-2.0.yaml'));
    expect(spec.securitySchemes.map((s) => [s.name, s.type, s.scheme ?? s.in ?? null, s.paramName ?? null])).toEqual([
      ['basicAuth', 'http', 'basic', null],
      ['keyAuth', 'apiKey', 'query', 'api_key'],
      ['oauth', 'oauth2', null, null],
    ]);
    expect(spec.securitySchemes[2]?.flows).toEqual({
      authorizationCode: {
        authorizationUrl: 'https://auth.example.test/authorize',
        tokenUrl: 'https://auth.example.test/token',
        scopes: { 'write:pets': 'change pets', 'read:pets': 'read pets' },
      },
    });
    expect(spec.operations.map((op) => [op.key, op.hasOwnSecurity, op.security.flatMap((a) => a.schemes.map((s) => `${s.name}[${s.scopes.join(',')}]`))])).toEqual([
      ['GET /pets', false, ['basicAuth[]']],
      ['POST /pets', true, ['oauth[write:pets]']],
      ['POST /pets/{id}/photo', true, ['keyAuth[]']],
      ['DELETE /pets/{id}/photo', true, []],
    ]);
  });

  it('lists definitions, parameters and responses as components', async () => {
    const spec = await loadSpec(fixture('swagger-2.0.yaml'));
    expect(spec.components.map((c) => `${c.section}/${c.name}`)).toEqual([
      'schemas/Pet', 'schemas/Error', 'parameters/limit', 'responses/NotFound', 'securitySchemes/basicAuth', 'securitySchemes/keyAuth', 'securitySchemes/oauth',
    ]);
  });

  it('reads an unquoted `swagger: 2.0` the way its author meant it', () => {
    const spec = specFromText('swagger: 2.0\ninfo: {title: t, version: "1"}\nhost: h.test\npaths: {}\n');
    expect(spec.format).toBe('swagger-2.0');
    expect(spec.specVersion).toBe('2.0');
    expect(spec.servers.map((s) => s.url)).toEqual(['https://h.test']);
  });
});

describe('specFromText and specFromObject', () => {
  it('reads an OpenAPI 3.2 document with the 3.1 reader', () => {
    const spec = specFromText('openapi: 3.2.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses: {}\n');
    expect([spec.format, spec.specVersion, spec.operations.length]).toEqual(['openapi-3.1', '3.2.0', 1]);
  });

  it('locates lines in YAML that needs the full parser (anchors) as in YAML that does not', () => {
    const lines = [
      'openapi: 3.0.0',
      'info: {title: t, version: "1"}',
      'x-std: &std',
      "  '500': {description: oops}",
      'paths:',
      '  /a:',
      '    get:',
      '      responses: *std',
      '    put:',
      '      summary: no anchors here',
      '      responses: {}',
    ];
    const withAnchor = specFromText(lines.join('\n'));
    const without = specFromText(lines.join('\n').replace('&std', '').replace('*std', '{}'));
    const pointers = ['/paths/~1a/get/responses', '/paths/~1a/put/summary', '/paths/~1a/put/description', '/x-std/500/description', '/info/version'];
    for (const spec of [withAnchor, without]) {
      const found = spec.locate(pointers);
      expect(pointers.map((p) => found.get(p)?.line)).toEqual([8, 10, 9, 4, 2]);
    }
  });

  it('honours YAML merge keys', () => {
    const spec = specFromText([
      'openapi: 3.0.0',
      'info: {title: t, version: "1"}',
      'x-defaults: &defaults',
      '  responses:',
      "    '500': {description: oops}",
      'paths:',
      '  /a:',
      '    get:',
      '      <<: *defaults',
      '      summary: merged',
    ].join('\n'));
    expect(spec.operations[0]?.summary).toBe('merged');
    expect(spec.operations[0]?.responses.map((r) => r.status)).toEqual(['500']);
  });

  it('refuses an object that cannot be JSON with E_SPEC_INVALID', () => {
    const cyclic: Record<string, unknown> = { openapi: '3.0.0' };
    cyclic['self'] = cyclic;
    expect(() => specFromObject(cyclic)).toThrow(expect.objectContaining({ code: 'E_SPEC_INVALID', location: { file: 'inline.json' } }));
  });

  it('locates lines of an object given as a value in its pretty-printed JSON', () => {
    const spec = specFromObject({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: {} } } } });
    expect(spec.locate(['/paths/~1a/get', '/info/version']).get('/paths/~1a/get')?.line).toBe(9);
    expect(spec.locate(['/info/version']).get('/info/version')).toEqual({ file: 'inline.json', pointer: '/info/version', line: 5 });
  });
});

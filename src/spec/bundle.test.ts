import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaultlineError } from '../core/errors.js';
import { loadSpec } from './load.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../test/fixtures/specs/${name}`, import.meta.url));

async function loadError(source: string, options: Parameters<typeof loadSpec>[1] = {}): Promise<FaultlineError> {
  const error = await loadSpec(source, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FaultlineError);
  return error as FaultlineError;
}

describe('loadSpec with references to other files', () => {
  it('mounts referenced files, follows cycles between them and back into the root file', async () => {
    const spec = await loadSpec(fixture('multi/root.yaml'));
    const op = spec.operations[0]!;
    expect(op.key).toBe('GET /owners/{ownerId}');
    expect(op.parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual(['path:ownerId:true']);
    const owner = spec.resolve(op.responses[0]?.content[0]?.schema) as { properties: { pets: { items: unknown }; address: unknown } };
    expect(owner.properties.address).toEqual({ $ref: '#/components/schemas/Address' });
    expect(spec.resolve(owner.properties.address)).toEqual({ type: 'object', properties: { city: { type: 'string' } } });
    const pet = spec.resolve(owner.properties.pets.items) as { properties: { owner: unknown; vet: unknown } };
    expect(spec.resolve(pet.properties.owner)).toBe(owner);
    const vet = spec.resolve(pet.properties.vet) as { properties: { patients: { items: unknown } } };
    expect(spec.resolve(vet.properties.patients.items)).toBe(pet);
    expect(spec.unresolvedRefs).toEqual([]);
  });

  it('mounts each file once, even when several files refer to it', async () => {
    const spec = await loadSpec(fixture('multi/root.yaml'));
    const mounted = Object.keys(spec.document['x-faultline-external'] as object);
    expect(mounted).toHaveLength(3);
    expect(mounted.filter((name) => name.endsWith('schemas.yaml'))).toHaveLength(1);
  });

  it('locates pointers inside a mounted file in that file, with its own lines', async () => {
    const spec = await loadSpec(fixture('multi/root.yaml'));
    const op = spec.operations[0]!;
    const schemaRef = (op.responses[0]?.content[0]?.schema as { $ref: string }).$ref;
    const pointer = `${schemaRef.slice(1)}/properties/pets/items`;
    expect(spec.locate([pointer, '/paths/~1owners~1{ownerId}/get']).get(pointer)).toEqual({
      file: fixture('multi/schemas.yaml'),
      pointer: '/Owner/properties/pets/items',
      line: 8,
    });
    expect(spec.locate(['/paths/~1owners~1{ownerId}/get']).get('/paths/~1owners~1{ownerId}/get')?.line).toBe(9);
  });

  describe('with a missing file', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'faultline-bundle-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('lists a schema reference to a missing file as unresolved', async () => {
      const root = join(dir, 'root.yaml');
      await writeFile(root, [
        'openapi: 3.0.0',
        'info: {title: t, version: "1"}',
        'paths: {}',
        'components:',
        '  schemas:',
        '    A:',
        "      $ref: 'gone.yaml#/A'",
      ].join('\n'));
      const spec = await loadSpec(root);
      expect(spec.unresolvedRefs).toEqual([{ ref: 'gone.yaml#/A', pointer: '/components/schemas/A' }]);
    });

    it('refuses a response reference to a missing file, naming the file and the line', async () => {
      const root = join(dir, 'root.yaml');
      await writeFile(root, [
        'openapi: 3.0.0',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /a:',
        '    get:',
        '      responses:',
        "        '200':",
        "          $ref: 'gone.yaml#/Ok'",
      ].join('\n'));
      const error = await loadError(root);
      expect(error.code).toBe('E_REF_UNRESOLVED');
      expect(error.message).toBe(`$ref 'gone.yaml#/Ok' leads nowhere (spec file not found: ${join(dir, 'gone.yaml')})`);
      expect(error.location).toEqual({ file: root, field: '/paths/~1a/get/responses/200/$ref', line: 8 });
    });

    it('refuses a reference to a fragment missing from an existing file, naming that file', async () => {
      const root = join(dir, 'root.yaml');
      await writeFile(join(dir, 'params.yaml'), 'Other:\n  name: x\n  in: query\n');
      await writeFile(root, [
        'openapi: 3.0.0',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /a:',
        '    get:',
        '      parameters:',
        "        - $ref: 'params.yaml#/Limit'",
        '      responses: {}',
      ].join('\n'));
      const error = await loadError(root);
      expect(error.code).toBe('E_REF_UNRESOLVED');
      expect(error.message).toBe("$ref 'params.yaml#/Limit' leads nowhere");
      expect(error.location).toEqual({ file: root, field: '/paths/~1a/get/parameters/0/$ref', line: 7 });
    });

    it('counts referenced files against maxBytes', async () => {
      const root = join(dir, 'root.yaml');
      await writeFile(join(dir, 'big.yaml'), `Big:\n  description: '${'x'.repeat(4000)}'\n`);
      await writeFile(root, 'openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: big.yaml#/Big\n');
      const error = await loadError(root, { maxBytes: 2000 });
      expect(error.code).toBe('E_SPEC_TOO_LARGE');
      expect(error.location?.file).toBe(join(dir, 'big.yaml'));
    });
  });
});

describe('loadSpec with a remote reference', () => {
  let dir: string;
  let server: Server;
  let requests: string[];
  let root: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-remote-'));
    requests = [];
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.setHeader('content-type', 'application/yaml');
      res.end('Pet:\n  type: object\n  properties:\n    name:\n      type: string\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    root = join(dir, 'root.yaml');
    await writeFile(root, [
      'openapi: 3.0.0',
      'info: {title: t, version: "1"}',
      'paths:',
      '  /pets:',
      '    get:',
      '      responses:',
      "        '200':",
      '          description: ok',
      '          content:',
      '            application/json:',
      '              schema:',
      `                $ref: 'http://127.0.0.1:${port}/x.yaml#/Pet'`,
    ].join('\n'));
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  it('is refused with E_REF_REMOTE by default, without contacting the host', async () => {
    const error = await loadError(root);
    expect(error.code).toBe('E_REF_REMOTE');
    expect(error.message).toMatch(/^remote \$ref 'http:\/\/127\.0\.0\.1:\d+\/x\.yaml#\/Pet' not followed \(pass --allow-remote-refs to allow it\)$/);
    expect(error.location).toEqual({ file: root, field: '/paths/~1pets/get/responses/200/content/application~1json/schema/$ref', line: 12 });
    expect(requests).toEqual([]);
  });

  it('is fetched and mounted when allowRemoteRefs is set', async () => {
    const spec = await loadSpec(root, { allowRemoteRefs: true });
    const schema = spec.operations[0]?.responses[0]?.content[0]?.schema;
    expect(spec.resolve(schema)).toEqual({ type: 'object', properties: { name: { type: 'string' } } });
    expect(requests).toEqual(['/x.yaml']);
  });
});

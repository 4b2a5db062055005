import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultlineError } from '../core/errors.js';
import { loadSpec, specFromText } from './load.js';

const broken = (name: string) => fileURLToPath(new URL(`../../test/fixtures/specs/broken/${name}`, import.meta.url));

async function loadError(source: string, options: Parameters<typeof loadSpec>[1] = {}): Promise<FaultlineError> {
  const error = await loadSpec(source, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FaultlineError);
  const faultline = error as FaultlineError;
  expect(faultline.message).not.toContain('\n');
  return faultline;
}

describe('loadSpec on input that is not a readable description', () => {
  it('reports a missing file as E_SPEC_NOT_FOUND naming the file', async () => {
    const error = await loadError(broken('no-such-file.yaml'));
    expect([error.code, error.message, error.location]).toEqual(['E_SPEC_NOT_FOUND', 'spec file not found', { file: broken('no-such-file.yaml') }]);
    expect(error.toLine()).toBe(`${broken('no-such-file.yaml')}: spec file not found`);
  });

  it('reports a directory as E_SPEC_READ', async () => {
    const error = await loadError(broken(''));
    expect([error.code, error.message, error.location]).toEqual(['E_SPEC_READ', 'is a directory, not a spec file', { file: broken('') }]);
  });

  it('reports invalid YAML as E_SPEC_PARSE with its line', async () => {
    const error = await loadError(broken('invalid.yaml'));
    expect(error.code).toBe('E_SPEC_PARSE');
    expect(error.message).toBe('invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]');
    expect(error.location).toEqual({ file: broken('invalid.yaml'), line: 8, column: 1 });
  });

  it('reports invalid JSON as E_SPEC_PARSE with the line and column V8 gives', async () => {
    const error = await loadError(broken('invalid.json'));
    expect([error.code, error.message, error.location]).toEqual([
      'E_SPEC_PARSE',
      'invalid JSON: Expected double-quoted property name',
      { file: broken('invalid.json'), line: 5, column: 39 },
    ]);
  });

  it('reports a bad JSON literal at its own line and column, which V8 does not give', async () => {
    const error = await loadError(broken('invalid-literal.json'));
    expect([error.code, error.message, error.location]).toEqual(['E_SPEC_PARSE', 'invalid JSON: unexpected "tru"', { file: broken('invalid-literal.json'), line: 5, column: 36 }]);
  });

  it('reports JSON that stops early at its last line', () => {
    expect(() => specFromText('{\n  "openapi": "3.0.0",\n  "paths":', 'cut.json')).toThrow(
      expect.objectContaining({ code: 'E_SPEC_PARSE', message: 'invalid JSON: unexpected end of text', location: { file: 'cut.json', line: 3, column: 11 } }),
    );
  });

  it('reports a YAML document that is not OpenAPI as E_SPEC_INVALID', async () => {
    const error = await loadError(broken('not-openapi.yaml'));
    expect([error.code, error.message, error.location]).toEqual([
      'E_SPEC_INVALID',
      "not an OpenAPI description: no 'openapi' (3.x) or 'swagger' (2.0) field at the top",
      { file: broken('not-openapi.yaml'), line: 1 },
    ]);
  });

  it('reports a JSON document that is not OpenAPI as E_SPEC_INVALID', async () => {
    const error = await loadError(broken('not-openapi.json'));
    expect(error.code).toBe('E_SPEC_INVALID');
    expect(error.location).toEqual({ file: broken('not-openapi.json'), line: 1 });
  });

  it('reports an unknown OpenAPI version at its field and line', async () => {
    const error = await loadError(broken('openapi-4.yaml'));
    expect([error.code, error.message, error.location]).toEqual([
      'E_SPEC_INVALID',
      'unsupported OpenAPI version "4.0.0" (faultline reads 3.0, 3.1, 3.2 and Swagger 2.0)',
      { file: broken('openapi-4.yaml'), field: '/openapi', line: 1 },
    ]);
  });

  it('reports paths that are not an object at its field and line', async () => {
    const error = await loadError(broken('paths-not-object.yaml'));
    expect([error.code, error.message, error.location]).toEqual([
      'E_SPEC_INVALID',
      "'paths' must be an object of path templates",
      { file: broken('paths-not-object.yaml'), field: '/paths', line: 5 },
    ]);
  });

  it('reports an empty file as not a description', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'faultline-empty-'));
    try {
      await writeFile(join(dir, 'empty.yaml'), '');
      const error = await loadError(join(dir, 'empty.yaml'));
      expect([error.code, error.message]).toEqual(['E_SPEC_INVALID', 'not an OpenAPI description: the document is not an object']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a file with two YAML documents', async () => {
    const error = await loadError(broken('two-documents.yaml'));
    expect([error.code, error.message, error.location?.line]).toEqual(['E_SPEC_PARSE', 'invalid YAML: the file holds more than one YAML document (---); a description is one document', 4]);
  });
});

describe('loadSpec on dangling references', () => {
  it('stops at a response $ref to nowhere, naming the reference, the pointer and the line', async () => {
    const error = await loadError(broken('dangling-refs.yaml'));
    expect([error.code, error.message, error.location]).toEqual([
      'E_REF_UNRESOLVED',
      "$ref '#/components/responses/Missing' leads nowhere",
      { file: broken('dangling-refs.yaml'), field: '/paths/~1pets/get/responses/404/$ref', line: 16 },
    ]);
  });

  it('only lists a dangling $ref inside a schema in unresolvedRefs', () => {
    const spec = specFromText([
      'openapi: 3.0.3',
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
      "                $ref: '#/components/schemas/Nowhere'",
    ].join('\n'));
    expect(spec.unresolvedRefs).toEqual([{ ref: '#/components/schemas/Nowhere', pointer: '/paths/~1pets/get/responses/200/content/application~1json/schema' }]);
    expect(spec.operations[0]?.responses[0]?.content[0]?.schema).toEqual({ $ref: '#/components/schemas/Nowhere' });
  });

  it('stops at a parameter $ref to nowhere', () => {
    expect(() => specFromText('openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    parameters:\n      - $ref: "#/components/parameters/Gone"\n')).toThrow(
      expect.objectContaining({ code: 'E_REF_UNRESOLVED', location: { file: 'inline.yaml', field: '/paths/~1a/parameters/0/$ref', line: 6 } }),
    );
  });

  it('follows a URI-encoded $ref fragment and does not choke on a malformed escape', () => {
    const spec = specFromText([
      'openapi: 3.0.3',
      'info: {title: t, version: "1"}',
      'paths: {}',
      'components:',
      '  schemas:',
      '    A B: {type: string}',
      "    C: {$ref: '#/components/schemas/A%20B'}",
      "    D: {$ref: '#/components/schemas/100%zz'}",
    ].join('\n'));
    expect(spec.resolve({ $ref: '#/components/schemas/A%20B' })).toEqual({ type: 'string' });
    expect(spec.unresolvedRefs.map((r) => r.ref)).toEqual(['#/components/schemas/100%zz']);
  });
});

describe('loadSpec on hostile YAML', () => {
  it('refuses a billion-laughs alias bomb quickly with E_SPEC_PARSE', async () => {
    const error = await loadError(broken('billion-laughs.yaml'));
    expect([error.code, error.message, error.location]).toEqual([
      'E_SPEC_PARSE',
      'invalid YAML: more than 1000 alias expansions (a "billion laughs" alias bomb?)',
      { file: broken('billion-laughs.yaml') },
    ]);
  });

  it('refuses an alias inside its own anchor instead of looping on a cyclic value', async () => {
    const error = await loadError(broken('recursive-alias.yaml'));
    expect(error.code).toBe('E_SPEC_PARSE');
    expect(error.message).toBe('invalid YAML: an alias refers to a node that contains it (a recursive structure cannot be an OpenAPI document)');
  });

  it('accepts an anchor shared by several places', () => {
    const spec = specFromText([
      'openapi: 3.0.0',
      'info: {title: t, version: "1"}',
      'paths:',
      '  /a:',
      '    get:',
      '      responses: &std',
      "        '500': {description: oops}",
      '    put:',
      '      responses: *std',
    ].join('\n'));
    expect(spec.operations.map((op) => op.responses[0]?.description)).toEqual(['oops', 'oops']);
  });
});

describe('loadSpec on large and deep files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-large-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function writeBigSpec(path: string, targetBytes: number): Promise<number> {
    const out = createWriteStream(path);
    const write = (chunk: string) => new Promise<void>((resolve) => (out.write(chunk) ? resolve() : out.once('drain', () => resolve())));
    await write('{"openapi":"3.0.3","info":{"title":"big","version":"1"},"paths":{');
    const filler = 'x'.repeat(400);
    let written = 0;
    let count = 0;
    while (written < targetBytes) {
      const batch: string[] = [];
      for (let i = 0; i < 2000; i++, count++) {
        batch.push(`${count === 0 ? '' : ','}"/items/${count}":{"get":{"operationId":"get${count}","description":"${filler}","responses":{"200":{"description":"ok"}}}}`);
      }
      const chunk = batch.join('');
      await write(chunk);
      written += chunk.length;
    }
    await write('}}');
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return count;
  }

  it('loads a valid 50 MB description within the default limit, and refuses it under a lower maxBytes', async () => {
    const path = join(dir, 'big.json');
    const count = await writeBigSpec(path, 50 * 1024 * 1024);
    expect((await stat(path)).size).toBeGreaterThan(50 * 1024 * 1024);
    const spec = await loadSpec(path);
    expect(spec.operations).toHaveLength(count);
    expect(spec.locate([`/paths/~1items~1${count - 1}/get`]).get(`/paths/~1items~1${count - 1}/get`)?.line).toBe(1);

    const error = await loadError(path, { maxBytes: 10 * 1024 * 1024 });
    expect([error.code, error.location]).toEqual(['E_SPEC_TOO_LARGE', { file: path }]);
    expect(error.message).toMatch(/^spec is 50\.\d MB, above the 10\.0 MB limit \(raise it with --max-spec-size\)$/);
  });

  it('refuses 50 MB of nested brackets with a clear E_SPEC_PARSE', async () => {
    const path = join(dir, 'deep.json');
    const half = 25 * 1024 * 1024;
    await writeFile(path, '['.repeat(half) + ']'.repeat(half));
    const error = await loadError(path);
    expect([error.code, error.message, error.location]).toEqual(['E_SPEC_PARSE', 'invalid JSON: nested more than 1000 levels deep', { file: path, line: 1, column: 1001 }]);
  });

  it('refuses 50 MB of nested YAML flow brackets with a clear E_SPEC_PARSE', async () => {
    const path = join(dir, 'deep.yaml');
    const half = 25 * 1024 * 1024;
    await writeFile(path, `openapi: 3.0.0\nx-deep: ${'['.repeat(half)}${']'.repeat(half)}\n`);
    const error = await loadError(path);
    expect([error.code, error.message, error.location]).toEqual(['E_SPEC_PARSE', 'invalid YAML: nested more than 1000 levels deep', { file: path, line: 2 }]);
  });

  it('refuses deep nesting inside an otherwise valid JSON description', async () => {
    const path = join(dir, 'deep-inside.json');
    await writeFile(path, `{\n"openapi": "3.0.0",\n"x-deep":\n${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}\n}`);
    const error = await loadError(path);
    expect([error.code, error.location?.line]).toEqual(['E_SPEC_PARSE', 4]);
  });

  it('reads JSON and YAML files that start with a UTF-8 byte order mark', async () => {
    const json = join(dir, 'bom.json');
    await writeFile(json, '\uFEFF{\n  "openapi": "3.0.0",\n  "info": {"title": "bom", "version": "1"},\n  "paths": {"/a": {"get": {"responses": {}}}}\n}\n');
    const yaml = join(dir, 'bom.yaml');
    await writeFile(yaml, '\uFEFFopenapi: 3.0.0\ninfo: {title: bom, version: "1"}\npaths:\n  /a:\n    get:\n      responses: {}\n');
    for (const path of [json, yaml]) {
      const spec = await loadSpec(path);
      expect(spec.info.title).toBe('bom');
      expect(spec.operations.map((op) => op.key)).toEqual(['GET /a']);
      expect(spec.locate(['/paths/~1a']).get('/paths/~1a')?.line).toBe(4);
    }
    expect(specFromText('\uFEFF{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}}').format).toBe('openapi-3.1');
  });
});

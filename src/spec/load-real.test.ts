import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSpec } from './load.js';

const real = (name: string) => fileURLToPath(new URL(`../../test/fixtures/specs/real/${name}`, import.meta.url));

describe('loadSpec on real public descriptions committed as fixtures', () => {
  it.each([
    ['petstore-2.0.yaml', 'swagger-2.0', 'Swagger Petstore', 20, 14],
    ['petstore-3.0.json', 'openapi-3.0', 'Swagger Petstore', 20, 14],
    ['uspto-3.0.yaml', 'openapi-3.0', 'USPTO Data Set API', 3, 3],
    ['readme-3.1.json', 'openapi-3.1', 'ReadMe API', 54, 28],
  ])('loads %s as %s with its operations', async (file, format, title, operationCount, pathCount) => {
    const spec = await loadSpec(real(file));
    expect(spec.format).toBe(format);
    expect(spec.info.title).toBe(title);
    expect(spec.operations).toHaveLength(operationCount);
    expect(spec.paths).toHaveLength(pathCount);
    expect(spec.unresolvedRefs).toEqual([]);
    const located = spec.locate(spec.operations.map((op) => op.pointer));
    for (const op of spec.operations) expect(located.get(op.pointer)?.line).toBeGreaterThan(1);
  });

  it('reads the Petstore 2.0 security, servers and form uploads', async () => {
    const spec = await loadSpec(real('petstore-2.0.yaml'));
    expect(spec.servers.map((s) => s.url)).toEqual(['http://petstore.swagger.io/v2']);
    expect(spec.securitySchemes.map((s) => `${s.name}:${s.type}`)).toEqual(['petstore_auth:oauth2', 'api_key:apiKey']);
    const upload = spec.operations.find((op) => op.operationId === 'uploadFile')!;
    expect(upload.requestBody?.content[0]?.mediaType).toBe('multipart/form-data');
    const inventory = spec.operations.find((op) => op.operationId === 'getInventory')!;
    expect(inventory.security).toEqual([{ schemes: [{ name: 'api_key', scopes: [] }] }]);
  });

  it('reads the same Petstore operations from its 2.0 and 3.0 descriptions', async () => {
    const [two, three] = await Promise.all([loadSpec(real('petstore-2.0.yaml')), loadSpec(real('petstore-3.0.json'))]);
    expect(three.operations.map((op) => op.key)).toEqual(two.operations.map((op) => op.key));
  });
});

// Stripe's description is too big to commit; it lives in the shared folder beside the repository.
const stripe = fileURLToPath(new URL('../../../shared/specs/stripe/spec3-2023-09-11.yaml', import.meta.url));

describe('loadSpec on large real descriptions', () => {
  it('loads Stripe’s 4 MB YAML description from ../shared/specs', async (ctx) => {
    if (!existsSync(stripe)) {
      if (process.env['CI'] === 'true') throw new Error(`${stripe} is missing: CI must have ../shared/specs beside the repository`);
      ctx.skip(`Stripe's description is not at ${stripe} on this machine`);
    }
    const spec = await loadSpec(stripe);
    expect(spec.format).toBe('openapi-3.0');
    expect(spec.operations).toHaveLength(468);
    expect(spec.unresolvedRefs).toEqual([]);
    const op = spec.operations.find((o) => o.key === 'GET /v1/customers/{customer}')!;
    expect(op.parameters.map((p) => p.name)).toContain('customer');
    const line = spec.locate([op.pointer]).get(op.pointer)?.line ?? 0;
    expect(line).toBeGreaterThan(1000);
  });

  it('loads GitHub’s 14 MB JSON description from @octokit/openapi', async () => {
    const spec = await loadSpec(fileURLToPath(new URL('../../node_modules/@octokit/openapi/generated/ghec.json', import.meta.url)));
    expect(spec.format).toBe('openapi-3.0');
    expect(spec.operations.length).toBeGreaterThan(1000);
    expect(spec.unresolvedRefs).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configJsonSchema } from './json-schema.js';

const published = JSON.parse(readFileSync(new URL('../../schema/faultline.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('schema/faultline.schema.json', () => {
  it('is the schema generated from the zod config (run scripts/write-config-schema.mjs after changing it)', () => {
    expect(published).toEqual(configJsonSchema());
  });

  it('accepts the documented example and rejects an unknown key', () => {
    const validate = new Ajv2020({ strict: false }).compile(published);
    const example = parse(readFileSync(new URL('../../docs/faultline.example.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...example, budgett: {} })).toBe(false);
  });
});

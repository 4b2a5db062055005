import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { causeIds, isCauseId } from '../src/core/causes.js';
import { cleanOperations, plantedFaults } from './faults.js';
import { demoSpecPath } from './shop.js';

interface Spec {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, unknown>>;
}

const spec = parse(readFileSync(demoSpecPath(), 'utf8')) as Spec;

function specHas(key: string): boolean {
  const [method, path] = key.split(' ');
  return method !== undefined && path !== undefined && method === method.toUpperCase() && spec.paths[path]?.[method.toLowerCase()] !== undefined;
}

describe('the demo fault manifest', () => {
  it('is described by an OpenAPI 3.0.3 document', () => {
    expect(spec.openapi).toBe('3.0.3');
  });

  it('names only operations that exist in demo/openapi.yaml', () => {
    const missing = plantedFaults.map((f) => f.operation).filter((op): op is string => op !== null && !specHas(op));
    expect(missing).toEqual([]);
  });

  it('lists clean operations that all exist in demo/openapi.yaml', () => {
    expect(cleanOperations.filter((op) => !specHas(op))).toEqual([]);
  });

  it('plants at least one fault for every one of the eleven causes', () => {
    const covered = new Set(plantedFaults.map((f) => f.cause));
    expect(causeIds.filter((cause) => !covered.has(cause))).toEqual([]);
    expect(plantedFaults.every((f) => isCauseId(f.cause))).toBe(true);
  });

  it('never lists an operation as both planted and clean', () => {
    const planted = new Set(plantedFaults.map((f) => f.operation));
    expect(cleanOperations.filter((op) => planted.has(op))).toEqual([]);
  });

  it('gives every planted fault a description and a well-formed check id when it names one', () => {
    for (const fault of plantedFaults) {
      expect(fault.description.length).toBeGreaterThan(10);
      if (fault.check !== undefined) expect(fault.check).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
    }
  });
});

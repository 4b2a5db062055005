import { describe, expect, it } from 'vitest';
import { defineCheck } from '../checks/define.js';
import type { Check } from '../checks/types.js';
import { specFromObject } from '../spec/load.js';
import { finalReport, type EngineEvent } from './events.js';
import { runLint } from './lint-runner.js';

const spec = specFromObject(
  {
    openapi: '3.0.3',
    info: { title: 'Pets', version: '2.1' },
    paths: { '/pets': { get: { responses: { '200': { description: 'ok' } } } } },
  },
  'pets.json',
);

function lintCheck(id: `${string}.${string}`, run: Check<'lint'>['run']): Check<'lint'> {
  return defineCheck({ id, cause: 'poor-design-docs', kind: 'lint', severity: 'low', summary: `summary ${id}`, explanation: 'x', remedy: 'y', run });
}

const noSummary = lintCheck('lint.no-summary', function* ({ spec: model }) {
  for (const op of model.operations) if (!op.summary) yield { operation: op.key, pointer: op.pointer, detail: `${op.key} has no summary` };
});
const crashing = lintCheck('lint.crashing', function* () {
  throw new Error('kaput');
});
const asynchronous = lintCheck('lint.async', async function* () {
  yield { detail: 'about the whole API' };
});

describe('runLint', () => {
  it('reports each finding with the file and line of its pointer, and the spec it read', async () => {
    const report = await finalReport(runLint(spec, [noSummary]));
    expect(report.kind).toBe('lint');
    expect(report.spec).toEqual({ source: 'pets.json', openapi: '3.0.3', title: 'Pets', version: '2.1' });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ check: 'lint.no-summary', operation: 'GET /pets', detail: 'GET /pets has no summary', location: { file: 'pets.json', pointer: '/paths/~1pets/get' } });
    // specFromObject prints the document with two-space indentation: "get" is on line 9.
    expect(report.findings[0]!.location?.line).toBe(9);
    expect(report.stats).toEqual({ operations: 1, checks: 1, findings: 1 });
  });

  it('runs async checks, and records a crashing check as check-crashed and a note without losing the others', async () => {
    const events: EngineEvent[] = [];
    const report = await finalReport(runLint(spec, [crashing, asynchronous, noSummary]), (event) => events.push(event));
    expect(events.map((e) => e.type)).toEqual(['run-started', 'phase-started', 'check-crashed', 'finding', 'finding', 'phase-finished', 'run-finished']);
    expect(events).toContainEqual({ type: 'check-crashed', check: 'lint.crashing', message: 'kaput' });
    expect(report.notes).toEqual(['check lint.crashing crashed: kaput']);
    expect(report.findings.map((f) => f.check)).toEqual(['lint.async', 'lint.no-summary']);
    expect(report.findings[0]!.location).toBeUndefined();
  });
});

describe('finalReport', () => {
  it('fails when the stream ends without a run-finished event', async () => {
    async function* truncated(): AsyncGenerator<EngineEvent> {
      yield { type: 'note', message: 'only this' };
    }
    await expect(finalReport(truncated())).rejects.toThrow('engine ended without a run-finished event');
  });
});

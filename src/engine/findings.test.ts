import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { defineCheck } from '../checks/define.js';
import { FindingDeduplicator, toFinding } from './findings.js';

const check = defineCheck({
  id: 'lint.sample',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'low',
  summary: 'The summary',
  explanation: 'why',
  remedy: 'what to do',
  *run() {},
});

const evidence = {
  request: { method: 'GET', url: 'http://127.0.0.1/x', headers: {} },
  response: { status: 418, headers: {} },
  curl: 'curl http://127.0.0.1/x',
};

describe('toFinding', () => {
  it('takes id, cause, severity, title and remedy from the check and the specifics from the draft', () => {
    expect(toFinding(check, { detail: 'd' })).toEqual({
      check: 'lint.sample',
      cause: 'poor-design-docs',
      severity: 'low',
      operation: null,
      status: null,
      title: 'The summary',
      detail: 'd',
      remedy: 'what to do',
      evidence: [],
    });
  });

  it('lets the draft override the title and severity, and adds the location when there is one', () => {
    const finding = toFinding(check, { detail: 'd', title: 'Own title', severity: 'high', operation: 'GET /x' }, { file: 'api.yaml', pointer: '/paths/~1x', line: 7 });
    expect(finding).toMatchObject({ title: 'Own title', severity: 'high', operation: 'GET /x', location: { file: 'api.yaml', line: 7 } });
  });

  it('takes the status from the first evidence with a response unless the draft gives one', () => {
    expect(toFinding(check, { detail: 'd', evidence: [{ ...evidence, response: null }, evidence] }).status).toBe(418);
    expect(toFinding(check, { detail: 'd', status: 500, evidence: [evidence] }).status).toBe(500);
    expect(toFinding(check, { detail: 'd', status: null, evidence: [evidence] }).status).toBe(418);
  });
});

describe('FindingDeduplicator', () => {
  const base: Finding = toFinding(check, { detail: 'first', operation: 'GET /x' });

  it('keeps the first of identical findings and counts the repeats', () => {
    const dedupe = new FindingDeduplicator();
    expect(dedupe.add(base)).toBe(true);
    expect(dedupe.add({ ...base, detail: 'second' })).toBe(false);
    expect(dedupe.add({ ...base, detail: 'third' })).toBe(false);
    expect(dedupe.findings()).toEqual([{ ...base, count: 3 }]);
  });

  it('tells findings apart by check, operation, location and title, and leaves a single one without a count', () => {
    const dedupe = new FindingDeduplicator();
    const variants: Finding[] = [
      base,
      { ...base, check: 'lint.other' },
      { ...base, operation: 'GET /y' },
      { ...base, operation: null },
      { ...base, title: 'Other title' },
      { ...base, location: { file: 'a.yaml', pointer: '/a' } },
      { ...base, location: { file: 'a.yaml', pointer: '/b' } },
    ];
    for (const finding of variants) expect(dedupe.add(finding)).toBe(true);
    expect(dedupe.findings()).toEqual(variants);
    expect(dedupe.findings().every((f) => f.count === undefined)).toBe(true);
  });
});

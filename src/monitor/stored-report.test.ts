import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../core/finding.js';
import { Redactor, secretsFromCredentials } from '../core/redact.js';
import { openTempSqlite } from '../store/test-stores.js';
import type { TestStore } from '../store/test-stores.js';
import { scorecardOf, storeReport } from './stored-report.js';

const token = 'tok-9f8e7d6c5b4a-secret';

function finding(cause: Finding['cause']): Finding {
  return {
    check: 'x.y',
    cause,
    severity: 'high',
    operation: 'GET /pets',
    status: 200,
    title: 't',
    detail: `sent Bearer ${token}`,
    remedy: 'r',
    evidence: [{ request: { method: 'GET', url: 'http://127.0.0.1/pets', headers: { authorization: `Bearer ${token}` } }, response: null, curl: `curl -H 'authorization: Bearer ${token}' http://127.0.0.1/pets` }],
  };
}

const report: Report = {
  schema: 'faultline/report@1',
  tool: { name: 'faultline', version: '0.1.0' },
  kind: 'audit',
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:01:00.000Z',
  findings: [finding('permissions'), finding('permissions'), finding('bad-urls')],
  stats: {},
  notes: [],
};

describe('stored reports', () => {
  let handle: TestStore;
  beforeEach(async () => {
    handle = await openTempSqlite();
  });
  afterEach(async () => {
    await handle.dispose();
  });

  it('counts findings per cause for the scorecard', () => {
    expect(scorecardOf(report)).toEqual({ permissions: 2, 'bad-urls': 1 });
  });

  it('stores a redacted report, so no credential reaches the database', async () => {
    const redactor = new Redactor(secretsFromCredentials([{ name: 'admin', headers: { Authorization: `Bearer ${token}` } }]));
    const stored = await storeReport(handle.store, redactor, 'nightly', report);
    expect(stored).toMatchObject({ monitorName: 'nightly', kind: 'audit', findings: 3, createdAt: Date.parse(report.finishedAt), scorecard: { permissions: 2, 'bad-urls': 1 } });
    const text = JSON.stringify(await handle.store.getReport(stored.id));
    expect(text).not.toContain(token);
    expect(text).toContain('«redacted:');
  });
});

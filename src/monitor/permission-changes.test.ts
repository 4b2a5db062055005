import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PermissionMatrix, PermissionVerdict } from '../core/permission-matrix.js';
import { openTempSqlite } from '../store/test-stores.js';
import type { TestStore } from '../store/test-stores.js';
import { baselineBefore, latestMatrix, permissionAlerts } from './permission-changes.js';

/** One row, DELETE /x requiring admin, with the reader's and the admin's verdicts. */
function matrix(reader: PermissionVerdict, admin: PermissionVerdict = 'allowed'): PermissionMatrix {
  const status = (verdict: PermissionVerdict) => ({ allowed: 204, violation: 204, denied: 403, 'over-denied': 403, error: 500, untested: null })[verdict];
  return {
    roles: ['anonymous', 'admin', 'reader'],
    rows: [
      {
        operation: 'DELETE /x',
        group: '/x',
        requires: 'oauth (admin)',
        cells: {
          anonymous: { expected: 'denied', status: 401, verdict: 'denied' },
          admin: { expected: 'allowed', status: status(admin), verdict: admin },
          reader: { expected: 'denied', status: status(reader), verdict: reader },
        },
      },
    ],
  };
}

describe('comparing a permission audit with its earlier runs', () => {
  let handle: TestStore;
  beforeEach(async () => {
    handle = await openTempSqlite();
  });
  afterEach(() => handle.dispose());

  async function store(permissionMatrix: PermissionMatrix | undefined, monitorName = 'perms'): Promise<number> {
    const report = { schema: 'faultline/report@1', findings: [], ...(permissionMatrix ? { permissionMatrix } : {}) };
    return (await handle.store.addReport({ monitorName, kind: 'audit', createdAt: Date.now(), report, scorecard: {}, findings: 0 })).id;
  }

  async function alertsFor(id: number, current: PermissionMatrix) {
    const baseline = await baselineBefore(handle.store, 'perms', id);
    return baseline ? permissionAlerts('perms', baseline, current, id, 0) : undefined;
  }

  it('has nothing to compare on the first run with a matrix, whatever came before it', async () => {
    await store(undefined);
    await store(matrix('denied'), 'other-monitor');
    const first = await store(matrix('violation'));
    expect(await alertsFor(first, matrix('violation'))).toBeUndefined();
  });

  it('compares a cell the previous run left untested with the run before it that tested it', async () => {
    const tested = await store(matrix('denied'));
    await store(matrix('untested'));
    const now = await store(matrix('violation'));
    const alerts = await alertsFor(now, matrix('violation'));
    expect(alerts?.map((a) => [a.role, a.from, a.to, a.status, a.isRegression, a.previousReportId, a.subject])).toEqual([['reader', 'denied', 'violation', 204, true, tested, `permission:${now}:DELETE /x:reader`]]);
  });

  it('alerts changes to and from violation, over-denied and error, and leaves allowed ↔ denied to the report', async () => {
    await store(matrix('denied', 'allowed'));
    const now = await store(matrix('error', 'over-denied'));
    expect((await alertsFor(now, matrix('error', 'over-denied')))?.map((a) => a.sentence)).toEqual([
      'admin on DELETE /x: allowed → over-denied (403), admin qualifies (requires oauth (admin)) and the API now refuses it',
      'reader on DELETE /x: denied → error (500), the API now fails with a server error for reader',
    ]);
    const flipped: PermissionMatrix = { ...matrix('denied'), rows: matrix('denied').rows.map((row) => ({ ...row, cells: { ...row.cells, reader: { expected: 'allowed', status: 204, verdict: 'allowed' } } })) };
    const later = await store(flipped);
    expect((await alertsFor(later, flipped))?.map((a) => [a.role, a.from, a.to])).toEqual([
      ['admin', 'over-denied', 'allowed'],
      ['reader', 'error', 'allowed'],
    ]);
    // The reader's scopes shrank back: allowed → denied agrees with the spec on both sides.
    const back = await store(matrix('denied'));
    expect(await alertsFor(back, matrix('denied'))).toEqual([]);
  });

  it('finds the newest stored matrix of a monitor for the JSON API', async () => {
    await store(matrix('denied'));
    const newest = await store(matrix('violation'));
    await store(undefined);
    expect(await latestMatrix(handle.store, 'perms')).toMatchObject({ reportId: newest, matrix: matrix('violation') });
    expect(await latestMatrix(handle.store, 'nobody')).toBeUndefined();
  });
});

import { isProblem, matrixChanges } from '../core/permission-matrix.js';
import type { PermissionCell, PermissionMatrix, PermissionRow, PermissionVerdict } from '../core/permission-matrix.js';
import type { Store } from '../store/types.js';
import type { PermissionChangeAlert } from './alert-channels.js';

/** How many earlier runs may fill the cells the previous run left untested. */
const lookBackRuns = 10;

/** The permission matrix a stored report carries, when it carries one. */
export function storedMatrix(report: unknown): PermissionMatrix | undefined {
  const matrix = (report as { permissionMatrix?: unknown } | null)?.permissionMatrix as PermissionMatrix | undefined;
  return matrix && Array.isArray(matrix.roles) && Array.isArray(matrix.rows) ? matrix : undefined;
}

/** The newest stored report of a monitor that carries a matrix (for the JSON API). */
export async function latestMatrix(store: Store, monitorName: string): Promise<{ reportId: number; createdAt: number; matrix: PermissionMatrix } | undefined> {
  for (const summary of await store.listReports({ monitorName, limit: lookBackRuns })) {
    const matrix = storedMatrix((await store.getReport(summary.id))?.report);
    if (matrix) return { reportId: summary.id, createdAt: summary.createdAt, matrix };
  }
  return undefined;
}

export interface Baseline {
  /** The run just before this one, its untested cells filled from older runs. */
  readonly matrix: PermissionMatrix;
  /** The report each cell's verdict came from. */
  reportOf(operation: string, role: string): number;
}

/**
 * What the monitor's earlier runs last saw in each cell, for comparing with the run stored as
 * `reportId`. An untested cell says nothing (the budget ran out, the API was briefly down), so it takes
 * the verdict of the newest older run that tested it: otherwise a cell that went denied → untested →
 * violation would never alert, since neither step is a change between two tested verdicts.
 * Undefined on the monitor's first run with a matrix.
 */
export async function baselineBefore(store: Store, monitorName: string, reportId: number): Promise<Baseline | undefined> {
  const earlier = (await store.listReports({ monitorName, limit: lookBackRuns + 1 })).filter((r) => r.id < reportId).slice(0, lookBackRuns);
  const rows = new Map<string, Map<string, { cell: PermissionCell; reportId: number }>>();
  const shapes = new Map<string, Omit<PermissionRow, 'cells'>>();
  let roles: readonly string[] | undefined;
  for (const summary of earlier) {
    const matrix = storedMatrix((await store.getReport(summary.id))?.report);
    if (!matrix) continue;
    if (!roles) {
      roles = matrix.roles;
      for (const { cells: _cells, ...shape } of matrix.rows) shapes.set(shape.operation, shape);
    }
    for (const row of matrix.rows) {
      if (!shapes.has(row.operation)) continue; // gone from the API since: the previous run's rows decide
      const cells = rows.get(row.operation) ?? new Map<string, { cell: PermissionCell; reportId: number }>();
      rows.set(row.operation, cells);
      for (const [role, cell] of Object.entries(row.cells)) {
        if (!roles.includes(role)) continue;
        const known = cells.get(role);
        if (!known || known.cell.verdict === 'untested') cells.set(role, known && cell.verdict === 'untested' ? known : { cell, reportId: summary.id });
      }
    }
    const isComplete = [...rows.values()].every((cells) => [...cells.values()].every(({ cell }) => cell.verdict !== 'untested'));
    if (isComplete) break;
  }
  if (!roles) return undefined;
  const matrix: PermissionMatrix = {
    roles,
    rows: [...shapes.values()].map((shape) => ({ ...shape, cells: Object.fromEntries([...(rows.get(shape.operation) ?? [])].map(([role, { cell }]) => [role, cell])) })),
  };
  return { matrix, reportOf: (operation, role) => rows.get(operation)?.get(role)?.reportId ?? earlier[0]?.id ?? reportId };
}

/**
 * The changes worth an alert: to or from violation, over-denied or error. A change between allowed and
 * denied agrees with the spec on both sides (the spec or the role's scopes changed, not the API's
 * behaviour), so it is left to the report.
 */
export function permissionAlerts(monitor: string, baseline: Baseline, current: PermissionMatrix, reportId: number, at: number): PermissionChangeAlert[] {
  const rows = new Map(current.rows.map((row) => [row.operation, row]));
  return matrixChanges(baseline.matrix, current)
    .filter((change) => isProblem(change.from) || isProblem(change.to))
    .map((change) => {
      const requires = rows.get(change.operation)?.requires ?? 'unknown';
      const isRegression = isProblem(change.to);
      return {
        kind: 'permission-change',
        monitor,
        subject: `permission:${reportId}:${change.operation}:${change.role}`,
        isRegression,
        operation: change.operation,
        role: change.role,
        requires,
        from: change.from,
        to: change.to,
        status: change.status,
        reportId,
        previousReportId: baseline.reportOf(change.operation, change.role),
        sentence: `${change.role} on ${change.operation}: ${change.from} → ${change.to}${change.status === null ? '' : ` (${change.status})`}, ${meaning(change.to, change.role, requires)}`,
        at: new Date(at).toISOString(),
      };
    });
}

function meaning(to: PermissionVerdict, role: string, requires: string): string {
  if (to === 'violation') return `the spec does not let ${role} do this (requires ${requires}) and the API now allows it`;
  if (to === 'over-denied') return `${role} qualifies (requires ${requires}) and the API now refuses it`;
  if (to === 'error') return `the API now fails with a server error for ${role}`;
  return 'no longer a problem';
}

/**
 * Every role, and anonymous, against every operation: what the spec says each may do (from the
 * operation's security alternatives and the role's scopes) beside what the API did. A permission audit
 * exists to show this whole picture, and to notice when one cell changes between two runs.
 */
export type PermissionVerdict = 'allowed' | 'denied' | 'violation' | 'over-denied' | 'error' | 'untested';

/** The principal name used for requests sent without any credentials. */
export const anonymousPrincipal = 'anonymous';

export interface PermissionCell {
  /** What the spec says: the role qualifies for the operation ('allowed') or does not ('denied'). */
  readonly expected: 'allowed' | 'denied';
  /** The status the API answered, null when nothing was sent or no response came. */
  readonly status: number | null;
  /**
   * allowed: 2xx where the role qualifies. denied: 401/403/404 where it does not. violation: 2xx where
   * it does not. over-denied: 401/403 where it qualifies. error: 5xx. untested: see `why`.
   */
  readonly verdict: PermissionVerdict;
  /** Why a cell is untested, or what else is worth knowing about it. */
  readonly why?: string;
  /** The check whose finding reports this cell (a violation or an over-denial). */
  readonly finding?: string;
}

export interface PermissionRow {
  /** 'METHOD /path/template'. */
  readonly operation: string;
  /** The operation's first tag, or its first path segment: how the grid groups rows. */
  readonly group: string;
  /** The security requirement as a reader says it: 'shopAuth (admin)', 'none' for a public operation. */
  readonly requires: string;
  /** By principal name: 'anonymous' and each configured role. */
  readonly cells: Readonly<Record<string, PermissionCell>>;
}

export interface PermissionMatrix {
  /** Column order: 'anonymous' first, then the configured roles. */
  readonly roles: readonly string[];
  readonly rows: readonly PermissionRow[];
}

/** A cell whose verdict is a problem the report should show in red. */
export function isProblem(verdict: PermissionVerdict): boolean {
  return verdict === 'violation' || verdict === 'over-denied' || verdict === 'error';
}

/**
 * The cells whose verdict differs between two matrices of the same API, for alerting: a role that was
 * denied and is now allowed is the regression a permission audit exists to catch.
 */
export function matrixChanges(before: PermissionMatrix, after: PermissionMatrix): { operation: string; role: string; from: PermissionVerdict; to: PermissionVerdict; status: number | null }[] {
  const previous = new Map(before.rows.map((row) => [row.operation, row]));
  const changes: { operation: string; role: string; from: PermissionVerdict; to: PermissionVerdict; status: number | null }[] = [];
  for (const row of after.rows) {
    const old = previous.get(row.operation);
    if (!old) continue;
    for (const [role, cell] of Object.entries(row.cells)) {
      const was = old.cells[role];
      // An untested cell says nothing about the API; neither side of a change may be one.
      if (!was || was.verdict === 'untested' || cell.verdict === 'untested' || was.verdict === cell.verdict) continue;
      changes.push({ operation: row.operation, role, from: was.verdict, to: cell.verdict, status: cell.status });
    }
  }
  return changes;
}

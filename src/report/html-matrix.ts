import type { Finding } from '../core/finding.js';
import { isProblem, type PermissionCell, type PermissionMatrix } from '../core/permission-matrix.js';
import { escapeHtml } from './html-escape.js';

const verdictText: Record<PermissionCell['verdict'], string> = {
  allowed: 'allowed',
  denied: 'denied',
  violation: 'VIOLATION',
  'over-denied': 'over-denied',
  error: 'error',
  untested: 'untested',
};

function cellHtml(role: string, cell: PermissionCell | undefined, findingAnchor: (check: string) => string | undefined): string {
  if (!cell) return '<td class="pm-cell pm-none">—</td>';
  const title = `${role}: expected ${cell.expected}, ${cell.status === null ? 'no response' : `answered ${cell.status}`} → ${cell.verdict}${cell.why ? ` (${cell.why})` : ''}`;
  const anchor = cell.finding ? findingAnchor(cell.finding) : undefined;
  const status = cell.status === null ? '—' : String(cell.status);
  const body = `<span class="pm-status">${escapeHtml(status)}</span><span class="pm-verdict">${escapeHtml(verdictText[cell.verdict])}</span>`;
  return (
    `<td class="pm-cell pm-${escapeHtml(cell.verdict)}" data-role="${escapeHtml(role)}" data-verdict="${escapeHtml(cell.verdict)}" title="${escapeHtml(title)}">` +
    (anchor ? `<a href="#${anchor}">${body}</a>` : body) +
    '</td>'
  );
}

/**
 * The permission matrix as a grid: roles as columns, operations grouped by tag or path as rows, each
 * cell coloured by verdict with the status seen, linked to the finding that reports it; a switch shows
 * only the rows with a violation.
 */
export function matrixSection(matrix: PermissionMatrix | undefined, findings: readonly Finding[]): string {
  if (!matrix || matrix.rows.length === 0) return '';
  const findingAnchor = (operation: string) => (check: string) => {
    const index = findings.findIndex((f) => f.check === check && f.operation === operation);
    return index >= 0 ? `finding-${index}` : undefined;
  };
  const groups = new Map<string, typeof matrix.rows>();
  for (const row of matrix.rows) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
  const violations = matrix.rows.filter((row) => Object.values(row.cells).some((c) => c.verdict === 'violation')).length;
  const problems = matrix.rows.filter((row) => Object.values(row.cells).some((c) => isProblem(c.verdict))).length;
  const head = `<tr><th scope="col">Operation</th><th scope="col">Requires</th>${matrix.roles.map((r) => `<th scope="col">${escapeHtml(r)}</th>`).join('')}</tr>`;
  const body = [...groups]
    .map(([group, rows]) => {
      const groupRow = `<tr class="pm-group"><th colspan="${matrix.roles.length + 2}" scope="rowgroup">${escapeHtml(group)}</th></tr>`;
      const lines = rows.map((row) => {
        const hasViolation = Object.values(row.cells).some((c) => c.verdict === 'violation');
        const cells = matrix.roles.map((role) => cellHtml(role, row.cells[role], findingAnchor(row.operation))).join('');
        return `<tr class="pm-row" data-operation="${escapeHtml(row.operation)}" data-violation="${hasViolation}"><th scope="row"><code>${escapeHtml(row.operation)}</code></th><td class="pm-requires">${escapeHtml(row.requires)}</td>${cells}</tr>`;
      });
      return groupRow + lines.join('');
    })
    .join('');
  return (
    '<section class="matrix" aria-label="Permission matrix" data-testid="permission-matrix">' +
    `<h2>Permission matrix</h2><p class="pm-summary">${matrix.rows.length} operations × ${matrix.roles.length} principals; ${violations} operation${violations === 1 ? '' : 's'} with a violation, ${problems} with any problem.</p>` +
    '<label class="pm-filter"><input type="checkbox" data-testid="matrix-violations-only"> Only rows with a violation</label>' +
    `<div class="pm-scroll"><table class="pm-grid"><thead>${head}</thead><tbody>${body}</tbody></table></div>` +
    '<p class="pm-legend"><span class="pm-cell pm-allowed">allowed</span> <span class="pm-cell pm-denied">denied</span> <span class="pm-cell pm-violation">violation</span> <span class="pm-cell pm-over-denied">over-denied</span> <span class="pm-cell pm-error">error (5xx)</span> <span class="pm-cell pm-untested">untested</span></p>' +
    '</section>'
  );
}

import type { Finding, Report } from '../core/finding.js';
import { suggestedBump } from './run-diff.js';
import type { DiffLevel } from './types.js';

/** GitHub refuses comments above 65,536 characters; details stop well before that. */
const maxCommentChars = 60_000;

function levelOfSeverity(finding: Finding): DiffLevel {
  if (finding.severity === 'high' || finding.severity === 'critical') return 'breaking';
  return finding.severity === 'medium' ? 'warning' : 'info';
}
const badge: Readonly<Record<DiffLevel, string>> = { breaking: '🔴 breaking', warning: '🟡 warning', info: '⚪ info' };
const rank: Readonly<Record<DiffLevel, number>> = { breaking: 0, warning: 1, info: 2 };

// Text from a spec goes into a comment GitHub renders: no HTML, no @mentions, no control characters.
function escapeText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;');
}

function code(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}

function findingLine(finding: Finding): string {
  const lines = finding.detail.split('\n');
  const pointers = lines[lines.length - 1]?.startsWith('old: ') ? lines.pop()! : undefined;
  const [first = '', ...rest] = lines;
  let line = `- ${badge[levelOfSeverity(finding)]} ${code(finding.check)}: ${escapeText(first)}`;
  for (const extra of rest) line += ` _${escapeText(extra)}_`;
  if (pointers) {
    const match = /^old: (.*?)  new: (.*)$/.exec(pointers);
    if (match) line += ` <sub>old ${match[1] === '—' ? '—' : code(match[1]!)} · new ${match[2] === '—' ? '—' : code(match[2]!)}</sub>`;
  }
  return line;
}

function groupByOperation(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = finding.operation ?? '';
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const worst = (list: Finding[]) => Math.min(...list.map((f) => rank[levelOfSeverity(f)]));
  return [...groups.entries()]
    .map(([key, list]): [string, Finding[]] => [key, [...list].sort((a, b) => rank[levelOfSeverity(a)] - rank[levelOfSeverity(b)])])
    .sort((a, b) => worst(a[1]) - worst(b[1]) || (a[0] === '' ? -1 : b[0] === '' ? 1 : a[0].localeCompare(b[0])));
}

function sections(findings: readonly Finding[], budget: { left: number; omitted: number }): string[] {
  const out: string[] = [];
  for (const [operation, list] of groupByOperation(findings)) {
    const heading = operation === '' ? '**API-wide**' : `**${code(operation)}**`;
    const lines = list.map(findingLine);
    const block = [heading, ...lines, ''];
    const size = block.join('\n').length;
    if (size > budget.left) {
      budget.omitted += list.length;
      continue;
    }
    budget.left -= size;
    out.push(...block);
  }
  return out;
}

/**
 * A pull-request comment for a diff report: counts by level and cause, the suggested version bump, then
 * the breaking changes and warnings grouped by operation, with the info-level changes folded away.
 *
 * @example
 * await writeFile('diff.md', renderDiffMarkdown(runDiff(oldSpec, newSpec)));
 */
export function renderDiffMarkdown(report: Report): string {
  const byLevel = (level: DiffLevel) => report.findings.filter((f) => levelOfSeverity(f) === level);
  const count = (level: DiffLevel, cause?: string) => byLevel(level).filter((f) => cause === undefined || f.cause === cause).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const bump = suggestedBump(report);
  const lines = [
    `### faultline diff: ${plural(count('breaking'), 'breaking change')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`,
    '',
  ];
  const note = (prefix: string) => report.notes.find((n) => n.startsWith(prefix))?.slice(prefix.length);
  const oldName = note('old: ');
  const newName = note('new: ');
  if (oldName && newName) lines.push(`Comparing ${code(oldName)} → ${code(newName)}.`, '');
  lines.push(`**Suggested version bump: ${bump}**`, '');
  for (const extra of report.notes.filter((n) => !/^(old|new|suggested version bump): /.test(n))) lines.push(`> ${escapeText(extra)}`, '');
  lines.push('| level | expiring APIs | bad URLs | total |', '|---|---:|---:|---:|');
  for (const level of ['breaking', 'warning', 'info'] as const) {
    lines.push(`| ${badge[level]} | ${count(level, 'expiring-apis')} | ${count(level, 'bad-urls')} | ${count(level)} |`);
  }
  lines.push('');
  if (report.findings.length === 0) {
    lines.push('No changes that affect clients.', '');
    return `${lines.join('\n')}\n`;
  }
  const budget = { left: maxCommentChars - lines.join('\n').length, omitted: 0 };
  const important = report.findings.filter((f) => levelOfSeverity(f) !== 'info');
  if (important.length > 0) lines.push('#### Breaking changes and warnings', '', ...sections(important, budget));
  const info = byLevel('info');
  if (info.length > 0) {
    const body = sections(info, budget);
    if (body.length > 0) lines.push(`<details><summary>${plural(info.length, 'info-level change')}</summary>`, '', ...body, '</details>', '');
  }
  if (budget.omitted > 0) lines.push(`_${plural(budget.omitted, 'more finding')} did not fit in this comment; see report.json from \`--out\`._`, '');
  return `${lines.join('\n')}\n`;
}

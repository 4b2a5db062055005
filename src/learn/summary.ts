import type { LearnSummary } from './to-openapi.js';

const shownUncertain = 8;

/** A few lines for the terminal: what was learnt, from how much, and where it is a guess. */
export function formatSummary(summary: LearnSummary, out?: string): string {
  const skipped = Object.entries(summary.skipped).filter(([, n]) => n > 0);
  const lines = [
    `learnt ${summary.operations} operation${summary.operations === 1 ? '' : 's'} from ${summary.samples} sample${summary.samples === 1 ? '' : 's'}${skipped.length > 0 ? ` (left out: ${skipped.map(([why, n]) => `${n} ${why}`).join(', ')})` : ''}${out ? `, written to ${out}` : ''}`,
  ];
  if (summary.securitySchemes.length > 0) lines.push(`security schemes: ${summary.securitySchemes.join(', ')} (credential values are never recorded)`);
  if (summary.uncertain.length > 0) {
    lines.push('uncertain:');
    for (const line of summary.uncertain.slice(0, shownUncertain)) lines.push(`  - ${line}`);
    if (summary.uncertain.length > shownUncertain) lines.push(`  - and ${summary.uncertain.length - shownUncertain} more`);
  }
  return `${lines.join('\n')}\n`;
}

export const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof severities)[number];

const rank: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** True when `severity` is at least as serious as `threshold`. */
export function reaches(severity: Severity, threshold: Severity): boolean {
  return rank[severity] >= rank[threshold];
}

export function compareSeverity(a: Severity, b: Severity): number {
  return rank[b] - rank[a];
}

export function isSeverity(value: string): value is Severity {
  return (severities as readonly string[]).includes(value);
}

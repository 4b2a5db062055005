import { FaultlineError } from './errors.js';

const durationUnits: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const sizeUnits: Record<string, number> = { b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

/** Parse '500ms', '5s', '3m', '1h' or a bare number of milliseconds. */
export function parseDurationMs(value: string | number, field = 'duration'): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(String(value));
  if (!match) throw new FaultlineError('E_USAGE', `not a duration: '${value}' (use e.g. 500ms, 5s, 3m)`, { location: { field } });
  return Math.round(Number(match[1]) * (durationUnits[(match[2] ?? 'ms').toLowerCase()] ?? 1));
}

/** Parse '10MB', '512kb', '100' (bytes). */
export function parseSizeBytes(value: string | number, field = 'size'): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)?\s*$/i.exec(String(value));
  if (!match) throw new FaultlineError('E_USAGE', `not a size: '${value}' (use e.g. 512kb, 10MB)`, { location: { field } });
  return Math.round(Number(match[1]) * (sizeUnits[(match[2] || 'b').toLowerCase()] ?? 1));
}

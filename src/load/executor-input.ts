import { FaultlineError } from '../core/errors.js';
import { parseDurationMs } from '../core/units.js';
import type { Executor, Stage } from './types.js';

const perUnitMs: Record<string, number> = { ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

function usage(field: string, message: string): FaultlineError {
  return new FaultlineError('E_USAGE', message, { location: { field } });
}

/**
 * A rate in requests per second from '500/s', '500', '30000/m' or '5/100ms'.
 *
 * @example parseRate('30000/m') // 500
 */
export function parseRate(value: string | number, field = '--rate'): number {
  if (typeof value === 'number') return positive(value, field, String(value));
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?)?\s*(ms|s|sec|m|min|h))?\s*$/i.exec(value);
  if (!match) throw usage(field, `not a rate: '${value}' (use e.g. 500/s or 30000/m)`);
  const per = (Number(match[2] ?? 1) || 0) * (perUnitMs[(match[3] ?? 's').toLowerCase()] ?? 1000);
  if (per <= 0) throw usage(field, `not a rate: '${value}' (the period must be above zero)`);
  return positive((Number(match[1]) * 1000) / per, field, value);
}

function positive(rate: number, field: string, raw: string): number {
  if (!Number.isFinite(rate) || rate <= 0) throw usage(field, `the rate must be above zero (got '${raw}')`);
  return rate;
}

/** k6-style stages: '10s:100,30s:500,10s:0' (duration:target, targets ≥ 0). */
export function parseStages(value: string, field = '--stages'): Stage[] {
  const stages = value.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    const match = /^([^:]+):\s*(\d+(?:\.\d+)?)(?:\/s)?$/.exec(part);
    if (!match) throw usage(field, `not a stage: '${part}' (use duration:target, e.g. 30s:500)`);
    const durationMs = parseDurationMs(match[1]!.trim(), field);
    return { durationMs, target: Number(match[2]) };
  });
  return checkStages(stages, field);
}

export function checkStages(stages: readonly Stage[], field: string): Stage[] {
  if (stages.length === 0) throw usage(field, 'at least one stage is needed (e.g. 30s:500)');
  if (stages.every((stage) => stage.durationMs === 0)) throw usage(field, 'the stages last no time at all');
  for (const stage of stages) {
    if (!Number.isFinite(stage.target) || stage.target < 0) throw usage(field, `a stage target must be 0 or more (got ${stage.target})`);
  }
  return [...stages];
}

export interface ExecutorInput {
  readonly rate?: string | number;
  readonly vus?: string | number;
  readonly duration?: string | number;
  readonly stages?: string | readonly Stage[];
  /** Rate or VUs the first stage ramps from; 0 when not given. */
  readonly start?: number;
}

/**
 * Pick the executor the way the CLI flags read: `--rate` (open model) or `--vus` (closed model),
 * constant with `--duration`, ramping with `--stages`.
 */
export function executorFrom(input: ExecutorInput): Executor {
  if (input.rate !== undefined && input.vus !== undefined) throw usage('--vus', '--rate (open model) and --vus (closed model) cannot be used together');
  const stages = input.stages === undefined ? undefined : typeof input.stages === 'string' ? parseStages(input.stages) : checkStages(input.stages, 'stages');
  if (stages && input.duration !== undefined) throw usage('--duration', '--duration and --stages cannot be used together (stages have their own durations)');
  const durationMs = parseDurationMs(input.duration ?? '30s', '--duration');
  if (!stages && durationMs <= 0) throw usage('--duration', 'the duration must be above zero');
  if (input.vus !== undefined) {
    const vus = Number(input.vus);
    if (stages) {
      if (!Number.isInteger(vus) || vus < 0) throw usage('--vus', `--vus must be a whole number (got '${input.vus}')`);
      return { kind: 'ramping-vus', startVus: vus, stages };
    }
    if (!Number.isInteger(vus) || vus <= 0) throw usage('--vus', `--vus must be a whole number above zero (got '${input.vus}')`);
    return { kind: 'constant-vus', vus, durationMs };
  }
  if (stages) return { kind: 'ramping-arrival-rate', startRatePerSecond: input.rate !== undefined ? parseRate(input.rate) : (input.start ?? 0), stages };
  return { kind: 'constant-arrival-rate', ratePerSecond: parseRate(input.rate ?? '50/s'), durationMs };
}

/** Total length of the run's schedule. */
export function executorDurationMs(executor: Executor): number {
  return 'stages' in executor ? executor.stages.reduce((sum, stage) => sum + stage.durationMs, 0) : executor.durationMs;
}

export function isOpenModel(executor: Executor): boolean {
  return executor.kind === 'constant-arrival-rate' || executor.kind === 'ramping-arrival-rate';
}

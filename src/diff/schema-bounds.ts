/** 'narrowed': fewer values are valid in NEW; 'widened': more; 'incompatible': some of each. */
export type Relation = 'narrowed' | 'widened' | 'incompatible';

export interface BoundChange {
  readonly keyword: string;
  readonly old: unknown;
  readonly new: unknown;
  readonly relation: Relation;
}

const upperBounds = ['maximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const lowerBounds = ['minimum', 'minLength', 'minItems', 'minProperties'] as const;
// A minimum length, item or property count of 0 says nothing: every value already meets it.
const vacuousAtZero = new Set(['minLength', 'minItems', 'minProperties']);

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function compareUpper(oldValue: number | undefined, newValue: number | undefined): Relation | undefined {
  if (oldValue === newValue) return undefined;
  if (oldValue === undefined) return 'narrowed';
  if (newValue === undefined) return 'widened';
  return newValue < oldValue ? 'narrowed' : 'widened';
}

function compareLower(oldValue: number | undefined, newValue: number | undefined): Relation | undefined {
  if (oldValue === newValue) return undefined;
  if (oldValue === undefined) return 'narrowed';
  if (newValue === undefined) return 'widened';
  return newValue > oldValue ? 'narrowed' : 'widened';
}

function compareFlag(oldValue: unknown, newValue: unknown): Relation | undefined {
  const before = oldValue === true;
  const after = newValue === true;
  if (before === after) return undefined;
  return after ? 'narrowed' : 'widened';
}

/** Every bound keyword that differs, with which way the set of valid values moved. */
export function compareBounds(oldSchema: Readonly<Record<string, unknown>>, newSchema: Readonly<Record<string, unknown>>): BoundChange[] {
  const changes: BoundChange[] = [];
  const push = (keyword: string, relation: Relation | undefined) => {
    if (relation) changes.push({ keyword, old: oldSchema[keyword], new: newSchema[keyword], relation });
  };
  for (const keyword of upperBounds) push(keyword, compareUpper(numberOf(oldSchema[keyword]), numberOf(newSchema[keyword])));
  for (const keyword of lowerBounds) {
    const zeroIsNone = (v: number | undefined) => (v === 0 && vacuousAtZero.has(keyword) ? undefined : v);
    push(keyword, compareLower(zeroIsNone(numberOf(oldSchema[keyword])), zeroIsNone(numberOf(newSchema[keyword]))));
  }
  // OpenAPI 3.0 writes exclusive bounds as booleans beside maximum/minimum; 3.1 as numbers.
  for (const [keyword, compare] of [['exclusiveMaximum', compareUpper], ['exclusiveMinimum', compareLower]] as const) {
    const before = oldSchema[keyword];
    const after = newSchema[keyword];
    if (typeof before === 'boolean' || typeof after === 'boolean') push(keyword, compareFlag(before, after));
    else push(keyword, compare(numberOf(before), numberOf(after)));
  }
  push('uniqueItems', compareFlag(oldSchema['uniqueItems'], newSchema['uniqueItems']));
  push('multipleOf', compareMultipleOf(numberOf(oldSchema['multipleOf']), numberOf(newSchema['multipleOf'])));
  push('pattern', comparePattern(oldSchema['pattern'], newSchema['pattern']));
  return changes;
}

function compareMultipleOf(oldValue: number | undefined, newValue: number | undefined): Relation | undefined {
  if (oldValue === newValue) return undefined;
  if (oldValue === undefined) return 'narrowed';
  if (newValue === undefined) return 'widened';
  if (newValue % oldValue === 0) return 'narrowed';
  if (oldValue % newValue === 0) return 'widened';
  return 'incompatible';
}

// Two regular expressions cannot be compared in general, so any change of pattern is both ways.
function comparePattern(oldValue: unknown, newValue: unknown): Relation | undefined {
  const before = typeof oldValue === 'string' ? oldValue : undefined;
  const after = typeof newValue === 'string' ? newValue : undefined;
  if (before === after) return undefined;
  if (before === undefined) return 'narrowed';
  if (after === undefined) return 'widened';
  return 'incompatible';
}

// Formats that only widen another: every int32 is an int64, every float a double.
const widerFormat: Readonly<Record<string, string>> = { int32: 'int64', float: 'double' };

// The widest formats say what JSON numbers already are in practice; adding or dropping them changes nothing.
const noLimit = new Set(['int64', 'double']);

function formatText(value: unknown): string | undefined {
  return typeof value === 'string' && !noLimit.has(value) ? value : undefined;
}

/** How a `format` change moves the set of valid values; absent (or int64, double) means any string or number. */
export function compareFormat(oldValue: unknown, newValue: unknown): Relation | undefined {
  if (oldValue === newValue) return undefined;
  if (typeof oldValue === 'string' && typeof newValue === 'string') {
    if (widerFormat[oldValue] === newValue) return 'widened';
    if (widerFormat[newValue] === oldValue) return 'narrowed';
  }
  const before = formatText(oldValue);
  const after = formatText(newValue);
  if (before === after) return undefined;
  if (before === undefined) return 'narrowed';
  if (after === undefined) return 'widened';
  return 'incompatible';
}

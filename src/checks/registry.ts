import type { AnyCheck } from './types.js';
import { operationDescription } from './lint/operation-description.js';

/** Every check faultline has, in catalogue order. The one place a check is listed. */
export const allChecks: readonly AnyCheck[] = [
  // lint: poor-design-docs
  operationDescription,
];

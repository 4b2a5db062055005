import type { Response } from '../spec/model.js';
import { isSuccessStatus, pairResponses } from './pair-content.js';
import type { OperationPair } from './types.js';

export interface StatusChanges {
  readonly removedSuccess: readonly Response[];
  readonly addedSuccess: readonly Response[];
  /** Non-2xx statuses and `default`. */
  readonly removedOther: readonly Response[];
  readonly addedOther: readonly Response[];
}

/** The documented statuses an operation lost and gained, success statuses apart from the rest. */
export function statusChanges(pair: OperationPair): StatusChanges {
  const { removed, added } = pairResponses(pair.old.responses, pair.new.responses);
  return {
    removedSuccess: removed.filter((r) => isSuccessStatus(r.status)),
    addedSuccess: added.filter((r) => isSuccessStatus(r.status)),
    removedOther: removed.filter((r) => !isSuccessStatus(r.status)),
    addedOther: added.filter((r) => !isSuccessStatus(r.status)),
  };
}

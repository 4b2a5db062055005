import { closest } from '../../core/did-you-mean.js';
import { bandwidth } from './bandwidth.js';
import type { FaultDefinition } from './define.js';
import { httpHeader } from './http-header.js';
import { httpStatus } from './http-status.js';
import { latency } from './latency.js';
import { limitData } from './limit-data.js';
import { malformedBody } from './malformed-body.js';
import { resetPeer } from './reset-peer.js';
import { slicer } from './slicer.js';
import { slowClose } from './slow-close.js';
import { timeout } from './timeout.js';

/** Every fault kind the proxy knows. The one place a fault kind is listed. */
export const allFaults: readonly FaultDefinition[] = [
  latency,
  bandwidth,
  slowClose,
  timeout,
  resetPeer,
  slicer,
  limitData,
  httpStatus,
  httpHeader,
  malformedBody,
];

const byType = new Map(allFaults.map((fault) => [fault.type, fault]));

export function faultDefinition(type: string): FaultDefinition | undefined {
  return byType.get(type);
}

/** "unknown fault type 'latncy' (did you mean 'latency'?)" with the list when nothing is close. */
export function unknownFaultMessage(type: string): string {
  const guess = closest(type, byType.keys());
  return guess
    ? `unknown fault type '${type}' (did you mean '${guess}'?)`
    : `unknown fault type '${type}' (known: ${[...byType.keys()].join(', ')})`;
}

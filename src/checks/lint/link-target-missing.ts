import { fromPointer, toPointer } from '../../core/location.js';
import { defineCheck } from '../define.js';

function localPointer(ref: string): string | undefined {
  try {
    return toPointer(fromPointer(ref));
  } catch {
    return undefined; // malformed percent-encoding
  }
}

export const linkTargetMissing = defineCheck({
  id: 'lint.link-target-missing',
  cause: 'bad-urls',
  kind: 'lint',
  severity: 'medium',
  summary: 'Response link points to an operation that does not exist',
  explanation:
    'Links tell clients and tools which operation to call next with values from this response. A link whose `operationId` or `operationRef` names no operation leads nowhere: generated clients fail to build the follow-up call and documentation shows a dead end.',
  remedy: 'Point the link at an existing `operationId` (or a valid local `operationRef` such as `#/paths/~1users~1{id}/get`), or remove it.',
  *run({ spec }) {
    const operationIds = new Set(spec.operations.flatMap((op) => (op.operationId !== undefined ? [op.operationId] : [])));
    const operationPointers = new Set(spec.operations.map((op) => op.pointer));
    for (const op of spec.operations) {
      for (const response of op.responses) {
        for (const link of response.links) {
          let problem: string | undefined;
          if (link.operationId !== undefined) {
            if (!operationIds.has(link.operationId)) problem = `operationId '${link.operationId}' matches no operation`;
          } else if (link.operationRef !== undefined) {
            // External references cannot be checked without fetching; local ones must land on an operation.
            if (link.operationRef.startsWith('#') && !operationPointers.has(localPointer(link.operationRef) ?? '')) {
              problem = `operationRef '${link.operationRef}' points to no operation`;
            }
          } else {
            problem = 'has neither operationId nor operationRef';
          }
          if (problem === undefined) continue;
          yield { operation: op.key, pointer: link.pointer, detail: `${op.key} response ${response.status}: link '${link.name}' ${problem}.` };
        }
      }
    }
  },
});

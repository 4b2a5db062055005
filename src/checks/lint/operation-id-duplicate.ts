import { defineCheck } from '../define.js';

export const operationIdDuplicate = defineCheck({
  id: 'lint.operation-id-duplicate',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'high',
  summary: 'Two or more operations share one operationId',
  explanation:
    'OpenAPI requires operationIds to be unique. When two operations share one, generated SDKs fail to compile or silently keep only one of the methods, links and tooling point to the wrong operation, and clients call an endpoint they did not mean to call.',
  remedy: 'Rename all but one of the operations so that every `operationId` in the document is unique.',
  *run({ spec }) {
    const first = new Map<string, string>();
    for (const op of spec.operations) {
      const id = op.operationId?.trim();
      if (!id) continue;
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, op.key);
        continue;
      }
      yield { operation: op.key, pointer: `${op.pointer}/operationId`, detail: `${op.key} uses operationId '${id}', already used by ${earlier}.` };
    }
  },
});

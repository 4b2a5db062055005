import { defineCheck } from '../define.js';

export const deprecatedParameterWithoutNotice = defineCheck({
  id: 'lint.deprecated-parameter-without-notice',
  cause: 'expiring-apis',
  kind: 'lint',
  severity: 'low',
  summary: 'Deprecated parameter has no description',
  explanation:
    'A parameter marked deprecated with no description gives no reason, no date and no alternative. Clients keep sending it until it is ignored or rejected, and their requests then change behaviour silently or fail.',
  remedy: 'Describe the deprecated parameter: since when, until when, and what to send instead.',
  *run({ spec }) {
    for (const op of spec.operations) {
      for (const param of op.parameters) {
        if (param.deprecated && !param.description?.trim()) {
          yield { operation: op.key, pointer: param.pointer, detail: `${op.key} parameter '${param.name}' (${param.in}) is deprecated without any description.` };
        }
      }
    }
  },
});

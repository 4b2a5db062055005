import { defineCheck } from '../define.js';

// RFC 3986 unreserved and sub-delims, plus ':' and '@': what may stand in a URL fragment or path unescaped.
const urlSafe = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]*$/;

export const operationIdUrlUnsafe = defineCheck({
  id: 'lint.operation-id-url-unsafe',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'low',
  summary: 'operationId contains characters that are not safe in a URL',
  explanation:
    'Documentation sites put the operationId in the URL of the operation\'s page and anchor, and links between operations (`operationRef`) use it too. Spaces and other characters that must be escaped break those links and produce awkward method names in generated clients.',
  remedy: 'Use letters, digits, `-`, `_` and `.` in operationIds (`listUsers`, `users/list` also works).',
  *run({ spec }) {
    for (const op of spec.operations) {
      const id = op.operationId;
      if (id === undefined || urlSafe.test(id)) continue;
      const bad = [...new Set([...id].filter((c) => !urlSafe.test(c)))].map((c) => (c === ' ' ? 'space' : `'${c}'`));
      yield { operation: op.key, pointer: `${op.pointer}/operationId`, detail: `operationId '${id}' contains ${bad.join(', ')}.` };
    }
  },
});

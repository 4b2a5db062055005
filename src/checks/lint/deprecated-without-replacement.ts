import { defineCheck } from '../define.js';

// Bare 'use' or 'see' is too common ("to use this endpoint, see ..."), so 'use' counts only before a name, link or path.
const replacementWords = /\b(instead|replaced|replacement|successor|supersede[ds]?|migrat(e|ing|ion)|in favou?r of)\b|\buse\s+(the\s+)?(new\s+)?[`"'[/]/i;

export const deprecatedWithoutReplacement = defineCheck({
  id: 'lint.deprecated-without-replacement',
  cause: 'expiring-apis',
  kind: 'lint',
  severity: 'low',
  summary: 'Deprecated operation does not say what to use instead',
  explanation:
    'Clients can only migrate off a deprecated operation if they know where to go. When the description names no successor, each team has to ask or reverse-engineer it, so migrations stall and the old operation cannot be removed without breaking them.',
  remedy: 'State in the description which operation (path or operationId) replaces this one and how to migrate, e.g. "Deprecated: use `GET /v2/users` instead."',
  *run({ spec }) {
    const operationIds = spec.operations.map((o) => o.operationId).filter((id): id is string => !!id && id.length > 3);
    for (const op of spec.operations) {
      if (!op.deprecated) continue;
      const text = `${op.summary ?? ''}\n${op.description ?? ''}`;
      const namesPath = /(^|[\s`'"(])\/[\w{}-]/.test(text);
      const namesOperation = operationIds.some((id) => id !== op.operationId && text.includes(id));
      if (!namesPath && !namesOperation && !replacementWords.test(text)) {
        yield { operation: op.key, pointer: op.pointer, detail: `${op.key} is deprecated but its summary and description name no replacement.` };
      }
    }
  },
});

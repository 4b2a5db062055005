import { child } from '../../spec/values.js';
import { defineCheck } from '../define.js';
import { documentObjects, isDataKey } from './schema-walk.js';

// What turns rendered Markdown into script: tags that run or load code, handlers, javascript: links, eval.
const unsafe = /<\s*(script|iframe|object|embed)\b|\bon(error|load|click|mouseover)\s*=|javascript:|\beval\s*\(/i;

export const markdownUnsafe = defineCheck({
  id: 'lint.markdown-unsafe',
  cause: 'public-exposure',
  kind: 'lint',
  severity: 'medium',
  summary: 'A description holds HTML or script that runs when rendered',
  explanation:
    'Descriptions are Markdown that documentation portals render as HTML, often on the API owner\'s own domain. A `<script>` tag, an `onerror=` handler, a `javascript:` link or `eval(` in one runs in every reader\'s browser (stored cross-site scripting), with access to the portal\'s cookies and API keys.',
  remedy: 'Remove the script from the description; show code as a fenced code block, which renderers escape.',
  *run({ spec }) {
    for (const { record, pointer } of documentObjects(spec.document, isDataKey)) {
      for (const key of ['description', 'summary', 'title']) {
        const value = record[key];
        if (typeof value !== 'string') continue;
        const match = unsafe.exec(value.replace(/```[\s\S]*?```|`[^`\n]*`/g, ''));
        if (match) yield { operation: null, pointer: child(pointer, key), detail: `${key} contains '${match[0].trim()}', which runs when the Markdown is rendered.` };
      }
    }
  },
});

import { defineCheck } from '../define.js';

export const pathTemplateEmpty = defineCheck({
  id: 'lint.path-template-empty',
  cause: 'bad-urls',
  kind: 'lint',
  severity: 'high',
  summary: 'Path template has an empty or unbalanced {}',
  explanation:
    'A `{}` names no parameter and an unclosed `{id` is not a template at all: no parameter can fill either, so clients send the braces literally, and routers generated from the description reject the path.',
  remedy: 'Name every template variable (`/users/{userId}`), close every brace, and declare the matching path parameter.',
  *run({ spec }) {
    for (const path of spec.paths) {
      const empty = /\{\s*\}/.test(path.path);
      const unbalanced = (path.path.match(/\{/g) ?? []).length !== (path.path.match(/\}/g) ?? []).length || /\{[^}]*\{|\}[^{]*\}/.test(path.path);
      if (!empty && !unbalanced) continue;
      yield { operation: null, pointer: path.pointer, detail: `Path '${path.path}' has ${empty ? 'an empty {}' : 'unbalanced braces'}.` };
    }
  },
});

import { defineCheck } from '../define.js';

export const unresolvedRef = defineCheck({
  id: 'lint.unresolved-ref',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'high',
  summary: '$ref leads nowhere',
  explanation:
    'A `$ref` whose target does not exist makes the schema that holds it undefined. Code generators and validators either refuse the whole document or silently treat the part as "anything", so generated clients do not compile or accept and send payloads the server rejects.',
  remedy: 'Point the `$ref` at an existing component (check spelling and case), or add the missing component.',
  *run({ spec }) {
    for (const site of spec.unresolvedRefs) {
      const op = spec.operations.find((o) => site.pointer === o.pointer || site.pointer.startsWith(`${o.pointer}/`));
      yield { operation: op?.key ?? null, pointer: `${site.pointer}/$ref`, detail: `$ref '${site.ref}' at ${site.pointer || '/'} does not resolve.` };
    }
  },
});

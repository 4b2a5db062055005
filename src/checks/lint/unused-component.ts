import { defineCheck } from '../define.js';
import type { SpecModel } from '../../spec/model.js';

// Security schemes are used by name in `security`, not by `$ref`.
const referencedByName = new Set(['securitySchemes']);

function decode(ref: string): string {
  try {
    return decodeURIComponent(ref);
  } catch {
    return ref;
  }
}

/** Every pointer a `$ref` or a discriminator mapping points at, plus each of its ancestors (a ref into a component uses it). */
function usedPointers(spec: SpecModel): Set<string> {
  const targets = [...spec.refTargets];
  // Discriminator mappings name schemas by ref string (or bare name) without a `$ref`.
  const stack: unknown[] = [spec.document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const record = node as Record<string, unknown>;
    const mapping = (record['discriminator'] as { mapping?: unknown } | undefined)?.mapping;
    if (mapping && typeof mapping === 'object') {
      for (const value of Object.values(mapping)) {
        if (typeof value === 'string') targets.push(value.startsWith('#') ? value : `#/components/schemas/${value}`);
      }
    }
    for (const value of Array.isArray(node) ? node : Object.values(record)) if (value !== null && typeof value === 'object') stack.push(value);
  }
  const used = new Set<string>();
  for (const target of targets) {
    if (!target.startsWith('#/')) continue;
    let pointer = decode(target.slice(1));
    while (pointer.length > 0 && !used.has(pointer)) {
      used.add(pointer);
      pointer = pointer.slice(0, pointer.lastIndexOf('/'));
    }
  }
  return used;
}

export const unusedComponent = defineCheck({
  id: 'lint.unused-component',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'low',
  summary: 'Component is defined but never referenced',
  explanation:
    'A component that nothing references is dead documentation: it is generated into SDKs as an orphan type, readers assume it is used somewhere, and it drifts from the real payloads because no test or operation exercises it. Often it is a leftover of a rename, so the operation that should use it points at something else.',
  remedy: 'Delete the component, or reference it with `$ref` from the operation or schema that was meant to use it.',
  *run({ spec }) {
    const used = usedPointers(spec);
    for (const component of spec.components) {
      if (referencedByName.has(component.section) || used.has(component.pointer)) continue;
      yield { operation: null, pointer: component.pointer, detail: `${component.section} component '${component.name}' is never referenced.` };
    }
  },
});

import { asRecord, child } from '../../spec/values.js';
import { defineCheck } from '../define.js';
import { nodeAt } from './schema-walk.js';

export const parameterDuplicate = defineCheck({
  id: 'lint.parameter-duplicate',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'high',
  summary: 'The same parameter is declared twice in one list',
  explanation:
    'A parameter is identified by its name and location, and OpenAPI forbids declaring one twice in the same list. Tools keep one of the two at random: the type, requiredness or description a client sees depends on the tool, and generated SDKs get two arguments of the same name and fail to compile.',
  remedy: 'Keep one declaration of the parameter per list (the operation may override a path-level parameter, but not repeat one of its own).',
  *run({ spec }) {
    const lists = new Map<string, string>();
    for (const path of spec.paths) {
      lists.set(child(path.pointer, 'parameters'), path.path);
      for (const op of path.operations) lists.set(child(op.pointer, 'parameters'), op.key);
    }
    for (const [pointer, owner] of lists) {
      const list = nodeAt(spec.document, pointer);
      if (!Array.isArray(list)) continue;
      const seen = new Set<string>();
      for (const [i, entry] of list.entries()) {
        const param = asRecord(spec.resolve(entry));
        const name = param?.['name'];
        const place = param?.['in'];
        if (typeof name !== 'string' || typeof place !== 'string') continue;
        const key = `${place}:${place === 'header' ? name.toLowerCase() : name}`;
        if (seen.has(key)) yield { operation: owner.includes(' ') ? owner : null, pointer: child(pointer, i), detail: `${owner} declares ${place} parameter '${name}' more than once.` };
        seen.add(key);
      }
    }
  },
});

import { asRecord } from '../../spec/values.js';
import { defineCheck } from '../define.js';
import { requestSchemas } from './schema-walk.js';

export const requestAdditionalProperties = defineCheck({
  id: 'lint.request-additional-properties',
  cause: 'permissions',
  kind: 'lint',
  severity: 'medium',
  summary: 'A request object accepts any extra property',
  explanation:
    'A request body object with `additionalProperties: true` (or `{}`) invites mass assignment: a client adds `role`, `owner_id` or `is_admin` next to the documented fields, the spec-generated validator lets it through, and a backend that binds the whole body to its model writes fields the client was never meant to set (OWASP API3:2023).',
  remedy: 'Set `additionalProperties: false` on request objects, or give it a schema with `maxProperties` when the object is a free-form map (labels, metadata).',
  *run({ spec }) {
    for (const site of requestSchemas(spec)) {
      // A member of allOf/anyOf/oneOf must stay open for the composition to work; the whole is judged, not its parts.
      if (!site.where.startsWith('request body') || /\/(allOf|anyOf|oneOf)\/\d+$/.test(site.pointer)) continue;
      const extra = site.schema['additionalProperties'];
      const open = extra === true || (asRecord(extra) !== undefined && Object.keys(asRecord(extra)!).length === 0);
      if (!open || site.schema['maxProperties'] !== undefined) continue;
      yield { operation: site.operation.key, pointer: `${site.pointer}/additionalProperties`, detail: `An object in the ${site.where} of ${site.operation.key} accepts any additional property (additionalProperties: ${JSON.stringify(extra)}).` };
    }
  },
});

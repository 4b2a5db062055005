import { defineCheck } from '../define.js';
import { securityRequirementSites } from './security-requirements.js';

export const securityScopeUndefined = defineCheck({
  id: 'lint.security-scope-undefined',
  cause: 'unsecured-endpoints',
  kind: 'lint',
  severity: 'medium',
  summary: 'OAuth requirement asks for a scope the scheme does not declare',
  explanation:
    'A scope that no flow declares cannot be requested by clients, so either every call fails with 403 or the authorization server ignores it and the operation is guarded by a scope nobody can reason about. It is usually a typo or a renamed scope.',
  remedy: 'Declare the scope in the scheme\'s flows (`scopes`), or fix the requirement to use an existing scope.',
  *run({ spec }) {
    for (const site of securityRequirementSites(spec)) {
      const scheme = spec.securitySchemes.find((s) => s.name === site.name);
      if (scheme?.type !== 'oauth2') continue;
      const declared = new Set(Object.values(scheme.flows).flatMap((flow) => Object.keys(flow.scopes)));
      const missing = site.scopes.filter((scope) => !declared.has(scope));
      if (missing.length === 0) continue;
      yield {
        operation: site.operation,
        pointer: site.pointer,
        detail: `${site.operation ?? 'The document-level security'} requires scope${missing.length > 1 ? 's' : ''} ${missing.map((s) => `'${s}'`).join(', ')} of '${site.name}', which no flow declares.`,
      };
    }
  },
});

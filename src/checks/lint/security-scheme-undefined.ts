import { defineCheck } from '../define.js';
import { securityRequirementSites } from './security-requirements.js';

export const securitySchemeUndefined = defineCheck({
  id: 'lint.security-scheme-undefined',
  cause: 'unsecured-endpoints',
  kind: 'lint',
  severity: 'high',
  summary: 'Security requirement names a scheme that is not defined',
  explanation:
    'A requirement that names an undefined scheme cannot be satisfied or enforced: code generators drop it, so clients send no credentials, and gateways that enforce the spec either reject every call or, worse, treat the operation as unprotected.',
  remedy: 'Define the scheme under `components.securitySchemes` (`securityDefinitions` in Swagger 2.0), or fix the name in the requirement to match an existing one.',
  *run({ spec }) {
    const defined = new Set(spec.components.filter((c) => c.section === 'securitySchemes').map((c) => c.name));
    for (const site of securityRequirementSites(spec)) {
      if (defined.has(site.name)) continue;
      yield {
        operation: site.operation,
        pointer: site.pointer,
        detail: `${site.operation ?? 'The document-level security'} requires scheme '${site.name}', which is not defined${defined.size ? ` (defined: ${[...defined].join(', ')})` : ''}.`,
      };
    }
  },
});

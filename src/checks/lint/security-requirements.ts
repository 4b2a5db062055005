import type { SecurityScheme, SpecModel } from '../../spec/model.js';
import { child } from '../../spec/values.js';

export interface RequirementSite {
  /** The operation that declares the requirement, or null for the document-level `security`. */
  readonly operation: string | null;
  readonly pointer: string;
  readonly name: string;
  readonly scopes: readonly string[];
}

/** Every scheme named in a security requirement, where it is written: document level once, then each operation's own. */
export function* securityRequirementSites(spec: SpecModel): Generator<RequirementSite> {
  for (const [index, alternative] of (spec.globalSecurity ?? []).entries()) {
    for (const { name, scopes } of alternative.schemes) yield { operation: null, pointer: child(child('/security', index), name), name, scopes };
  }
  for (const op of spec.operations) {
    if (!op.hasOwnSecurity) continue;
    for (const [index, alternative] of op.security.entries()) {
      for (const { name, scopes } of alternative.schemes) {
        yield { operation: op.key, pointer: child(child(child(op.pointer, 'security'), index), name), name, scopes };
      }
    }
  }
}

/** Pointer to one OAuth flow of a scheme: `flows/<flow>` in OpenAPI 3, the single `flow` field in Swagger 2.0. */
export function oauthFlowPointer(spec: SpecModel, scheme: SecurityScheme, flow: string): string {
  return spec.format === 'swagger-2.0' ? child(scheme.pointer, 'flow') : child(child(scheme.pointer, 'flows'), flow);
}

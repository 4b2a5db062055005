import type { AnyCheck } from './types.js';
import { transportFailure } from './audit/resilience/transport-failure.js';
import { apiWentDown } from './audit/resilience/api-went-down.js';
import { operationDescription } from './lint/operation-description.js';
import { apiVersionMissing } from './lint/api-version-missing.js';
import { authErrorsUndocumented } from './lint/auth-errors-undocumented.js';
import { deprecatedParameterWithoutNotice } from './lint/deprecated-parameter-without-notice.js';
import { deprecatedWithoutReplacement } from './lint/deprecated-without-replacement.js';
import { deprecatedWithoutSunset } from './lint/deprecated-without-sunset.js';
import { errorResponsesMissing } from './lint/error-responses-missing.js';
import { healthOperationMissing } from './lint/health-operation-missing.js';
import { infoContact } from './lint/info-contact.js';
import { infoDescription } from './lint/info-description.js';
import { operationIdDuplicate } from './lint/operation-id-duplicate.js';
import { operationIdMissing } from './lint/operation-id-missing.js';
import { parameterDescription } from './lint/parameter-description.js';
import { requestBodySchemaMissing } from './lint/request-body-schema-missing.js';
import { requestIdUndocumented } from './lint/request-id-undocumented.js';
import { responseDescriptionEmpty } from './lint/response-description-empty.js';
import { responseExampleMissing } from './lint/response-example-missing.js';
import { responseSchemaMissing } from './lint/response-schema-missing.js';
import { schemaTypeMissing } from './lint/schema-type-missing.js';
import { tagUndeclared } from './lint/tag-undeclared.js';
import { unresolvedRef } from './lint/unresolved-ref.js';
import { unusedComponent } from './lint/unused-component.js';
import { apiKeyInQuery } from './lint/api-key-in-query.js';
import { basicAuthOverHttp } from './lint/basic-auth-over-http.js';
import { errorSchemaInconsistent } from './lint/error-schema-inconsistent.js';
import { linkTargetMissing } from './lint/link-target-missing.js';
import { oauthImplicitFlow } from './lint/oauth-implicit-flow.js';
import { oauthPasswordFlow } from './lint/oauth-password-flow.js';
import { operationSecurityMissing } from './lint/operation-security-missing.js';
import { parameterCasingInconsistent } from './lint/parameter-casing-inconsistent.js';
import { pathCasingInconsistent } from './lint/path-casing-inconsistent.js';
import { pathNestingDepth } from './lint/path-nesting-depth.js';
import { pathParameterUndeclared } from './lint/path-parameter-undeclared.js';
import { pathTemplateAmbiguous } from './lint/path-template-ambiguous.js';
import { pathTrailingSlashDuplicate } from './lint/path-trailing-slash-duplicate.js';
import { problemDetailsMissing } from './lint/problem-details-missing.js';
import { queryParameterSprawl } from './lint/query-parameter-sprawl.js';
import { rateLimitUndocumented } from './lint/rate-limit-undocumented.js';
import { requestBodyOnGet } from './lint/request-body-on-get.js';
import { securitySchemeUndefined } from './lint/security-scheme-undefined.js';
import { securityScopeUndefined } from './lint/security-scope-undefined.js';
import { sensitiveQueryParameter } from './lint/sensitive-query-parameter.js';
import { serverPlainHttp } from './lint/server-plain-http.js';
import { serverPublicAddress } from './lint/server-public-address.js';
import { serverUrlInvalid } from './lint/server-url-invalid.js';
import { verbInPath } from './lint/verb-in-path.js';
import { invalidInputAccepted } from './audit/conformance/invalid-input-accepted.js';
import { latencyCollapse } from './audit/load/latency-collapse.js';
import { responseSchema } from './audit/conformance/response-schema.js';
import { serverError } from './audit/conformance/server-error.js';
import { stackTraceLeak } from './audit/conformance/stack-trace-leak.js';
import { undocumentedField } from './audit/drift/undocumented-field.js';
import { undocumentedStatus } from './audit/drift/undocumented-status.js';
import { unauthenticatedAccess } from './audit/auth/unauthenticated-access.js';
import { invalidTokenAccepted } from './audit/auth/invalid-token-accepted.js';
import { garbageTokenServerError } from './audit/auth/garbage-token-server-error.js';
import { expiredTokenAccepted } from './audit/auth/expired-token-accepted.js';
import { jwtAlgNone } from './audit/auth/jwt-alg-none.js';
import { jwtLifetime } from './audit/auth/jwt-lifetime.js';
import { jwtWeakSecret } from './audit/auth/jwt-weak-secret.js';
import { plainHttpTarget } from './audit/auth/plain-http-target.js';
import { scopeNotEnforced } from './audit/permissions/scope-not-enforced.js';
import { overDenied } from './audit/permissions/over-denied.js';
import { objectLevelAccess } from './audit/permissions/object-level-access.js';
import { cookieFlags } from './audit/session/cookie-flags.js';
import { cookieExpiry } from './audit/session/cookie-expiry.js';
import { aliveAfterLogout } from './audit/session/alive-after-logout.js';
import { deprecationHeaderMissing } from './audit/expiring/deprecation-header-missing.js';
import { removedOperation } from './audit/expiring/removed-operation.js';
import { oldVersionRunning } from './audit/expiring/old-version-running.js';
import { documentedPathMissing } from './audit/urls/documented-path-missing.js';
import { redirectBroken } from './audit/urls/redirect-broken.js';
import { corsCredentials } from './audit/exposure/cors-credentials.js';
import { rateLimitMissing } from './audit/exposure/rate-limit-missing.js';
import { sensitivePath } from './audit/exposure/sensitive-path.js';
import { versionBanner } from './audit/exposure/version-banner.js';
import { corsWildcard } from './audit/exposure/cors-wildcard.js';
import { healthEndpointMissing } from './audit/monitoring/health-endpoint-missing.js';
import { requestIdMissing } from './audit/monitoring/request-id-missing.js';
import { inconsistentShape } from './audit/errors/inconsistent-shape.js';
import { exampleSchemaMismatch } from './lint/example-schema-mismatch.js';
import { hang } from './audit/dependency/hang.js';
import { errorPropagation } from './audit/dependency/error-propagation.js';
import { slow } from './audit/dependency/slow.js';
import { noRecovery } from './audit/dependency/no-recovery.js';

import { refSiblings } from './lint/ref-siblings.js';
import { enumTypeMismatch } from './lint/enum-type-mismatch.js';
import { enumDuplicateValue } from './lint/enum-duplicate-value.js';
import { schemaTypeMismatch } from './lint/schema-type-mismatch.js';
import { requiredPropertyUndefined } from './lint/required-property-undefined.js';
import { arrayItemsMissing } from './lint/array-items-missing.js';
import { schemaKeywordInvalid } from './lint/schema-keyword-invalid.js';
import { schemaKeywordUnsupported } from './lint/schema-keyword-unsupported.js';
import { nullableWithoutType } from './lint/nullable-without-type.js';
import { discriminatorPropertyInvalid } from './lint/discriminator-property-invalid.js';
import { parameterDuplicate } from './lint/parameter-duplicate.js';
import { operationIdUrlUnsafe } from './lint/operation-id-url-unsafe.js';
import { successResponseMissing } from './lint/success-response-missing.js';
import { pathQueryString } from './lint/path-query-string.js';
import { pathTemplateEmpty } from './lint/path-template-empty.js';

import { operationSummaryMissing } from './lint/operation-summary-missing.js';
import { operationTagsMissing } from './lint/operation-tags-missing.js';
import { tagDuplicate } from './lint/tag-duplicate.js';
import { tagDescriptionMissing } from './lint/tag-description-missing.js';
import { infoLicenseMissing } from './lint/info-license-missing.js';
import { exampleValueAndExternal } from './lint/example-value-and-external.js';
import { componentNameInvalid } from './lint/component-name-invalid.js';
import { integerFormatMissing } from './lint/integer-format-missing.js';
import { serversMissing } from './lint/servers-missing.js';
import { serverExampleHost } from './lint/server-example-host.js';
import { serverTrailingSlash } from './lint/server-trailing-slash.js';
import { oauthFlowUrlInvalid } from './lint/oauth-flow-url-invalid.js';
import { securitySchemeInsecure } from './lint/security-scheme-insecure.js';
import { credentialsInPath } from './lint/credentials-in-path.js';
import { markdownUnsafe } from './lint/markdown-unsafe.js';
import { requestStringUnbounded } from './lint/request-string-unbounded.js';
import { requestArrayUnbounded } from './lint/request-array-unbounded.js';
import { requestIntegerUnbounded } from './lint/request-integer-unbounded.js';
import { retryAfterUndocumented } from './lint/retry-after-undocumented.js';
import { requestAdditionalProperties } from './lint/request-additional-properties.js';
import { numericIdInPath } from './lint/numeric-id-in-path.js';

/** Every check faultline has, in catalogue order. The one place a check is listed. */
export const allChecks: readonly AnyCheck[] = [
  // lint: poor-design-docs
  operationDescription,
  operationIdMissing,
  operationIdDuplicate,
  responseSchemaMissing,
  responseExampleMissing,
  errorResponsesMissing,
  authErrorsUndocumented,
  unusedComponent,
  parameterDescription,
  requestBodySchemaMissing,
  responseDescriptionEmpty,
  infoDescription,
  infoContact,
  tagUndeclared,
  unresolvedRef,
  schemaTypeMissing,
  exampleSchemaMismatch,
  refSiblings,
  enumTypeMismatch,
  enumDuplicateValue,
  schemaTypeMismatch,
  requiredPropertyUndefined,
  arrayItemsMissing,
  schemaKeywordInvalid,
  schemaKeywordUnsupported,
  nullableWithoutType,
  discriminatorPropertyInvalid,
  parameterDuplicate,
  operationIdUrlUnsafe,
  successResponseMissing,
  operationSummaryMissing,
  operationTagsMissing,
  tagDuplicate,
  tagDescriptionMissing,
  infoLicenseMissing,
  exampleValueAndExternal,
  componentNameInvalid,
  integerFormatMissing,
  // lint: monitoring-logging
  healthOperationMissing,
  requestIdUndocumented,
  // lint: expiring-apis
  deprecatedWithoutSunset,
  deprecatedWithoutReplacement,
  deprecatedParameterWithoutNotice,
  apiVersionMissing,
  // lint: complex-endpoints
  verbInPath,
  queryParameterSprawl,
  pathNestingDepth,
  pathCasingInconsistent,
  parameterCasingInconsistent,
  problemDetailsMissing,
  errorSchemaInconsistent,
  requestBodyOnGet,
  // lint: unsecured-endpoints
  serverPlainHttp,
  operationSecurityMissing,
  apiKeyInQuery,
  basicAuthOverHttp,
  oauthImplicitFlow,
  oauthPasswordFlow,
  securitySchemeUndefined,
  securityScopeUndefined,
  oauthFlowUrlInvalid,
  securitySchemeInsecure,
  // lint: bad-urls
  pathParameterUndeclared,
  pathTrailingSlashDuplicate,
  serverUrlInvalid,
  pathTemplateAmbiguous,
  linkTargetMissing,
  pathQueryString,
  pathTemplateEmpty,
  serversMissing,
  serverExampleHost,
  serverTrailingSlash,
  // lint: public-exposure
  serverPublicAddress,
  rateLimitUndocumented,
  sensitiveQueryParameter,
  credentialsInPath,
  markdownUnsafe,
  requestStringUnbounded,
  requestArrayUnbounded,
  requestIntegerUnbounded,
  retryAfterUndocumented,
  // lint: permissions
  requestAdditionalProperties,
  numericIdInPath,
  // audit checks that send their own probes come first, so the checks that read the traffic see it all.
  // audit: unsecured-endpoints
  unauthenticatedAccess,
  invalidTokenAccepted,
  garbageTokenServerError,
  expiredTokenAccepted,
  jwtAlgNone,
  jwtLifetime,
  jwtWeakSecret,
  plainHttpTarget,
  // audit: permissions
  scopeNotEnforced,
  overDenied,
  objectLevelAccess,
  // audit: session-management
  cookieFlags,
  cookieExpiry,
  aliveAfterLogout,
  // audit: expiring-apis
  deprecationHeaderMissing,
  removedOperation,
  oldVersionRunning,
  // audit: bad-urls
  documentedPathMissing,
  redirectBroken,
  // audit: monitoring-logging
  healthEndpointMissing,
  requestIdMissing,
  // audit: public-exposure
  corsCredentials,
  sensitivePath,
  rateLimitMissing,
  // audit: insufficient-testing (a burst of its own)
  latencyCollapse,
  // audit checks that read the traffic of every phase and probe above
  // audit: insufficient-testing
  serverError,
  stackTraceLeak,
  invalidInputAccepted,
  transportFailure,
  apiWentDown,
  // audit: poor-design-docs
  responseSchema,
  undocumentedStatus,
  undocumentedField,
  // audit: public-exposure
  versionBanner,
  corsWildcard,
  // audit: complex-endpoints
  inconsistentShape,
  // audit: dependency-failures. Last, because the failures they cause on purpose (timeouts, 500s) must
  // not be judged by the checks that read all traffic; no-recovery reads the experiments of the others.
  hang,
  errorPropagation,
  slow,
  noRecovery,
];

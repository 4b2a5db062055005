import type { DiffCheck } from './types.js';
import { operationAdded } from './checks/operation-added.js';
import { operationDeprecated } from './checks/operation-deprecated.js';
import { operationDeprecatedWithoutSunset } from './checks/operation-deprecated-without-sunset.js';
import { operationDeprecationUnscheduled } from './checks/operation-deprecation-unscheduled.js';
import { operationIdAdded } from './checks/operation-id-added.js';
import { operationIdChanged } from './checks/operation-id-changed.js';
import { operationIdRemoved } from './checks/operation-id-removed.js';
import { operationMethodChanged } from './checks/operation-method-changed.js';
import { operationPathChanged } from './checks/operation-path-changed.js';
import { operationRemoved } from './checks/operation-removed.js';
import { operationRemovedAfterSunset } from './checks/operation-removed-after-sunset.js';
import { operationRemovedBeforeSunset } from './checks/operation-removed-before-sunset.js';
import { operationRemovedWithoutSunset } from './checks/operation-removed-without-sunset.js';
import { operationServersChanged } from './checks/operation-servers-changed.js';
import { operationSunsetMovedEarlier } from './checks/operation-sunset-moved-earlier.js';
import { operationSunsetRemoved } from './checks/operation-sunset-removed.js';
import { operationSunsetTooSoon } from './checks/operation-sunset-too-soon.js';
import { operationTagAdded } from './checks/operation-tag-added.js';
import { operationTagRemoved } from './checks/operation-tag-removed.js';
import { operationUndeprecated } from './checks/operation-undeprecated.js';
import { pathParameterRenamed } from './checks/path-parameter-renamed.js';
import { serverAdded } from './checks/server-added.js';
import { serverRemoved } from './checks/server-removed.js';
import { serverUrlChanged } from './checks/server-url-changed.js';
import { requestDeprecatedParameterRemoved } from './checks/request-deprecated-parameter-removed.js';
import { requestParameterAddedOptional } from './checks/request-parameter-added-optional.js';
import { requestParameterAddedRequired } from './checks/request-parameter-added-required.js';
import { requestParameterBecameOptional } from './checks/request-parameter-became-optional.js';
import { requestParameterBecameRequired } from './checks/request-parameter-became-required.js';
import { requestParameterDefaultChanged } from './checks/request-parameter-default-changed.js';
import { requestParameterDeprecated } from './checks/request-parameter-deprecated.js';
import { requestParameterLocationChanged } from './checks/request-parameter-location-changed.js';
import { requestParameterRemoved } from './checks/request-parameter-removed.js';
import { requestParameterStyleChanged } from './checks/request-parameter-style-changed.js';
import { requestBodyAddedOptional } from './checks/request-body-added-optional.js';
import { requestBodyAddedRequired } from './checks/request-body-added-required.js';
import { requestBodyBecameOptional } from './checks/request-body-became-optional.js';
import { requestBodyBecameRequired } from './checks/request-body-became-required.js';
import { requestBodyRemoved } from './checks/request-body-removed.js';
import { requestMediaTypeAdded } from './checks/request-media-type-added.js';
import { requestMediaTypeRemoved } from './checks/request-media-type-removed.js';
import { responseErrorStatusAdded } from './checks/response-error-status-added.js';
import { responseErrorStatusRemoved } from './checks/response-error-status-removed.js';
import { responseHeaderAdded } from './checks/response-header-added.js';
import { responseHeaderBecameOptional } from './checks/response-header-became-optional.js';
import { responseHeaderRemoved } from './checks/response-header-removed.js';
import { responseMediaTypeAdded } from './checks/response-media-type-added.js';
import { responseMediaTypeRemoved } from './checks/response-media-type-removed.js';
import { responseRequiredHeaderRemoved } from './checks/response-required-header-removed.js';
import { responseSuccessStatusAdded } from './checks/response-success-status-added.js';
import { responseSuccessStatusChanged } from './checks/response-success-status-changed.js';
import { responseSuccessStatusRemoved } from './checks/response-success-status-removed.js';
import { operationSecurityAdded } from './checks/operation-security-added.js';
import { operationSecurityAlternativeAdded } from './checks/operation-security-alternative-added.js';
import { operationSecurityAlternativeRemoved } from './checks/operation-security-alternative-removed.js';
import { operationSecurityRemoved } from './checks/operation-security-removed.js';
import { operationSecurityScopeAdded } from './checks/operation-security-scope-added.js';
import { operationSecurityScopeRemoved } from './checks/operation-security-scope-removed.js';
import { securitySchemeAdded } from './checks/security-scheme-added.js';
import { securitySchemeApiKeyMoved } from './checks/security-scheme-api-key-moved.js';
import { securitySchemeHttpSchemeChanged } from './checks/security-scheme-http-scheme-changed.js';
import { securitySchemeOauthFlowRemoved } from './checks/security-scheme-oauth-flow-removed.js';
import { securitySchemeOauthScopeRemoved } from './checks/security-scheme-oauth-scope-removed.js';
import { securitySchemeOauthUrlChanged } from './checks/security-scheme-oauth-url-changed.js';
import { securitySchemeRemoved } from './checks/security-scheme-removed.js';
import { securitySchemeTypeChanged } from './checks/security-scheme-type-changed.js';
import { requestAdditionalPropertiesNarrowed } from './checks/request-additional-properties-narrowed.js';
import { requestBecameEnum } from './checks/request-became-enum.js';
import { requestConstraintRelaxed } from './checks/request-constraint-relaxed.js';
import { requestDeprecatedPropertyRemoved } from './checks/request-deprecated-property-removed.js';
import { requestDiscriminatorChanged } from './checks/request-discriminator-changed.js';
import { requestEnumValueAdded } from './checks/request-enum-value-added.js';
import { requestEnumValueRemoved } from './checks/request-enum-value-removed.js';
import { requestFormatChanged } from './checks/request-format-changed.js';
import { requestMaxDecreased } from './checks/request-max-decreased.js';
import { requestMaxItemsDecreased } from './checks/request-max-items-decreased.js';
import { requestMaxLengthDecreased } from './checks/request-max-length-decreased.js';
import { requestMinIncreased } from './checks/request-min-increased.js';
import { requestMinItemsIncreased } from './checks/request-min-items-increased.js';
import { requestMinLengthIncreased } from './checks/request-min-length-increased.js';
import { requestMultipleOfChanged } from './checks/request-multiple-of-changed.js';
import { requestNullableAdded } from './checks/request-nullable-added.js';
import { requestNullableRemoved } from './checks/request-nullable-removed.js';
import { requestPatternChanged } from './checks/request-pattern-changed.js';
import { requestPropertyAddedOptional } from './checks/request-property-added-optional.js';
import { requestPropertyAddedRequired } from './checks/request-property-added-required.js';
import { requestPropertyBecameOptional } from './checks/request-property-became-optional.js';
import { requestPropertyBecameRequired } from './checks/request-property-became-required.js';
import { requestPropertyCountNarrowed } from './checks/request-property-count-narrowed.js';
import { requestPropertyDefaultChanged } from './checks/request-property-default-changed.js';
import { requestPropertyDeprecated } from './checks/request-property-deprecated.js';
import { requestPropertyRemoved } from './checks/request-property-removed.js';
import { requestTypeChanged } from './checks/request-type-changed.js';
import { requestTypeWidened } from './checks/request-type-widened.js';
import { requestUniqueItemsAdded } from './checks/request-unique-items-added.js';
import { requestVariantAdded } from './checks/request-variant-added.js';
import { requestVariantRemoved } from './checks/request-variant-removed.js';
import { responseAdditionalPropertiesWidened } from './checks/response-additional-properties-widened.js';
import { responseConstraintWidened } from './checks/response-constraint-widened.js';
import { responseDeprecatedPropertyRemoved } from './checks/response-deprecated-property-removed.js';
import { responseDiscriminatorChanged } from './checks/response-discriminator-changed.js';
import { responseEnumRemoved } from './checks/response-enum-removed.js';
import { responseEnumValueAdded } from './checks/response-enum-value-added.js';
import { responseEnumValueRemoved } from './checks/response-enum-value-removed.js';
import { responseFormatChanged } from './checks/response-format-changed.js';
import { responseNullableAdded } from './checks/response-nullable-added.js';
import { responseNullableRemoved } from './checks/response-nullable-removed.js';
import { responsePropertyAdded } from './checks/response-property-added.js';
import { responsePropertyBecameOptional } from './checks/response-property-became-optional.js';
import { responsePropertyBecameRequired } from './checks/response-property-became-required.js';
import { responsePropertyDeprecated } from './checks/response-property-deprecated.js';
import { responsePropertyRemoved } from './checks/response-property-removed.js';
import { responseTypeChanged } from './checks/response-type-changed.js';
import { responseTypeNarrowed } from './checks/response-type-narrowed.js';
import { responseVariantAdded } from './checks/response-variant-added.js';
import { responseVariantRemoved } from './checks/response-variant-removed.js';

/** The one list of diff checks, grouped by what they compare. A new check is a file in checks/ and a line here. */
export const allDiffChecks: readonly DiffCheck[] = [
  // operations and paths
  operationAdded,
  operationDeprecated,
  operationDeprecatedWithoutSunset,
  operationDeprecationUnscheduled,
  operationIdAdded,
  operationIdChanged,
  operationIdRemoved,
  operationMethodChanged,
  operationPathChanged,
  operationRemoved,
  operationRemovedAfterSunset,
  operationRemovedBeforeSunset,
  operationRemovedWithoutSunset,
  operationServersChanged,
  operationSunsetMovedEarlier,
  operationSunsetRemoved,
  operationSunsetTooSoon,
  operationTagAdded,
  operationTagRemoved,
  operationUndeprecated,
  pathParameterRenamed,
  // servers
  serverAdded,
  serverRemoved,
  serverUrlChanged,
  // parameters
  requestDeprecatedParameterRemoved,
  requestParameterAddedOptional,
  requestParameterAddedRequired,
  requestParameterBecameOptional,
  requestParameterBecameRequired,
  requestParameterDefaultChanged,
  requestParameterDeprecated,
  requestParameterLocationChanged,
  requestParameterRemoved,
  requestParameterStyleChanged,
  // request bodies
  requestBodyAddedOptional,
  requestBodyAddedRequired,
  requestBodyBecameOptional,
  requestBodyBecameRequired,
  requestBodyRemoved,
  requestMediaTypeAdded,
  requestMediaTypeRemoved,
  // responses
  responseErrorStatusAdded,
  responseErrorStatusRemoved,
  responseHeaderAdded,
  responseHeaderBecameOptional,
  responseHeaderRemoved,
  responseMediaTypeAdded,
  responseMediaTypeRemoved,
  responseRequiredHeaderRemoved,
  responseSuccessStatusAdded,
  responseSuccessStatusChanged,
  responseSuccessStatusRemoved,
  // security
  operationSecurityAdded,
  operationSecurityAlternativeAdded,
  operationSecurityAlternativeRemoved,
  operationSecurityRemoved,
  operationSecurityScopeAdded,
  operationSecurityScopeRemoved,
  securitySchemeAdded,
  securitySchemeApiKeyMoved,
  securitySchemeHttpSchemeChanged,
  securitySchemeOauthFlowRemoved,
  securitySchemeOauthScopeRemoved,
  securitySchemeOauthUrlChanged,
  securitySchemeRemoved,
  securitySchemeTypeChanged,
  // request schemas
  requestAdditionalPropertiesNarrowed,
  requestBecameEnum,
  requestConstraintRelaxed,
  requestDeprecatedPropertyRemoved,
  requestDiscriminatorChanged,
  requestEnumValueAdded,
  requestEnumValueRemoved,
  requestFormatChanged,
  requestMaxDecreased,
  requestMaxItemsDecreased,
  requestMaxLengthDecreased,
  requestMinIncreased,
  requestMinItemsIncreased,
  requestMinLengthIncreased,
  requestMultipleOfChanged,
  requestNullableAdded,
  requestNullableRemoved,
  requestPatternChanged,
  requestPropertyAddedOptional,
  requestPropertyAddedRequired,
  requestPropertyBecameOptional,
  requestPropertyBecameRequired,
  requestPropertyCountNarrowed,
  requestPropertyDefaultChanged,
  requestPropertyDeprecated,
  requestPropertyRemoved,
  requestTypeChanged,
  requestTypeWidened,
  requestUniqueItemsAdded,
  requestVariantAdded,
  requestVariantRemoved,
  // response schemas
  responseAdditionalPropertiesWidened,
  responseConstraintWidened,
  responseDeprecatedPropertyRemoved,
  responseDiscriminatorChanged,
  responseEnumRemoved,
  responseEnumValueAdded,
  responseEnumValueRemoved,
  responseFormatChanged,
  responseNullableAdded,
  responseNullableRemoved,
  responsePropertyAdded,
  responsePropertyBecameOptional,
  responsePropertyBecameRequired,
  responsePropertyDeprecated,
  responsePropertyRemoved,
  responseTypeChanged,
  responseTypeNarrowed,
  responseVariantAdded,
  responseVariantRemoved,
];

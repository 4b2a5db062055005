import type { AnyCheck } from './types.js';
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
  // lint: monitoring-logging
  healthOperationMissing,
  requestIdUndocumented,
  // lint: expiring-apis
  deprecatedWithoutSunset,
  deprecatedWithoutReplacement,
  deprecatedParameterWithoutNotice,
  apiVersionMissing,
];

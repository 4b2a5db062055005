import { defineCheck } from '../define.js';

const validName = /^[a-zA-Z0-9.\-_]+$/;

export const componentNameInvalid = defineCheck({
  id: 'lint.component-name-invalid',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'Component name has characters OpenAPI does not allow',
  explanation:
    'OpenAPI 3 restricts component names to letters, digits, `.`, `-` and `_`. Names with spaces, slashes or other characters must be escaped in every `$ref`, are rejected by strict parsers, and become invalid class names in generated SDKs.',
  remedy: 'Rename the component with allowed characters (`Order Item` → `OrderItem`) and update every `$ref` to it.',
  *run({ spec }) {
    if (spec.format === 'swagger-2.0') return;
    for (const component of spec.components) {
      if (validName.test(component.name)) continue;
      yield { operation: null, pointer: component.pointer, detail: `Component ${component.section}/'${component.name}' has characters outside [a-zA-Z0-9.-_].` };
    }
  },
});

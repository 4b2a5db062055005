import { defineCheck } from '../define.js';

export const infoLicenseMissing = defineCheck({
  id: 'lint.info-license-missing',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'info',
  summary: 'The description states no licence, or a licence without a URL or identifier',
  explanation:
    'Public API descriptions are copied into SDK generators, mock servers and API catalogues. Without `info.license` nobody downstream knows whether they may redistribute the description or code generated from it, and a licence name alone (no `url` or SPDX `identifier`) does not say which text applies.',
  remedy: 'Add `info.license` with a `name` and a `url` (or, in 3.1, an SPDX `identifier` such as `MIT`).',
  *run({ spec }) {
    const license = spec.info.license;
    if (!license) {
      yield { operation: null, pointer: '/info', detail: 'info has no license.' };
      return;
    }
    if (typeof license['url'] !== 'string' && typeof license['identifier'] !== 'string') {
      yield { operation: null, pointer: '/info/license', detail: `License '${String(license['name'] ?? '')}' has neither a url nor an identifier.` };
    }
  },
});

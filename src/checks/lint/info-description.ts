import { defineCheck } from '../define.js';

export const infoDescription = defineCheck({
  id: 'lint.info-description',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'low',
  summary: 'API has no description',
  explanation:
    'The top-level description is where readers learn what the API is for, how to authenticate, how paging, errors, rate limits and versioning work. Without it every integrator rediscovers those rules by trial and error, and each one gets some of them wrong.',
  remedy: 'Write `info.description`: purpose, authentication, conventions (paging, errors, rate limits), versioning and where to get help.',
  *run({ spec }) {
    if (!spec.info.description?.trim()) yield { operation: null, pointer: '/info', detail: 'info.description is missing or empty.' };
  },
});

import { defineCheck } from '../define.js';

export const infoContact = defineCheck({
  id: 'lint.info-contact',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'low',
  summary: 'API names no contact',
  explanation:
    'When an integration breaks, or a deprecation notice needs to reach the people who run the API, nobody knows whom to ask. Problems are worked around instead of reported, and owners learn about failures from their users last.',
  remedy: 'Add `info.contact` with a team name and an `email` or `url` that is actually monitored.',
  *run({ spec }) {
    const contact = spec.info.contact;
    const reachable = contact && ['name', 'email', 'url'].some((key) => typeof contact[key] === 'string' && (contact[key] as string).trim() !== '');
    if (!reachable) yield { operation: null, pointer: '/info', detail: 'info.contact is missing or has no name, email or url.' };
  },
});

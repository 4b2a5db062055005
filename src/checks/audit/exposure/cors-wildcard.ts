import { defineCheck } from '../../define.js';
import { baselineProbes } from '../baseline.js';
import { evidenceOf } from '../evidence.js';
import { describePlaces } from '../places.js';

export const corsWildcard = defineCheck({
  id: 'exposure.cors-wildcard',
  cause: 'public-exposure',
  kind: 'audit',
  severity: 'low',
  summary: 'CORS lets any web page read the API’s responses (Access-Control-Allow-Origin: *)',
  explanation:
    'With `Access-Control-Allow-Origin: *` every web page a user visits may call the API from their browser and read the answers. Browsers send no cookies with it, so signed-in data is safe, but whatever the API serves to the browser’s network position is not: an API reachable only on an intranet or a VPN is readable by any page, and a wildcard copied into the configuration of a private API usually marks a policy nobody decided.',
  remedy: 'Answer CORS only for the origins of your own front ends (an allow-list checked against `Origin`, with `Vary: Origin`). Keep `*` only for data that is deliberately public to every site, and then say so in the API description.',
  async *run({ audit }) {
    await baselineProbes(audit);
    // With `Access-Control-Allow-Credentials: true` too, browsers still send no cookies to a wildcard
    // (they refuse to expose such a response), so the wildcard is the whole finding either way.
    const open = audit.exchanges().filter((e) => e.response?.headers['access-control-allow-origin']?.trim() === '*');
    if (open.length === 0) return;
    const first = open[0]!;
    yield {
      operation: null,
      status: first.response?.status ?? null,
      detail: `Responses carry \`Access-Control-Allow-Origin: *\` on ${describePlaces(open)}, so any web page can read them from a visitor's browser.`,
      evidence: [evidenceOf(first, 'Access-Control-Allow-Origin: *')],
    };
  },
});

import { defineCheck } from '../define.js';

export const serversMissing = defineCheck({
  id: 'lint.servers-missing',
  cause: 'bad-urls',
  kind: 'lint',
  severity: 'medium',
  summary: 'The description names no server to send requests to',
  explanation:
    'Without `servers` (OpenAPI 3) or `host` (Swagger 2.0), tools fall back to the host the description was downloaded from, or to `/`: API consoles send "try it" requests to the documentation site, generated SDKs need the base URL hard-coded by every user, and mocks and tests cannot find the API.',
  remedy: 'Add `servers` with the production URL (and sandbox or regional ones, described), e.g. `servers: [{ url: https://api.example.com/v1 }]`.',
  *run({ spec }) {
    const declared = spec.format === 'swagger-2.0' ? typeof spec.document['host'] === 'string' && spec.document['host'] !== '' : Array.isArray(spec.document['servers']) && spec.document['servers'].length > 0;
    // Servers on every operation also tell clients where to go.
    if (declared || (spec.operations.length > 0 && spec.operations.every((op) => op.servers.length > 0))) return;
    yield { operation: null, pointer: '', detail: spec.format === 'swagger-2.0' ? 'The description has no host.' : 'The description has no servers (or an empty list).' };
  },
});

import { defineCheck } from '../define.js';

// /v1, /v2.1, /2023-01-01 as a path segment.
const versionSegment = /\/(v\d+(\.\d+)*|\d{4}-\d{2}-\d{2})(\/|$)/i;

export const apiVersionMissing = defineCheck({
  id: 'lint.api-version-missing',
  cause: 'expiring-apis',
  kind: 'lint',
  severity: 'medium',
  summary: 'API states no version',
  explanation:
    'Without a version in the description, the URL or a version header, clients cannot tell which contract they were built against, and the API has no way to ship a breaking change next to the old behaviour: every change reaches every client at once.',
  remedy: 'Set `info.version`, and version the API itself: a path prefix such as `/v1` in the server URL, or a documented version header.',
  *run({ spec }) {
    if (spec.info.version?.trim()) return;
    const servers = [...spec.servers, ...spec.operations.flatMap((op) => op.servers)];
    const inUrl = servers.some((s) => versionSegment.test(s.url.replace(/^[a-z]+:\/\/[^/]*/i, '')));
    const inPath = spec.operations.some((op) => versionSegment.test(op.path));
    const inHeader = spec.operations.some((op) => op.parameters.some((p) => p.in === 'header' && /version/i.test(p.name)));
    if (!inUrl && !inPath && !inHeader) {
      yield { operation: null, pointer: '/info', detail: 'info.version is empty and no server URL, path prefix or header carries a version.' };
    }
  },
});

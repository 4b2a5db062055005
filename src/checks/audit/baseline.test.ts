import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, json, startServer } from '../../engine/audit/audit-harness.test-helper.js';
import { inconsistentShape } from './errors/inconsistent-shape.js';
import { corsWildcard } from './exposure/cors-wildcard.js';
import { sensitivePath } from './exposure/sensitive-path.js';
import { versionBanner } from './exposure/version-banner.js';
import { cookieFlags } from './session/cookie-flags.js';

const spec = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/items': { get: { responses: { '200': { description: 'ok' } } } } } };

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('baseline probes', () => {
  it('sends GET / and one unknown path once per audit, however many checks rely on them', async () => {
    const paths: string[] = [];
    const server = await startServer((request, response) => {
      paths.push(request.url ?? '');
      return json(response, request.url === '/items' ? 200 : 404, {});
    });
    close = server.close;
    const report = await auditWith([cookieFlags, sensitivePath, versionBanner, corsWildcard, inconsistentShape], spec, server.url);
    expect(report.findings).toEqual([]);
    expect(paths.filter((path) => path === '/')).toHaveLength(1);
    expect(paths.filter((path) => /^\/faultline-[0-9a-f]{12}$/.test(path))).toHaveLength(1);
  });
});

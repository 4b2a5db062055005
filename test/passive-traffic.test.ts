// Cross-layer: the passive checks and the old-version probe against a blog API that does what off-the-shelf
// frameworks do (issue 13's shop and blog APIs), and against its clean twin. Real HTTP on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { cookieExpiry } from '../src/checks/audit/session/cookie-expiry.js';
import { cookieFlags } from '../src/checks/audit/session/cookie-flags.js';
import { corsCredentials } from '../src/checks/audit/exposure/cors-credentials.js';
import { corsWildcard } from '../src/checks/audit/exposure/cors-wildcard.js';
import { versionBanner } from '../src/checks/audit/exposure/version-banner.js';
import { inconsistentShape } from '../src/checks/audit/errors/inconsistent-shape.js';
import { oldVersionRunning } from '../src/checks/audit/expiring/old-version-running.js';
import { auditWith } from '../src/engine/audit/audit-harness.test-helper.js';
import { blogSpec, startBlogApi } from './fixtures/servers/blog-api.js';

const checks = [cookieFlags, cookieExpiry, corsCredentials, oldVersionRunning, versionBanner, corsWildcard, inconsistentShape];

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function auditBlog(isFaulty: boolean) {
  const server = await startBlogApi(isFaulty);
  close = server.close;
  return auditWith(checks, blogSpec, server.url);
}

describe('passive checks over all traffic', () => {
  it('finds every fault a default Express setup leaves outside the documented operations, each once for the API', async () => {
    const report = await auditBlog(true);
    expect(report.findings.map((f) => [f.check, f.operation, f.severity, f.title])).toEqual([
      ['session.cookie-flags', null, 'medium', 'Cookie _csrf set without HttpOnly, Secure, SameSite'],
      ['expiring.old-version-running', null, 'medium', 'Old version v2 still answers without Deprecation or Sunset headers'],
      ['expiring.old-version-running', null, 'low', 'The unversioned path answers 410 without a Sunset date or a Link to its successor'],
      ['exposure.version-banner', null, 'low', 'The X-Powered-By header names the software behind the API'],
      ['exposure.cors-wildcard', null, 'low', 'CORS lets any web page read the API’s responses (Access-Control-Allow-Origin: *)'],
      ['errors.inconsistent-shape', null, 'medium', 'Error responses come in different shapes'],
    ]);
    const byCheck = (id: string) => report.findings.find((f) => f.check === id)!;
    expect(byCheck('session.cookie-flags').detail).toContain('by GET / (not in the spec)');
    // The framework's HTML 404 page answers the unknown path (and any unknown slug the fuzzing tries).
    expect(byCheck('errors.inconsistent-shape').detail).toMatch(/JSON \{docs, message\} ×\d+ \(e\.g\. GET \/v3\/articles 400\); HTML ×\d+ \(e\.g\. GET \//);
    expect(byCheck('errors.inconsistent-shape').detail).not.toMatch(/^\d+ error responses came in 2 shapes/);
    expect(byCheck('expiring.old-version-running').evidence[0]!.curl).toMatch(/\/v2\//);
    expect(byCheck('exposure.cors-wildcard').detail).toMatch(/GET \/v3\/articles.*GET \/ \(not in the spec\)/);
  });

  it('finds nothing in the clean twin: flags set, one error shape, no banner, old versions announced or removed', async () => {
    const report = await auditBlog(false);
    expect(report.findings.map((f) => `${f.check}: ${f.detail}`)).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { rateLimitMissing } from './rate-limit-missing.js';

const credentials = { type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } };
const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/login': {
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: credentials, example: { username: 'bob', password: 'bob-pass' } } } },
        responses: { '200': { description: 'ok' }, '401': { description: 'wrong password' } },
      },
    },
    '/items': { get: { responses: { '200': { description: 'ok' } } } },
  },
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

function loginServer(limit: number | null) {
  const guesses: string[] = [];
  let attempts = 0;
  const started = startServer((request, response) => {
    if (request.url !== '/login') return json(response, 200, []);
    let password: unknown;
    try {
      password = (JSON.parse(request.body) as { password?: unknown } | null)?.password;
    } catch {
      return json(response, 400, { title: 'bad json', status: 400 });
    }
    if (password === 'faultline-wrong-password') guesses.push(request.body);
    attempts++;
    if (limit !== null && attempts > limit) return json(response, 429, { title: 'slow down', status: 429 }, { 'retry-after': '60' });
    return json(response, password === 'bob-pass' ? 200 : 401, {});
  });
  return { started, guesses };
}

describe('exposure.rate-limit-missing', () => {
  it('reports a login that takes 50 wrong passwords in a row without a 429, as high', async () => {
    const { started, guesses } = loginServer(null);
    const server = await started;
    close = server.close;
    const findings = findingsOf(await auditWith([rateLimitMissing], spec, server.url), 'exposure.rate-limit-missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'public-exposure', operation: 'POST /login', status: 401, severity: 'high' });
    expect(findings[0]!.detail).toContain('50 attempts');
    expect(findings[0]!.evidence[0]!.request.body).toContain('faultline-wrong-password');
    expect(guesses).toHaveLength(50);
  });

  it('stays silent and stops the burst at the first 429', async () => {
    const { started, guesses } = loginServer(40);
    const server = await started;
    close = server.close;
    const findings = findingsOf(await auditWith([rateLimitMissing], spec, server.url), 'exposure.rate-limit-missing');
    expect(findings).toEqual([]);
    expect(guesses.length).toBeLessThan(50);
  });

  it('sends no burst when exposure probes are turned off', async () => {
    const { started, guesses } = loginServer(null);
    const server = await started;
    close = server.close;
    const report = await auditWith([rateLimitMissing], spec, server.url, { isExposureProbing: false });
    expect(findingsOf(report, 'exposure.rate-limit-missing')).toEqual([]);
    expect(guesses).toEqual([]);
  });
});

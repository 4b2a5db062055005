import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Report } from './finding.js';
import { Redactor, secretsFromCredentials } from './redact.js';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IiLCJzY29wZSI6InJlYWQifQ.c2lnbmF0dXJlLXZhbHVlLWhlcmU';
const redactor = new Redactor(secretsFromCredentials([{ name: 'admin', headers: { Authorization: `Bearer ${jwt}` } }, { name: 'ci', headers: { 'X-Api-Key': 'k3y-0f-the-ci-role' } }]));

function reportWith(text: string): Report {
  return {
    schema: 'faultline/report@1', tool: { name: 'faultline', version: '0' }, kind: 'audit', startedAt: '', finishedAt: '', stats: {}, notes: [`saw ${text}`],
    findings: [{
      check: 'x.y', cause: 'permissions', severity: 'high', operation: 'GET /a', status: 200, title: 't', detail: `token ${text}`, remedy: 'r',
      evidence: [{
        request: { method: 'POST', url: `http://127.0.0.1:1/a?api_key=${text}&page=2`, headers: { authorization: `Bearer ${text}`, 'content-type': 'application/json' }, body: JSON.stringify({ password: 'hunter2', name: 'x' }) },
        response: { status: 200, headers: { 'set-cookie': 'sid=s3ss10n; HttpOnly; Path=/\nlang=en; Path=/' }, body: `{"token":"${text}"}` },
        curl: `curl -sS -X POST 'http://127.0.0.1:1/a?api_key=${text}' -H 'authorization: Bearer ${text}' --data-binary '{"password":"hunter2"}'`,
      }],
    }],
  };
}

describe('Redactor', () => {
  it('leaves no configured secret, nor its base64 form, anywhere in a report', () => {
    const out = JSON.stringify(redactor.report(reportWith('k3y-0f-the-ci-role')));
    expect(out).not.toContain('k3y-0f-the-ci-role');
    expect(out).not.toContain(Buffer.from('k3y-0f-the-ci-role').toString('base64'));
    expect(out).toContain('«redacted:ci-x-api-key»');
  });

  it('keeps a JWT\'s header and claims but drops its signature', () => {
    const out = redactor.report(reportWith(jwt));
    const text = JSON.stringify(out);
    expect(text).not.toContain('c2lnbmF0dXJlLXZhbHVlLWhlcmU');
    expect(out.findings[0]!.evidence[0]!.request.headers['authorization']).toMatch(/^Bearer /);
    expect(text).toContain('eyJzdWIiOiJib2IiLCJzY29wZSI6InJlYWQifQ');
  });

  it('redacts credentials by name: cookies keep name and attributes, JSON keys and query parameters', () => {
    const evidence = redactor.report(reportWith('unknown-value-1')).findings[0]!.evidence[0]!;
    expect(evidence.response!.headers['set-cookie']).toBe('sid=«redacted:cookie-sid»; HttpOnly; Path=/\nlang=«redacted:cookie-lang»; Path=/');
    expect(evidence.request.body).toBe('{"password":"«redacted:body-password»","name":"x"}');
    expect(evidence.request.url).toContain('api_key=%C2%ABredacted%3Aquery-api_key%C2%BB&page=2');
    expect(evidence.request.headers['authorization']).toBe('Bearer «redacted:header-authorization»');
    expect(evidence.response!.body).toBe('{"token":"«redacted:body-token»"}');
  });

  it('writes curl lines that read configured secrets from environment variables and still run', () => {
    const curl = redactor.report(reportWith('k3y-0f-the-ci-role')).findings[0]!.evidence[0]!.curl;
    expect(curl).not.toContain('k3y-0f-the-ci-role');
    expect(curl).toContain('"$FAULTLINE_CI_X_API_KEY"');
    // The shell puts the value back: echo the arguments curl would get.
    const echoed = execFileSync('bash', ['-c', curl.replace(/^curl /, 'printf "%s\\n" ')], { env: { ...process.env, FAULTLINE_CI_X_API_KEY: 'k3y-0f-the-ci-role' } }).toString();
    expect(echoed).toContain('authorization: Bearer k3y-0f-the-ci-role');
  });

  it('names the environment variable of an Authorization header AUTH', () => {
    const curl = redactor.curl(`curl -sS -X GET 'http://127.0.0.1:1/a' -H 'authorization: Bearer ${jwt}'`);
    expect(curl).toBe(`curl -sS -X GET 'http://127.0.0.1:1/a' -H 'authorization: '"$FAULTLINE_ADMIN_AUTH"''`);
  });
});

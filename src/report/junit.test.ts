import { describe, expect, it } from 'vitest';
import { causeIds } from '../core/causes.js';
import { junitReporter } from './junit.js';
import { finding, sampleReport } from './sample-report.test-helper.js';
import { escapeXmlAttribute, escapeXmlText } from './xml-escape.js';
import { assertWellFormedXml } from './xml-well-formed.test-helper.js';

function suites(xml: string): Array<{ name: string; tests: number; failures: number; body: string }> {
  return [...xml.matchAll(/<testsuite name="([^"]*)" id="[^"]*" tests="(\d+)" failures="(\d+)"[^>]*>([\s\S]*?)<\/testsuite>/g)].map((m) => ({
    name: m[1] as string,
    tests: Number(m[2]),
    failures: Number(m[3]),
    body: m[4] as string,
  }));
}

describe('junit reporter', () => {
  it('produces well-formed XML even from hostile response text', () => {
    const xml = junitReporter.render(sampleReport(), {});
    expect(() => assertWellFormedXml(xml)).not.toThrow();
    const hostile = finding({
      check: 'auth.x',
      cause: 'permissions',
      severity: 'critical',
      title: 'a "quoted" <title> & \u0000\u0008\uffff\ud800 ]]> end',
      detail: '</failure></testcase><testcase name="injected">',
    });
    const hostileXml = junitReporter.render(sampleReport([hostile]), {});
    expect(() => assertWellFormedXml(hostileXml)).not.toThrow();
    expect(hostileXml).not.toContain('<testcase name="injected">');
  });

  it('the well-formedness check itself rejects broken XML', () => {
    expect(() => assertWellFormedXml('<a><b></a></b>')).toThrow(/closes/);
    expect(() => assertWellFormedXml('<a x="1 < 2"/>')).toThrow(/raw '<'/);
    expect(() => assertWellFormedXml('<a>fish & chips</a>')).toThrow(/entity/);
    expect(() => assertWellFormedXml('<a>\u0001</a>')).toThrow(/invalid XML character/);
    expect(() => assertWellFormedXml('<a/><b/>')).toThrow(/second root/);
  });

  it('has one suite per cause, all eleven, with clean causes as one passing test', () => {
    const xml = junitReporter.render(sampleReport(), {});
    const all = suites(xml);
    expect(all).toHaveLength(causeIds.length);
    const permissions = all.find((s) => s.name === 'Permissions');
    expect(permissions).toMatchObject({ tests: 1, failures: 0 });
    expect(permissions?.body).toContain('name="Permissions: no findings"/>');
  });

  it('fails test cases whose findings reach high by default, and passes lower ones with system-out', () => {
    const xml = junitReporter.render(sampleReport(), {});
    const testing = suites(xml).find((s) => s.name === 'Insufficient testing');
    expect(testing).toMatchObject({ tests: 2, failures: 1 });
    expect(testing?.body).toMatch(/name="conformance.server-error POST \/pets">\s*<failure message="conformance.server-error fired" type="high">/);
    expect(testing?.body).toMatch(/name="conformance.schema-mismatch GET \/pets">\s*<system-out>\[medium\]/);
    expect(xml).toMatch(/<testsuites name="faultline audit" tests="\d+" failures="3" errors="0">/);
  });

  it('follows the failOn threshold', () => {
    const xml = junitReporter.render(sampleReport(), { failOn: 'low' });
    const docs = suites(xml).find((s) => s.name === 'Poor design &amp; docs');
    // Two checks: lint.operation-description on two operations (low: failing), lint.error-responses (info: passing).
    expect(docs).toMatchObject({ tests: 3, failures: 2 });
    expect(junitReporter.render(sampleReport(), { failOn: 'critical' })).toMatch(/<testsuites [^>]*failures="1"/);
  });

  it('merges findings of the same check on the same operation into one test case', () => {
    const a = finding({ check: 'lint.x', cause: 'bad-urls', severity: 'high', location: { file: 'a.yaml', pointer: '/a' } });
    const b = finding({ check: 'lint.x', cause: 'bad-urls', severity: 'high', location: { file: 'a.yaml', pointer: '/b' } });
    const badUrls = suites(junitReporter.render(sampleReport([a, b]), {})).find((s) => s.name === 'Bad URLs');
    expect(badUrls).toMatchObject({ tests: 1, failures: 1 });
    expect(badUrls?.body).toContain('message="lint.x fired (+1 more)"');
  });

  it('escapes attributes and text and drops characters XML cannot hold', () => {
    expect(escapeXmlText('a<b>&c\u0000\u001b\ufffe')).toBe('a&lt;b&gt;&amp;c');
    expect(escapeXmlAttribute('say "hi"\nnow\t')).toBe('say &quot;hi&quot;&#10;now&#9;');
    expect(escapeXmlText('emoji 😀 kept')).toBe('emoji 😀 kept');
  });
});

import { describe, expect, it } from 'vitest';
import { infoLicenseMissing } from './info-license-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.info-license-missing', () => {
  it('fires when info has no licence, and when the licence has no url', async () => {
    expect(await runLintCheck(infoLicenseMissing, baseSpec())).toEqual([expect.objectContaining({ pointer: '/info' })]);
    const named = await runLintCheck(infoLicenseMissing, baseSpec({ info: { title: 'T', version: '1', license: { name: 'MIT' } } }));
    expect(named).toEqual([expect.objectContaining({ pointer: '/info/license' })]);
  });

  it('stays silent with a licence url or an SPDX identifier', async () => {
    expect(await runLintCheck(infoLicenseMissing, baseSpec({ info: { title: 'T', version: '1', license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' } } }))).toEqual([]);
    expect(await runLintCheck(infoLicenseMissing, baseSpec({ openapi: '3.1.0', info: { title: 'T', version: '1', license: { name: 'MIT', identifier: 'MIT' } } }))).toEqual([]);
  });
});

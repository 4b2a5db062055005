import { describe, expect, it } from 'vitest';
import { infoContact } from './info-contact.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.info-contact', () => {
  it('fires once when info has no contact, or an empty one', async () => {
    for (const info of [{ title: 'T', version: '1' }, { title: 'T', version: '1', contact: { email: '' } }]) {
      const drafts = await runLintCheck(infoContact, baseSpec({ info }));
      expect(drafts).toHaveLength(1);
      expect(drafts[0]).toMatchObject({ operation: null, pointer: '/info' });
    }
  });

  it('stays silent when info names a contact email', async () => {
    expect(await runLintCheck(infoContact, baseSpec({ info: { title: 'T', version: '1', contact: { email: 'api@example.com' } } }))).toEqual([]);
  });
});

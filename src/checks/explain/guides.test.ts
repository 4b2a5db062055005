import { describe, expect, it } from 'vitest';
import { allChecks } from '../registry.js';
import { fixRecipes } from './fixes.js';
import { checkGuides } from './guides.js';
import { resolveReference } from './references.js';
import { explainCheck } from './render.js';

describe('check guides', () => {
  it('has a guide for every registered check, and none for a check that is gone', () => {
    const ids = allChecks.map((check) => check.id as string);
    expect(ids.filter((id) => !(id in checkGuides))).toEqual([]);
    expect(Object.keys(checkGuides).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('gives every check at least one reference and one fix, each of which resolves', () => {
    for (const [id, guide] of Object.entries(checkGuides)) {
      expect(guide.references.length, id).toBeGreaterThan(0);
      expect(guide.fixes.length, id).toBeGreaterThan(0);
      for (const reference of guide.references) expect(resolveReference(reference), `${id}: ${reference}`).toBeDefined();
      for (const fix of guide.fixes) expect(fixRecipes[fix], `${id}: ${fix}`).toBeDefined();
    }
  });

  it('explains every registered check with each section', () => {
    for (const check of allChecks) {
      const text = explainCheck(check);
      for (const heading of ['## Why it matters', '## How to fix it', '## How to reproduce', '## References', '## How to silence it']) expect(text, check.id).toContain(heading);
      expect(text).toContain(`x-faultline-ignore: [${check.id}]`);
      expect(text).toContain(`--only ${check.id}`);
    }
  });

  it('resolves OWASP, CWE and RFC section references to their pages', () => {
    expect(resolveReference('API1:2023')).toMatchObject({ url: 'https://owasp.org/API-Security/editions/2023/en/0xa1-broken-object-level-authorization/' });
    expect(resolveReference('CWE-639')?.url).toBe('https://cwe.mitre.org/data/definitions/639.html');
    expect(resolveReference('RFC 9110 §15.5.2')?.url).toBe('https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2');
    expect(resolveReference('API11:2023')).toBeUndefined();
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/core/finding.js';
import { htmlReporter } from '../src/report/html.js';
import { junitReporter } from '../src/report/junit.js';
import { finding, largeFindings, sampleFindings, sampleReport } from '../src/report/sample-report.test-helper.js';
import { isChromiumSkipped, launchChromium, openOffline, type OfflinePage } from './support/chromium.js';

describe.skipIf(isChromiumSkipped())('html report in Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchChromium();
    dir = await mkdtemp(path.join(tmpdir(), 'faultline-html-'));
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Open a rendered report from a file with every non-file request blocked and recorded. */
  async function open(report: Report, name: string): Promise<OfflinePage> {
    const file = path.join(dir, name);
    await writeFile(file, htmlReporter.render(report, {}), 'utf8');
    return openOffline(browser, pathToFileURL(file).href);
  }

  async function visibleSeverities(page: Page): Promise<string[]> {
    return page.locator('.finding:visible').evaluateAll((els) => els.map((el) => el.getAttribute('data-severity') ?? ''));
  }

  async function visibleCauses(page: Page): Promise<string[]> {
    return page.locator('.finding:visible').evaluateAll((els) => els.map((el) => el.getAttribute('data-cause') ?? ''));
  }

  async function visibleCount(page: Page): Promise<number> {
    return Number(await page.getByTestId('visible-count').textContent());
  }

  it('opens offline: no request leaves the file, no script error, hostile bodies stay text', async () => {
    const { page, offline, errors } = await open(sampleReport(), 'offline.html');
    expect(offline).toEqual([]);
    expect(errors).toEqual([]);
    await page.locator('.finding[data-severity="critical"] details summary').click();
    const response = page.locator('.finding[data-severity="critical"] .exchange pre').nth(1);
    await expect.poll(() => response.textContent()).toContain('<script>window.__pwned = true</script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await page.locator('.finding img, .finding script').count()).toBe(0);
    await page.close();
  });

  it('shows eleven scorecard cards, failing exactly the causes that have findings', async () => {
    const { page } = await open(sampleReport(), 'scorecard.html');
    const cards = page.locator('.scorecard .card');
    expect(await cards.count()).toBe(11);
    const states = await cards.evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-cause'), el.getAttribute('data-status'), el.querySelector('.card-status')?.textContent]),
    );
    const failing = states.filter(([, status]) => status === 'fail').map(([cause]) => cause);
    expect(failing.sort()).toEqual(['insufficient-testing', 'poor-design-docs', 'public-exposure', 'session-management', 'unsecured-endpoints']);
    for (const [, status, label] of states) expect(label).toBe(status === 'fail' ? 'FAIL' : 'PASS');
    await page.close();
  });

  it('filters findings by severity, by cause and by clicking a card, and keeps the count right', async () => {
    const { page, errors } = await open(sampleReport(), 'filters.html');
    expect(await visibleCount(page)).toBe(8);
    expect(await page.locator('.finding:visible').count()).toBe(8);

    await page.getByTestId('filter-severity').selectOption('high');
    expect(await visibleCount(page)).toBe(3);
    expect((await visibleSeverities(page)).sort()).toEqual(['critical', 'high', 'high']);

    await page.getByTestId('filter-cause').selectOption('insufficient-testing');
    expect(await visibleCount(page)).toBe(1);
    expect(await visibleCauses(page)).toEqual(['insufficient-testing']);
    expect(await visibleSeverities(page)).toEqual(['high']);

    await page.getByTestId('filter-reset').click();
    expect(await visibleCount(page)).toBe(8);

    await page.locator('.card[data-cause="poor-design-docs"]').click();
    expect(await visibleCount(page)).toBe(3);
    expect(new Set(await visibleCauses(page))).toEqual(new Set(['poor-design-docs']));
    expect(await page.getByTestId('filter-cause').inputValue()).toBe('poor-design-docs');
    expect(await page.locator('.card[data-cause="poor-design-docs"]').getAttribute('aria-pressed')).toBe('true');

    // A clean cause shows nothing and says so.
    await page.locator('.card[data-cause="bad-urls"]').click();
    expect(await visibleCount(page)).toBe(0);
    expect(await page.locator('#no-match').isVisible()).toBe(true);

    // Clicking the selected card again shows every cause.
    await page.locator('.card[data-cause="bad-urls"]').click();
    expect(await visibleCount(page)).toBe(8);
    expect(await page.locator('#no-match').isVisible()).toBe(false);
    expect(errors).toEqual([]);

    await page.getByTestId('filter-severity').selectOption('medium');
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/report-html.png', fullPage: true });
    await page.close();
  });

  it('filters a report of 5,000 findings', async () => {
    const { page, offline } = await open(sampleReport(largeFindings(5000, 3000)), 'large.html');
    expect(await visibleCount(page)).toBe(5000);
    await page.getByTestId('filter-severity').selectOption('critical');
    expect(await visibleCount(page)).toBe(1000);
    await page.getByTestId('filter-cause').selectOption('permissions');
    // largeFindings cycles five causes and five severities together, so critical ones are all permissions.
    expect(await visibleCount(page)).toBe(1000);
    await page.getByTestId('filter-cause').selectOption('bad-urls');
    expect(await visibleCount(page)).toBe(0);
    expect(offline).toEqual([]);
    await page.close();
  });

  it('parses the JUnit report as XML, hostile text included', async () => {
    const hostile = finding({ check: 'auth.x', cause: 'permissions', severity: 'critical', title: 'a <b> & "c" \u0000\u0007 ]]> \ud800', detail: '</failure>' });
    const xml = junitReporter.render(sampleReport([...sampleFindings(), hostile]), {});
    const page = await browser.newPage();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        suites: doc.getElementsByTagName('testsuite').length,
        failures: doc.getElementsByTagName('failure').length,
        firstFailure: doc.querySelector('testsuite[id="permissions"] failure')?.getAttribute('message'),
      };
    }, xml);
    expect(parsed).toEqual({ errors: 0, suites: 11, failures: 4, firstFailure: 'a <b> & "c"  ]]> ' });
    await page.close();
  });
});

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanOperations } from '../demo/faults.js';
import { isChromiumSkipped, launchChromium, openOffline } from './support/chromium.js';
import { runCli } from './support/run-cli.js';

// The demo's planted permission faults, as the grid must colour them: the reader and writer tokens
// delete a product the spec reserves for admin, and anyone at all reads the admin statistics.
const plantedViolations = [
  'DELETE /products/{id} reader',
  'DELETE /products/{id} writer',
  'GET /admin/stats anonymous',
  'GET /admin/stats reader',
  'GET /admin/stats writer',
];

interface CellView {
  readonly operation: string;
  readonly role: string;
  readonly verdict: string;
  readonly text: string;
  readonly background: string;
  readonly href: string | null;
}

describe.skipIf(isChromiumSkipped())('permission matrix of the demo in Chromium', () => {
  let browser: Browser;
  let out: string;
  let page: Page;
  let errors: string[] = [];
  let offline: string[] = [];

  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'faultline-matrix-'));
    // The whole demo audit, as `faultline demo` writes it: the grid must hold up beside every other finding.
    const result = await runCli(['demo', '--format', 'json', '--out', out], { timeoutMs: 240_000 });
    if (result.code !== 0) throw new Error(`faultline demo exited ${result.code}: ${result.stderr}`);
    browser = await launchChromium();
    ({ page, offline, errors } = await openOffline(browser, pathToFileURL(path.join(out, 'report.html')).href));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  async function cells(rows: Locator): Promise<CellView[]> {
    return rows.evaluateAll((els) =>
      els.flatMap((row) =>
        Array.from(row.querySelectorAll<HTMLElement>('.pm-cell')).map((cell) => ({
          operation: row.getAttribute('data-operation') ?? '',
          role: cell.getAttribute('data-role') ?? '',
          verdict: cell.getAttribute('data-verdict') ?? '',
          text: `${cell.querySelector('.pm-status')?.textContent ?? ''} ${cell.querySelector('.pm-verdict')?.textContent ?? ''}`,
          background: getComputedStyle(cell).backgroundColor,
          href: cell.querySelector('a')?.getAttribute('href') ?? null,
        })),
      ),
    );
  }

  /** The background the legend gives each verdict: what a reader learns a colour means. */
  async function legendColours(): Promise<Record<string, string>> {
    return page.locator('.pm-legend .pm-cell').evaluateAll((els) =>
      Object.fromEntries(els.map((el) => [el.className.replace('pm-cell pm-', ''), getComputedStyle(el).backgroundColor])),
    );
  }

  function isRed(colour: string): boolean {
    const [r = 0, g = 0, b = 0] = (colour.match(/\d+/g) ?? []).map(Number);
    return r > 120 && r > 2 * g && r > 2 * b;
  }

  it('draws every role and anonymous as a column, offline and without script errors', async () => {
    const heads = await page.locator('.pm-grid thead th').allTextContents();
    expect(heads).toEqual(['Operation', 'Requires', 'anonymous', 'admin', 'writer', 'reader']);
    expect(await page.locator('.pm-row').count()).toBe(34);
    expect(offline).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the planted permission faults as red cells with their status, linked to their findings', async () => {
    const all = await cells(page.locator('.pm-row'));
    const legend = await legendColours();
    expect(isRed(legend['violation']!), `violation colour ${legend['violation']}`).toBe(true);

    const red = all.filter((c) => c.background === legend['violation']);
    expect(red.map((c) => `${c.operation} ${c.role}`).sort()).toEqual(plantedViolations);
    for (const cell of red) expect(cell.verdict).toBe('violation');

    const deletes = all.filter((c) => c.operation === 'DELETE /products/{id}');
    expect(deletes.map((c) => [c.role, c.verdict, c.text])).toEqual([
      ['anonymous', 'denied', '401 denied'],
      ['admin', 'allowed', '204 allowed'],
      ['writer', 'violation', '204 VIOLATION'],
      ['reader', 'violation', '204 VIOLATION'],
    ]);
    const stats = all.find((c) => c.operation === 'GET /admin/stats' && c.role === 'anonymous')!;
    expect([stats.verdict, stats.text]).toEqual(['violation', '200 VIOLATION']);

    // Each red cell points at the finding that reports it, on that operation.
    const linked = async (cell: CellView) => {
      expect(cell.href, `${cell.operation} ${cell.role} is linked`).toMatch(/^#finding-\d+$/);
      const article = page.locator(cell.href!);
      return [await article.getAttribute('data-check'), await article.locator('.facts').textContent()];
    };
    for (const cell of deletes.filter((c) => c.verdict === 'violation')) {
      const [check, facts] = await linked(cell);
      expect(check).toBe('permissions.scope-not-enforced');
      expect(facts).toContain('DELETE /products/{id}');
    }
    const [check, facts] = await linked(stats);
    expect(check).toBe('auth.unauthenticated-access');
    expect(facts).toContain('GET /admin/stats');
  });

  it('colours no cell of a clean operation as a problem', async () => {
    const legend = await legendColours();
    const problemColours = [legend['violation'], legend['over-denied'], legend['error']];
    const clean = (await cells(page.locator('.pm-row'))).filter((c) => cleanOperations.includes(c.operation));
    expect(new Set(clean.map((c) => c.operation))).toEqual(new Set(cleanOperations));
    for (const cell of clean) {
      expect(['allowed', 'denied', 'untested'], `${cell.operation} ${cell.role}: ${cell.text}`).toContain(cell.verdict);
      expect(problemColours, `${cell.operation} ${cell.role} is coloured ${cell.background}`).not.toContain(cell.background);
      expect(cell.background).toBe(legend[cell.verdict]);
    }
    const products = clean.filter((c) => c.operation === 'GET /products');
    expect(products.map((c) => [c.role, c.text])).toEqual([
      ['anonymous', '401 denied'],
      ['admin', '200 allowed'],
      ['writer', '200 allowed'],
      ['reader', '200 allowed'],
    ]);
  });

  it('shows only the rows with a violation when the switch is ticked, and every row again when it is not', async () => {
    const toggle = page.getByTestId('matrix-violations-only');
    await toggle.check();
    const visible = await page.locator('.pm-row:visible').evaluateAll((els) => els.map((el) => el.getAttribute('data-operation')));
    expect(visible).toEqual(['DELETE /products/{id}', 'GET /admin/stats']);
    expect(await page.locator('.pm-group:visible').allTextContents()).toEqual(['catalogue', 'admin']);
    const shown = await cells(page.locator('.pm-row:visible'));
    expect(shown.filter((c) => c.verdict === 'violation').map((c) => `${c.operation} ${c.role}`).sort()).toEqual(plantedViolations);

    await page.getByTestId('permission-matrix').scrollIntoViewIfNeeded();
    await mkdir('test-results', { recursive: true });
    await page.getByTestId('permission-matrix').screenshot({ path: 'test-results/permission-matrix-violations.png' });

    await toggle.uncheck();
    expect(await page.locator('.pm-row:visible').count()).toBe(34);
  });

  /** The finding the page targets, and whether it sits in the viewport below the sticky filter bar. */
  async function targeted(): Promise<{ hash: string; id: string | null; visible: boolean; belowFilters: boolean }> {
    return page.evaluate(() => {
      const target = document.querySelector(':target');
      const box = target?.getBoundingClientRect();
      const filters = document.querySelector('.filters')!.getBoundingClientRect();
      return {
        hash: location.hash,
        id: target?.id ?? null,
        visible: !!box && box.height > 0 && box.top < window.innerHeight && box.bottom > 0,
        belowFilters: !!box && box.top >= filters.bottom,
      };
    });
  }

  it('takes a red cell to its finding, shown below the sticky filters', async () => {
    const cell = page.locator('.pm-row[data-operation="DELETE /products/{id}"] .pm-cell[data-role="reader"] a');
    const href = await cell.getAttribute('href');
    await cell.click();
    await expect.poll(targeted).toEqual({ hash: href, id: href!.slice(1), visible: true, belowFilters: true });
    expect(await page.locator(':target').getAttribute('data-check')).toBe('permissions.scope-not-enforced');
    await page.screenshot({ path: 'test-results/permission-matrix-finding.png' });
  });

  it('shows a linked finding that the findings filters had hidden', async () => {
    // The admin statistics finding is high; filtering to critical hides it, and the link must still lead somewhere.
    await page.getByTestId('filter-severity').selectOption('critical');
    const cell = page.locator('.pm-row[data-operation="GET /admin/stats"] .pm-cell[data-role="anonymous"] a');
    const href = await cell.getAttribute('href');
    expect(await page.locator(href!).isHidden()).toBe(true);
    await cell.click();
    await expect.poll(targeted).toEqual({ hash: href, id: href!.slice(1), visible: true, belowFilters: true });
    expect(await page.getByTestId('filter-severity').inputValue()).toBe('');
    expect(errors).toEqual([]);
  });
});

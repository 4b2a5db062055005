import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/http/test-support/hostile-server.js';
import { seriousViolations } from './support/axe.js';
import { isChromiumSkipped } from './support/chromium.js';
import { startServeInBrowser, type ServeInBrowser } from './support/serve-in-browser.js';

const shouldSkip = isChromiumSkipped();
const password = 'status page test admin password';
const headerSecret = 'hdr-secret-7731';

describe.skipIf(shouldSkip)('the public status page in Chromium', () => {
  let target: TestServer;
  let serve: ServeInBrowser;

  beforeAll(async () => {
    target = await startTestServer((req, res) => {
      const failing = req.url === '/internal-checkout-path';
      res.statusCode = failing ? 503 : 200;
      res.end(failing ? 'upstream pool exhausted at db-7.internal' : 'ok');
    });
    serve = await startServeInBrowser(
      [
        'statusPage: { path: /health-status, title: Acme status }',
        'monitors:',
        `  - { name: checkout, url: "${target.url}/internal-checkout-path", interval: 1s, retries: 0, public: true, group: Payments, headers: { x-api-key: ${headerSecret} } }`,
        `  - { name: search, url: "${target.url}/search-backend", interval: 1s, retries: 0, group: API }`,
        `  - { name: admin-db, url: "${target.url}/admin-db-probe", interval: 1s, retries: 0 }`,
        '',
      ].join('\n'),
      password,
    );
  });

  afterAll(async () => {
    await serve?.close();
    await target?.close();
  });

  it('shows only public monitors, grouped, with the open incident and its public note, and nothing internal', async () => {
    // An admin switches `search` onto the page and writes the note for the checkout incident.
    const admin = await serve.signIn();
    await admin.click('tr[data-monitor="search"] button:has-text("edit")');
    await admin.check('#m-public');
    await admin.click('#m-save');
    await admin.click('tr[data-monitor="checkout"] a');
    await expect.poll(() => admin.locator('#mv-note-form').isVisible(), { timeout: 15_000 }).toBe(true);
    await admin.fill('#mv-note', 'Card payments fail for some customers; we are on it.');
    await admin.click('#mv-note-form button');
    await expect.poll(() => admin.textContent('#mv-note-result')).toMatch(/saved/);
    await admin.close();

    // Anyone, not signed in.
    const context = await serve.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    expect((await page.goto(`${serve.url}/status`))?.status()).toBe(404);
    await page.goto(`${serve.url}/health-status`);
    await expect.poll(() => page.locator('[data-monitor="search"] .state').textContent(), { timeout: 15_000 }).toBe('up');
    expect(await page.title()).toBe('Acme status');
    expect(await page.locator('h2').allTextContents()).toEqual(['Current incidents', 'Payments', 'API']);
    expect(await page.locator('[data-monitor]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-monitor')))).toEqual(['checkout', 'search']);
    expect(await page.textContent('[data-monitor="checkout"] .state')).toBe('down');
    expect(await page.getAttribute('#overall', 'class')).toBe('disrupted');
    expect(await page.textContent('[data-incident="checkout"]')).toMatch(/Card payments fail for some customers/);
    expect(await page.locator('[data-bar="checkout"] .seg').count()).toBe(90);

    const html = await page.content();
    const api = await page.evaluate(async () => (await fetch('/api/public/status')).text());
    const internal = [target.url, new URL(target.url).host, 'internal-checkout-path', 'search-backend', headerSecret, 'x-api-key', 'status 503', 'expected 200', 'db-7.internal', 'admin-db'];
    for (const text of [html, api]) for (const secret of internal) expect(text, `the status page shows ${secret}`).not.toContain(secret);
    expect(await page.evaluate(async () => (await fetch('/api/monitors')).status)).toBe(401);

    expect(await seriousViolations(page)).toEqual([]);
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: path.join('test-results', 'serve-status-page.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe.skipIf(shouldSkip)('a maintenance window in Chromium', () => {
  let target: TestServer;
  let receiver: TestServer;
  let serve: ServeInBrowser;
  const alerts: { monitor: string; kind: string }[] = [];

  beforeAll(async () => {
    target = await startTestServer((_req, res) => {
      res.statusCode = 503;
      res.end('down');
    });
    receiver = await startTestServer((_req, res, body) => {
      alerts.push(JSON.parse(body.toString('utf8')) as { monitor: string; kind: string });
      res.end('ok');
    });
    const hour = 3_600_000;
    serve = await startServeInBrowser(
      [
        'alerts:',
        `  - { name: hook, type: webhook, url: "${receiver.url}/hook", retries: 0 }`,
        'maintenance:',
        `  - { name: db upgrade, groups: [Billing], start: "${new Date(Date.now() - hour).toISOString()}", end: "${new Date(Date.now() + hour).toISOString()}" }`,
        'monitors:',
        `  - { name: billing, url: "${target.url}/billing", interval: 1s, retries: 0, public: true, group: Billing }`,
        `  - { name: ledger, url: "${target.url}/ledger", interval: 1s, retries: 0, public: true }`,
        '',
      ].join('\n'),
      password,
    );
  });

  afterAll(async () => {
    await serve?.close();
    await receiver?.close();
    await target?.close();
  });

  it('keeps checking and storing a monitor in its window but holds its incident and alert, which a monitor outside gets', async () => {
    const admin = await serve.signIn();
    // The monitor outside the window alerts at the webhook on its first failure (retries: 0) ...
    await expect.poll(() => alerts.filter((a) => a.monitor === 'ledger' && a.kind === 'failure').length, { timeout: 15_000 }).toBe(1);
    // ... while the one inside keeps being checked and stored, for a few checks more.
    const billingResults = () =>
      admin.evaluate(async () => {
        const monitors = (await (await fetch('/api/monitors')).json()) as { id: number; name: string }[];
        const billing = monitors.find((m) => m.name === 'billing');
        return ((await (await fetch(`/api/monitors/${billing?.id}/results`)).json()) as { ok: boolean }[]).filter((r) => !r.ok).length;
      });
    const before = await billingResults();
    await expect.poll(billingResults, { timeout: 15_000 }).toBeGreaterThanOrEqual(before + 2);
    expect(alerts.filter((a) => a.monitor === 'billing')).toEqual([]);
    expect(await admin.getAttribute('tr[data-monitor="billing"] td[data-status]', 'data-status')).toBe('maintenance');
    expect(await admin.evaluate(async () => ((await (await fetch('/api/incidents')).json()) as unknown[]).length)).toBe(1);
    // The alerted incident lists its delivery on the monitor's own page.
    await admin.click('tr[data-monitor="ledger"] a');
    await expect.poll(() => admin.locator('#mv-incidents tr[data-open="yes"] li').allTextContents(), { timeout: 15_000 }).toEqual(['failure → hook (attempt 1): HTTP 200']);
    await admin.close();

    const page = await serve.newPage();
    await page.goto(`${serve.url}/status`);
    await expect.poll(() => page.locator('[data-monitor="billing"] .state').textContent(), { timeout: 15_000 }).toBe('maintenance');
    expect(await page.textContent('[data-monitor="ledger"] .state')).toBe('down');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});

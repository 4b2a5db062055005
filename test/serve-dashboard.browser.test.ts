import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/http/test-support/hostile-server.js';
import { seriousViolations } from './support/axe.js';
import { isChromiumSkipped } from './support/chromium.js';
import { startServeInBrowser, type ServeInBrowser } from './support/serve-in-browser.js';

const shouldSkip = isChromiumSkipped();
const password = 'dashboard test admin password';

describe.skipIf(shouldSkip)('serve dashboard in Chromium', () => {
  let target: TestServer;
  let receiver: TestServer;
  const received: { kind: string; sentence?: string }[] = [];
  let healthy = true;
  let serve: ServeInBrowser;

  beforeAll(async () => {
    target = await startTestServer((_req, res) => {
      res.statusCode = healthy ? 200 : 503;
      res.end(healthy ? 'ok' : 'down');
    });
    receiver = await startTestServer((_req, res, body) => {
      received.push(JSON.parse(body.toString('utf8')) as { kind: string });
      res.end('ok');
    });
    serve = await startServeInBrowser('monitors: []\n', password);
  });

  afterAll(async () => {
    await serve?.close();
    await target?.close();
    await receiver?.close();
  });

  async function openPage(errors: string[]): Promise<Page> {
    const page = await serve.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    return page;
  }

  it('explains how to add the first monitor and schedule an audit when there is none, and signs out', async () => {
    const errors: string[] = [];
    const page = await openPage(errors);
    await page.goto(serve.url);
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#password', 'wrong password');
    await page.click('#signin-form button');
    await expect.poll(() => page.textContent('#signin-error')).toMatch(/wrong username or password/);
    await page.fill('#password', password);
    await page.click('#signin-form button');
    await page.waitForSelector('#empty-state:not(.hidden)');
    const text = await page.textContent('#empty-state');
    expect(text).toMatch(/form below/);
    expect(text).toMatch(/faultline\.yaml/);
    expect(text).toMatch(/kind: audit, cron:/);
    expect(await page.isHidden('#monitors')).toBe(true);
    expect(await page.textContent('#session-expiry')).toMatch(/^session ends at \d/);
    expect(await seriousViolations(page)).toEqual([]);
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: path.join('test-results', 'serve-overview-empty.png'), fullPage: true });

    await page.focus('#signout');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#signin:not(.hidden)');
    expect(await page.textContent('#signin-note')).toMatch(/signed out/);
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('signs in, adds a monitor, shows it go down and up on its own page with the incident and the percentile chart', async () => {
    const errors: string[] = [];
    const page = await serve.signIn();
    page.on('pageerror', (error) => errors.push(error.message));

    await page.fill('#m-name', 'shop');
    await page.fill('#m-url', `${target.url}/health`);
    await page.fill('#m-interval', '1s');
    await page.fill('#m-retries', '0');
    await page.click('#m-save');
    const status = page.locator('tr[data-monitor="shop"] td[data-status]');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 15_000 }).toBe('up');

    // The overview: a 90-day bar whose last segment (today) carries the day's uptime, a sparkline, the response time.
    const today = page.locator('[data-bar="shop"] .seg').last();
    await expect.poll(() => today.getAttribute('data-tip')).toMatch(/: 100\.00 % of \d+ checks$/);
    expect(await page.locator('[data-bar="shop"] .seg').count()).toBe(90);
    // The bar is one tab stop (today); the arrow keys walk back through the days, each naming its figure.
    await page.focus('[data-bar="shop"] .seg[tabindex="0"]');
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^shop, \w+ \d+: no checks$/);
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^shop, \w+ \d+: 100\.00 % of \d+ checks$/);
    // The redraw every 2 s (today's count goes up) keeps the keyboard focus on the same day.
    const focusedKey = () => page.evaluate(() => document.activeElement?.getAttribute('data-key'));
    const before = { key: await focusedKey(), tip: await today.getAttribute('data-tip') };
    expect(before.key).toMatch(/^shop:\d+$/);
    await expect.poll(() => today.getAttribute('data-tip'), { timeout: 10_000 }).not.toBe(before.tip);
    expect(await focusedKey()).toBe(before.key);
    await expect.poll(() => page.locator('tr[data-monitor="shop"] svg.sparkline polyline').count()).toBe(1);
    expect(await page.textContent('tr[data-monitor="shop"] td:nth-child(4)')).toMatch(/^\d+ ms$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join('test-results', 'serve-overview.png'), fullPage: true });

    // Its own page, reached with the keyboard alone.
    await page.focus('tr[data-monitor="shop"] a');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#monitor-view:not(.hidden)');
    await expect.poll(() => page.textContent('#mv-title')).toBe('shop');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mv-title');
    const pageStatus = page.locator('#mv-status');
    healthy = false;
    await expect.poll(() => pageStatus.getAttribute('data-status'), { timeout: 15_000 }).toBe('down');
    await expect.poll(() => page.locator('#mv-incidents tr[data-open="yes"]').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.locator('#mv-assertions td.down').count()).toBeGreaterThan(0);

    healthy = true;
    await expect.poll(() => pageStatus.getAttribute('data-status'), { timeout: 15_000 }).toBe('up');
    await expect.poll(() => page.locator('#mv-incidents tr[data-open="no"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.textContent('#mv-incidents tr[data-open="no"] td:nth-child(4)')).toMatch(/^\d+ s$/);
    for (const line of ['p50', 'p95', 'p99']) expect(await page.locator(`#latency-svg polyline.${line}`).count()).toBe(1);
    expect(await page.locator('#latency-svg circle.failure').count()).toBeGreaterThan(0);
    expect(await page.locator('#incident-timeline rect.closed').count()).toBe(1);
    await page.click('.ranges button[data-range="90d"]');
    await expect.poll(() => page.getAttribute('.ranges button[data-range="90d"]', 'aria-pressed')).toBe('true');
    expect(await page.textContent('#mv-uptime')).toMatch(/^\d+\.\d\d %$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join('test-results', 'serve-monitor.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('edits a monitor without losing what the form does not show, and names a malformed JSON box', async () => {
    const errors: string[] = [];
    const page = await serve.signIn();
    page.on('pageerror', (error) => errors.push(error.message));
    const definitionOf = (name: string) =>
      page.evaluate(async (wanted) => {
        const monitors = (await (await fetch('/api/monitors', { credentials: 'same-origin' })).json()) as { name: string; definition: Record<string, unknown> }[];
        return monitors.find((m) => m.name === wanted)?.definition;
      }, name);

    await page.fill('#m-name', 'api');
    await page.fill('#m-url', `${target.url}/status`);
    await page.fill('#m-interval', '5s');
    await page.click('#m-more-box summary');
    await page.fill('#m-more', '{ "headers": { "accept": "application/json" }, "assert": { "json": [ { "path": "$.ok" ');
    await page.click('#m-save');
    await expect.poll(() => page.textContent('#monitor-error')).toMatch(/^more \(JSON\): /);
    await page.fill('#m-more', '{ "headers": { "accept": "application/json" }, "timeout": "3s", "assert": { "status": [200, 204], "json": [{ "path": "$.ok", "exists": true }] } }');
    await page.fill('#m-status', '');
    await page.click('#m-save');
    await expect.poll(() => definitionOf('api')).toMatchObject({ interval: 5000, timeout: 3000, headers: { accept: 'application/json' }, assert: { status: [200, 204], json: [{ path: '$.ok', exists: true }] } });

    await page.click('tr[data-monitor="api"] button:has-text("edit")');
    expect(await page.inputValue('#m-interval')).toBe('5s');
    expect(JSON.parse(await page.inputValue('#m-more'))).toMatchObject({ headers: { accept: 'application/json' }, assert: { status: [200, 204] } });
    await page.fill('#m-interval', '7s');
    await page.click('#m-save');
    await expect.poll(() => definitionOf('api')).toMatchObject({ interval: 7000, timeout: 3000, headers: { accept: 'application/json' }, assert: { status: [200, 204], json: [{ path: '$.ok', exists: true }] } });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('adds a webhook channel, delivers a test alert to it, never shows its URL again, keeps it through an edit and deletes it', async () => {
    const errors: string[] = [];
    const page = await serve.signIn();
    page.on('pageerror', (error) => errors.push(error.message));
    const secretPath = '/hook/tok-5f1e2d';
    await page.click('nav a:has-text("Alert channels")');
    await page.waitForSelector('#channels-view:not(.hidden)');
    await page.fill('#c-name', 'ops-hook');
    await page.selectOption('#c-type', 'webhook');
    await page.fill('#c-url', `${receiver.url}${secretPath}`);
    await page.fill('#c-headers', '{ "authorization": "Bearer hdr-9c8b7a" }');
    await page.fill('#c-retries', '0');
    await page.click('#channel-form button[type=submit]');
    await page.waitForSelector('tr[data-channel="ops-hook"]');

    await page.click('tr[data-channel="ops-hook"] button:has-text("send test alert")');
    await expect.poll(() => page.textContent('#channel-test-result')).toBe('test alert to ops-hook delivered: HTTP 200');
    expect(received).toEqual([expect.objectContaining({ schema: 'faultline/alert@1', kind: 'test', monitor: 'faultline' })]);
    expect(receiver.received.at(-1)?.headers.authorization).toBe('Bearer hdr-9c8b7a');

    // Write-only: neither the page nor the API shows the URL's path or the header's value again.
    const listed = await page.evaluate(async () => (await fetch('/api/channels')).text());
    for (const text of [listed, await page.content()]) for (const secret of ['tok-5f1e2d', 'hdr-9c8b7a']) expect(text).not.toContain(secret);
    expect(await page.textContent('tr[data-channel="ops-hook"]')).toContain(new URL(receiver.url).origin);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join('test-results', 'serve-channels.png'), fullPage: true });

    // An edit that leaves the secrets empty keeps them: the renamed channel still delivers.
    await page.click('tr[data-channel="ops-hook"] button:has-text("edit")');
    expect(await page.inputValue('#c-url')).toBe('');
    await page.fill('#c-name', 'ops-webhook');
    await page.click('#channel-form button[type=submit]');
    await page.waitForSelector('tr[data-channel="ops-webhook"]');
    await page.click('tr[data-channel="ops-webhook"] button:has-text("send test alert")');
    await expect.poll(() => page.textContent('#channel-test-result')).toBe('test alert to ops-webhook delivered: HTTP 200');
    expect(received).toHaveLength(2);

    // The monitor form offers it per monitor.
    await page.click('nav a:has-text("Overview")');
    await page.waitForSelector('#overview-view:not(.hidden)');
    await page.fill('#m-name', 'billing');
    await page.fill('#m-url', `${target.url}/billing`);
    await page.check('#m-channel-list input[value="ops-webhook"]');
    await page.click('#m-save');
    await expect
      .poll(() => page.evaluate(async () => ((await (await fetch('/api/monitors')).json()) as { name: string; definition: { alerts?: string[] } }[]).find((m) => m.name === 'billing')?.definition.alerts))
      .toEqual(['ops-webhook']);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('nav a:has-text("Alert channels")');
    await page.click('tr[data-channel="ops-webhook"] button:has-text("delete")');
    await expect.poll(() => page.locator('tr[data-channel]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('plans a maintenance window from the dashboard that puts its monitor in maintenance until it is deleted', async () => {
    const errors: string[] = [];
    const page = await serve.signIn();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.fill('#m-name', 'cache');
    await page.fill('#m-url', `${target.url}/cache`);
    await page.fill('#m-interval', '1s');
    await page.click('#m-save');
    const status = page.locator('tr[data-monitor="cache"] td[data-status]');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 15_000 }).toBe('up');

    await page.fill('#w-name', 'cache upgrade');
    await page.fill('#w-monitors', 'cache');
    await page.fill('#w-cron', '0 2 * * 0');
    await page.click('#maintenance-form button');
    await expect.poll(() => page.textContent('#maintenance-error')).toMatch(/duration/);

    const local = (ms: number) => {
      const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
      return d.toISOString().slice(0, 16);
    };
    await page.fill('#w-cron', '');
    await page.fill('#w-start', local(Date.now() - 3_600_000));
    await page.fill('#w-end', local(Date.now() + 3_600_000));
    await page.click('#maintenance-form button');
    await expect.poll(() => page.textContent('tr[data-window="cache upgrade"] td:nth-child(4)')).toBe('on');
    await expect.poll(() => status.getAttribute('data-status')).toBe('maintenance');
    expect(await seriousViolations(page)).toEqual([]);

    await page.click('tr[data-window="cache upgrade"] button:has-text("delete")');
    await expect.poll(() => page.locator('tr[data-window]').count()).toBe(0);
    await expect.poll(() => status.getAttribute('data-status')).toBe('up');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

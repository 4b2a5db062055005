import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium, driven by playwright-core (which brings no browser of its own). */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Whether a Chromium test file should skip: locally a missing browser skips with a warning; under
 * CI=true it must fail, so CI never passes by skipping.
 */
export function isChromiumSkipped(): boolean {
  const shouldSkip = !existsSync(chromiumPath) && process.env.CI !== 'true';
  if (shouldSkip) console.warn('skipped: chromium not installed');
  return shouldSkip;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export interface OfflinePage {
  readonly page: Page;
  /** Every request that tried to leave the file: a report must open offline and never call home. */
  readonly offline: string[];
  /** Uncaught script errors and console errors. */
  readonly errors: string[];
}

/** Open a report file with every non-file request blocked and recorded, and script errors kept. */
export async function openOffline(browser: Browser, url: string): Promise<OfflinePage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const offline: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) offline.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.route('**', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(url);
  return { page, offline, errors };
}

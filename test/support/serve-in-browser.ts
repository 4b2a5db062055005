import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServe } from '../../src/cli/commands/serve.js';
import { launchChromium } from './chromium.js';

/** A `serve` on SQLite with the given faultline.yaml and admin password, and a Chromium to look at it. */
export interface ServeInBrowser {
  readonly browser: Browser;
  readonly url: string;
  /** A page allowed to take axe-core, which serve's Content-Security-Policy would refuse. */
  newPage(): Promise<Page>;
  /** A new page signed in as admin. */
  signIn(): Promise<Page>;
  close(): Promise<void>;
}

export async function startServeInBrowser(configYaml: string, password: string): Promise<ServeInBrowser> {
  const browser = await launchChromium();
  const dir = await mkdtemp(path.join(tmpdir(), 'faultline-browser-'));
  await writeFile(path.join(dir, 'faultline.yaml'), configYaml);
  process.env.FAULTLINE_ADMIN_PASSWORD = password;
  const serve = await startServe({ config: path.join(dir, 'faultline.yaml'), db: `sqlite:${path.join(dir, 'serve.db')}`, listen: '127.0.0.1:0', trustProxy: false });
  const newPage = () => browser.newPage({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  return {
    browser,
    url: serve.url,
    newPage,
    async signIn() {
      const page = await newPage();
      await page.goto(serve.url);
      await page.fill('#password', password);
      await page.click('#signin-form button');
      await page.waitForSelector('#app:not(.hidden)');
      return page;
    },
    async close() {
      delete process.env.FAULTLINE_ADMIN_PASSWORD;
      await serve.close();
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

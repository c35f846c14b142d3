/**
 * @file Opens a report in headless Chromium (Debian's /usr/bin/chromium via playwright-core; WebGL
 * in software) and records console errors, page exceptions and dialogs — the only things the
 * report tests fail on (software rendering logs GL and deprecation warnings, which are not errors).
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ReportPage {
  browser: Browser;
  page: Page;
  /** Console errors and uncaught page exceptions, in order. */
  problems: string[];
  /** Messages of dialogs (alert, confirm) the page opened; each is dismissed. */
  dialogs: string[];
}

/** Launches Chromium, opens `file`, and waits for the report's first graph render. */
export async function openReport(file: string, options: { acceptDownloads?: boolean } = {}): Promise<ReportPage> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: options.acceptDownloads ?? false });
  const page = await context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page exception: ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`file://${file}`);
  await page.waitForFunction(() => (globalThis as { __lmkgReport?: { firstRenderMs(): number | null } }).__lmkgReport?.firstRenderMs() != null, undefined, { timeout: 30_000 });
  return { browser, page, problems, dialogs };
}

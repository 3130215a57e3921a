import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/chromium.ts';
import { afterAll, beforeAll, inject } from 'vitest';

/** What a page did that a user should never see or that must never leave the machine. */
export interface PageWatch {
  consoleErrors: string[];
  pageErrors: string[];
  offOriginRequests: string[];
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  baseUrl: string;
  /** A page in the session's shared browser context (its tabs share one localStorage). */
  newPage: (viewport?: {
    width: number;
    height: number;
  }) => Promise<{ page: Page; watch: PageWatch }>;
  /** A page in a context of its own, with empty storage, as another browser profile would be. */
  isolatedPage: () => Promise<{ page: Page; watch: PageWatch }>;
  close: () => Promise<void>;
}

export function watchPage(page: Page, baseUrl: string): PageWatch {
  const origin = new URL(baseUrl).origin;
  const watch: PageWatch = { consoleErrors: [], pageErrors: [], offOriginRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) watch.offOriginRequests.push(url);
  });
  return watch;
}

export async function startBrowser(): Promise<BrowserSession> {
  const baseUrl = inject('baseUrl');
  const browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  return {
    browser,
    context,
    baseUrl,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return { page, watch: watchPage(page, baseUrl) };
    },
    async isolatedPage() {
      const isolated = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        acceptDownloads: true,
      });
      const page = await isolated.newPage();
      return { page, watch: watchPage(page, baseUrl) };
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * One Chromium for the test file: started before its tests, closed after them. Call the returned
 * function inside a test to reach it.
 */
export function browserForThisFile(): () => BrowserSession {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await startBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('the browser has not started');
    return session;
  };
}

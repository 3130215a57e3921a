import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startAssessment } from './support/app.ts';
import { browserForThisFile } from './support/browser.ts';

const browser = browserForThisFile();

/** The screens Lighthouse measures: its desktop preset, and its mobile one (a Moto G Power). */
const screens: [string, BrowserContextOptions][] = [
  ['desktop', { viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1 }],
  [
    'mobile',
    {
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
    },
  ],
];

/** "Good" is below 0.1; the app aims lower, so that one shifting element already fails. */
const largestShift = 0.02;

/**
 * The cumulative layout shift of a fresh load of the page: every shift that no input caused,
 * added up. The processor is slowed four times, as Lighthouse's mobile preset does, so that
 * lazily loaded code arrives frames after the shell is drawn; on a fast machine everything lands
 * in the first frame and a shifting layout would pass.
 */
async function layoutShiftOfLoad(page: Page, url: string): Promise<number> {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[])
            if (!entry.hadRecentInput) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        // The buffered entries arrive in the observer's first callback, a task later.
        setTimeout(() => resolve(total), 100);
      }),
  );
}

describe('layout stability in Chromium', () => {
  it.each(screens)(
    'shifts no page by more than 0.02 while it loads (%s)',
    async (_screen, options) => {
      const context = await browser().browser.newContext(options);
      const setup = await context.newPage();
      const id = await startAssessment(setup, browser().baseUrl, 'Steady Mobile');
      await setup.close();
      const routes = [
        '#/',
        '#/new',
        `#/a/${id}/step/EXP`,
        `#/a/${id}/review`,
        `#/a/${id}/results`,
        `#/a/${id}/history`,
        '#/import',
      ];
      // All at once: each page is its own document with its own record of shifts, and a busier
      // processor only makes a shift more likely to show.
      const shifts = await Promise.all(
        routes.map(async (route): Promise<[string, number]> => {
          const page = await context.newPage();
          return [route, await layoutShiftOfLoad(page, `${browser().baseUrl}${route}`)];
        }),
      );
      await context.close();
      expect(shifts.filter(([, shift]) => shift >= largestShift)).toEqual([]);
    },
  );
});

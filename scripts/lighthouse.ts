// Lighthouse on the built app, desktop and mobile presets, for the bench's table.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import type { BenchSeed } from './benchSeed.ts';
import { openSeeded } from './benchBrowser.ts';
import { chromiumFlags } from './chromium.ts';

export interface LighthousePage {
  name: string;
  hash: string;
}

export interface LighthouseFigures {
  page: string;
  preset: 'desktop' | 'mobile';
  /** Category scores, 0 to 100. */
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  cumulativeLayoutShift: number;
  largestContentfulPaintMs: number;
  /** Audits that lost points, for whoever has to act on a score under its budget. */
  failing: string[];
}

/**
 * Runs Lighthouse on each page of the app at `origin`, desktop then mobile preset (mobile is
 * Lighthouse's default: a mid-range phone with simulated slow 4G and 4× CPU slowdown). Lighthouse
 * gets its own Chromium, the same Debian binary with the same headless flags as the rest of the
 * bench, in which `seed` is stored first through the same browser profile; Lighthouse is told not
 * to clear that storage, so that the wizard step has its assessment.
 */
export async function lighthouseRuns(
  origin: string,
  pages: readonly LighthousePage[],
  seed: BenchSeed,
): Promise<LighthouseFigures[]> {
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: chromiumFlags,
    logLevel: 'silent',
  });
  try {
    const seeding = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
    const context = seeding.contexts()[0];
    if (!context) throw new Error('Chromium has no default context');
    await (await openSeeded(context, origin, seed)).close();
    // Disconnects Playwright only: the browser and its profile stay for Lighthouse.
    await seeding.close();
    const figures: LighthouseFigures[] = [];
    for (const preset of ['desktop', 'mobile'] as const) {
      for (const page of pages) {
        const result = await lighthouse(
          `${origin}${page.hash}`,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            disableStorageReset: true,
            onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
          },
          preset === 'desktop' ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`Lighthouse returned nothing for ${page.name}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
        const category = (id: string) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
        const failing = Object.values(lhr.categories).flatMap((c) =>
          c.auditRefs
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => ref.id),
        );
        figures.push({
          page: page.name,
          preset,
          performance: category('performance'),
          accessibility: category('accessibility'),
          bestPractices: category('best-practices'),
          seo: category('seo'),
          cumulativeLayoutShift: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
          largestContentfulPaintMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
          failing,
        });
      }
    }
    return figures;
  } finally {
    chrome.kill();
  }
}

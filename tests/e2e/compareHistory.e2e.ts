import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { carryForward } from '../../src/core/cycles/cycles.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousAxeViolations,
  seedAssessments,
} from './support/app.ts';
import { browserForThisFile } from './support/browser.ts';

const browser = browserForThisFile();

/**
 * Six quarters of one organisation and scope, 2026-Q1 to 2027-Q2, each carried from the one before
 * with one answer better, so that the risk falls each quarter; local ids c1 (oldest) to c6.
 */
function sixQuarters(): Record<string, Assessment> {
  const labels = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2'];
  const improvements = ['EXP-02', 'EXP-03', 'LOG-06', 'PRV-02', 'SUB-07'];
  let cycle: Assessment = {
    ...fixtureAssessment('middle-profile'),
    cycle: labels[0] ?? '',
    createdAt: '2026-01-10T09:00:00.000Z',
  };
  const quarters: Record<string, Assessment> = { c1: cycle };
  labels.slice(1).forEach((label, index) => {
    cycle = carryForward(cycle, { cycle: label }, new Date(Date.UTC(2026, 3 * (index + 1), 10)));
    cycle.answers[improvements[index] ?? ''] = { choice: 'verified' };
    quarters[`c${index + 2}`] = cycle;
  });
  return quarters;
}

interface FocusedRegion {
  name: string;
  outlineStyle: string;
  outlineWidth: number;
}

/** Presses Tab through the page and returns each named scroll region it reached, with its outline. */
async function regionsReachedByTab(page: Page, presses = 60): Promise<Map<string, FocusedRegion>> {
  const reached = new Map<string, FocusedRegion>();
  for (let press = 0; press < presses; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (element?.getAttribute('role') !== 'region') return null;
      const labelId = element.getAttribute('aria-labelledby') ?? '';
      const style = getComputedStyle(element);
      return {
        name: document.getElementById(labelId)?.textContent ?? '',
        outlineStyle: style.outlineStyle,
        outlineWidth: Number.parseFloat(style.outlineWidth),
        tabIndex: element.tabIndex,
      };
    });
    if (focused) reached.set(focused.name, focused);
  }
  return reached;
}

function expectReachedWithOutline(reached: Map<string, FocusedRegion>, names: readonly string[]) {
  expect([...reached.keys()].sort()).toEqual([...names].sort());
  for (const region of reached.values()) {
    expect(region.outlineStyle, region.name).not.toBe('none');
    expect(region.outlineWidth, region.name).toBeGreaterThanOrEqual(2);
  }
}

describe.each([390, 1280])('compare and history at %i px in Chromium', (width) => {
  it('compare: opens at its top on its heading, every scroll region is reachable by keyboard, no serious axe violation', async () => {
    const { page, watch } = await browser().newPage({ width, height: 800 });
    await seedAssessments(page, browser().baseUrl, sixQuarters());
    // Opened from the bottom of the history page, as a user would.
    await page.goto(`${browser().baseUrl}#/a/c6/history`);
    await page.waitForSelector('#history-title');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect
      .poll(() => page.evaluate(() => window.scrollY), { timeout: 5_000 })
      .toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Compare the last two cycles' }).click();
    await page.waitForSelector('#compare-title');
    await expect
      .poll(() => page.evaluate(() => [window.scrollY, document.activeElement?.id]), {
        timeout: 5_000,
      })
      .toEqual([0, 'compare-title']);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(await page.getByRole('heading', { name: /^Improved \(1\)$/ }).count()).toBe(1);

    if (width === 390) {
      // The two tables of moves fit a phone, their "Change" column included.
      for (const name of ['Per domain', 'Per attack phase (controls in place)'])
        expect(
          await page
            .getByRole('region', { name })
            .evaluate((region) => region.scrollWidth <= region.clientWidth),
          name,
        ).toBe(true);
    }
    expectReachedWithOutline(await regionsReachedByTab(page), [
      'Per domain',
      'Per attack phase (controls in place)',
      'The 2027-Q1 plan',
    ]);
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousAxeViolations(page, `compare at ${width} px`);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('history: the chart fits its card or scrolls to the newest cycle with a cue, labels stay readable and unbroken, regions reachable by keyboard, no serious axe violation', async () => {
    const { page, watch } = await browser().newPage({ width, height: 800 });
    await seedAssessments(page, browser().baseUrl, sixQuarters());
    await page.goto(`${browser().baseUrl}#/a/c6/history`);
    await page.waitForSelector('#history-title');

    const chart = await page.evaluate(() => {
      const svg = document.querySelector('svg.trend-chart') as SVGSVGElement;
      const region = svg.closest('[role="region"]') as HTMLElement;
      const card = region.closest('.panel') as HTMLElement;
      const padding = getComputedStyle(card);
      return {
        svgWidth: svg.getBoundingClientRect().width,
        cardContentWidth:
          card.clientWidth -
          Number.parseFloat(padding.paddingLeft) -
          Number.parseFloat(padding.paddingRight),
        axisHeights: [...svg.querySelectorAll('.trend-axis')].map(
          (text) => text.getBoundingClientRect().height,
        ),
        axisFontSizes: [...svg.querySelectorAll('.trend-axis')].map((text) =>
          Number.parseFloat(getComputedStyle(text).fontSize),
        ),
        segments: [...svg.querySelectorAll('.trend-segment')].map((s) => s.getAttribute('class')),
      };
    });
    if (width === 1280) expect(chart.svgWidth).toBeGreaterThanOrEqual(chart.cardContentWidth - 1);
    expect(Math.min(...chart.axisHeights)).toBeGreaterThanOrEqual(10);
    expect(Math.min(...chart.axisFontSizes)).toBeGreaterThanOrEqual(10);
    // Every quarter lowered the risk: every step of the line is green.
    expect(chart.segments).toEqual(Array(5).fill('trend-segment better'));

    // The newest cycle is in sight in the chart and in the table; older ones, if hidden, are announced.
    const sight = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[role="region"]')].map((region) => {
        const box = region.getBoundingClientRect();
        const newest = [
          ...region.querySelectorAll('.history-table thead th:last-child, .trend-axis'),
        ].at(-1) as Element;
        const newestBox = newest.getBoundingClientRect();
        const cue = region.previousElementSibling;
        return {
          newestInSight: newestBox.left >= box.left - 1 && newestBox.right <= box.right + 1,
          overflows: region.scrollWidth > region.clientWidth + 1,
          cueShown: cue?.classList.contains('scroll-cue') === true && cue.checkVisibility(),
        };
      }),
    );
    expect(sight).toHaveLength(2);
    for (const region of sight) {
      expect(region.newestInSight).toBe(true);
      expect(region.cueShown).toBe(region.overflows);
    }
    if (width === 390) expect(sight.every((region) => region.overflows)).toBe(true);

    // "2026-Q4" stays on one line.
    const header = page.locator('.history-table thead th a', { hasText: '2026-Q4' });
    expect(await header.evaluate((link) => link.getClientRects().length)).toBe(1);

    await page.locator('#history-title').focus();
    expectReachedWithOutline(await regionsReachedByTab(page), [
      'Risk per cycle',
      'Risk per domain and cycle',
    ]);
    if (width === 390) {
      // The keyboard scrolls the table back to the older cycles.
      const table = page.getByRole('region', { name: 'Risk per domain and cycle' });
      await table.focus();
      const before = await table.evaluate((region) => region.scrollLeft);
      await page.keyboard.press('ArrowLeft');
      await expect
        .poll(() => table.evaluate((region) => region.scrollLeft), { timeout: 5_000 })
        .toBeLessThan(before);
    }
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousAxeViolations(page, `history at ${width} px`);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { horizonLabel } from '../../src/core/format.ts';
import { plan } from '../../src/core/planning/plan.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';
import { expectNoSeriousAxeViolations, seedAssessment } from './support/app.ts';
import { browserForThisFile } from './support/browser.ts';

const set = loadShippedSet();
const browser = browserForThisFile();

const fixture = fixtureAssessment('middle-profile');
/** The middle profile with one due date later than its action's horizon. */
const assessment = {
  ...fixture,
  answers: { ...fixture.answers, 'CRD-03': { choice: 'partial', due: '2028-12-31' } },
};
const { actions } = plan(set, assessment);
const lateIndex = actions.findIndex((a) => a.dueAfterHorizon);

/** This results page at 390 px, measured before the plan was one line per action. */
const phonePageHeightBefore = 18_169;

async function openResults(width: number, height: number): Promise<Page> {
  const { page } = await browser().isolatedPage();
  await page.setViewportSize({ width, height });
  const id = await seedAssessment(page, browser().baseUrl, assessment, 'plan');
  await page.goto(`${browser().baseUrl}#/a/${id}/results`);
  await page.waitForSelector('#results-title');
  return page;
}

const planRows = (page: Page) =>
  page.getByRole('table', { name: 'Remediation plan in order' }).locator('tbody tr');

async function rowHeights(page: Page): Promise<number[]> {
  return planRows(page).evaluateAll((rows) =>
    rows.map((row) => row.getBoundingClientRect().height),
  );
}

describe('the remediation plan on a phone and on a desktop screen', () => {
  it('shows one compact line per action on a 390 px phone, with the details opened and closed by keyboard', async () => {
    const page = await openResults(390, 844);
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    const heights = await rowHeights(page);
    console.info(
      `results page at 390 px: ${pageHeight} px tall; plan rows ${Math.min(...heights)}–${Math.max(...heights)} px`,
    );
    expect(heights).toHaveLength(15);
    for (const height of heights) expect(height).toBeLessThanOrEqual(80);
    expect(pageHeight).toBeLessThan(phonePageHeightBefore * 0.6);
    // Nothing in the plan is wider than the screen or scrolls sideways.
    const table = page.getByRole('table', { name: 'Remediation plan in order' });
    expect(
      await table.evaluate((element) => ({
        right: element.getBoundingClientRect().right <= window.innerWidth,
        scrolls:
          (element.parentElement?.scrollWidth ?? 0) > (element.parentElement?.clientWidth ?? 0),
      })),
    ).toEqual({ right: true, scrolls: false });

    const first = planRows(page).first();
    const title = actions[0]?.action ?? 'missing';
    await expect.poll(() => first.getByText(title).isVisible(), { timeout: 5_000 }).toBe(true);
    await expect
      .poll(() => first.getByRole('textbox', { name: /^Owner of action 1:/ }).isVisible(), {
        timeout: 5_000,
      })
      .toBe(false);
    // A late due date is flagged on the compact line itself, without opening the details.
    await page.getByRole('button', { name: `Show all ${actions.length} actions` }).click();
    const late = planRows(page).nth(lateIndex);
    await expect
      .poll(() => late.getByText('Due after horizon', { exact: true }).isVisible(), {
        timeout: 5_000,
      })
      .toBe(true);
    expect(Math.max(...(await rowHeights(page)))).toBeLessThanOrEqual(80);

    const toggle = first.getByRole('button', { name: `Details of action 1: ${title}` });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded'), { timeout: 5_000 }).toBe('true');
    const owner = first.getByRole('textbox', { name: /^Owner of action 1:/ });
    expect(await owner.isVisible()).toBe(true);
    expect(await first.getByText('How to do it and references').isVisible()).toBe(true);
    const horizon = horizonLabel[actions[0]?.horizon ?? ''] ?? 'missing';
    expect(await first.getByText(horizon, { exact: true }).isVisible()).toBe(true);
    // Tab goes on into the opened action, not past it.
    await page.keyboard.press('Tab');
    expect(await first.evaluate((row) => row.contains(document.activeElement))).toBe(true);
    await expectNoSeriousAxeViolations(page, 'results on a phone with an action opened');
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => owner.isVisible(), { timeout: 5_000 }).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('still shows the whole plan, every column, on a 1280 px screen', async () => {
    const page = await openResults(1280, 800);
    const table = page.getByRole('table', { name: 'Remediation plan in order' });
    for (const column of ['Horizon', 'Risk reduction', 'Effort', 'Owner', 'Due'])
      expect(await table.getByRole('columnheader', { name: column }).isVisible()).toBe(true);
    const rows = planRows(page);
    expect(await rows.count()).toBe(15);
    for (let index = 0; index < 15; index += 1) {
      const row = rows.nth(index);
      expect(
        await row
          .getByRole('textbox', { name: `Owner of action ${index + 1}: ${actions[index]?.action}` })
          .isVisible(),
      ).toBe(true);
      expect(
        await row
          .getByLabel(`Due date of action ${index + 1}: ${actions[index]?.action}`)
          .isVisible(),
      ).toBe(true);
      expect(await row.getByText('How to do it and references').isVisible()).toBe(true);
      // The phone's disclosure button has no use here: everything is shown.
      expect(await row.getByRole('button', { name: /^Details of action/ }).count()).toBe(0);
    }
    await page.close();
  });
});

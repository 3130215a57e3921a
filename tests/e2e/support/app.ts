import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Assessment } from '../../../src/core/assessment/model.ts';

export const storageKey = 'cellguard:assessments';

/** Starts an assessment through the form, as a user does, and returns its local id. */
export async function startAssessment(
  page: Page,
  baseUrl: string,
  organisation: string,
  scope = 'Mobile core',
): Promise<string> {
  await page.goto(baseUrl);
  await page.getByRole('link', { name: 'Start a new assessment' }).click();
  await page.getByLabel('Organisation').fill(organisation);
  await page.getByLabel('Scope').fill(scope);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForURL(/#\/a\/[0-9a-f]+\/step\/EXP$/);
  await page.waitForSelector('#step-title');
  return /#\/a\/([0-9a-f]+)\//.exec(page.url())?.[1] ?? '';
}

/** The assessment as the app persisted it in localStorage. */
export async function storedAssessment(page: Page, id: string): Promise<Assessment> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), storageKey);
  const parsed = JSON.parse(raw ?? '{}') as {
    state?: { assessments?: Record<string, { assessment: Assessment }> };
  };
  const stored = parsed.state?.assessments?.[id]?.assessment;
  if (!stored) throw new Error(`assessment ${id} is not in localStorage`);
  return stored;
}

/** Runs axe on the current view and fails on any serious or critical violation. */
export async function expectNoSeriousAxeViolations(page: Page, view: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  expect(serious, `axe on ${view}`).toEqual([]);
}

/** The page never scrolls sideways: nothing is wider than the viewport. */
export async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/**
 * Puts an assessment into the app's storage as if it had been entered earlier, then reloads so
 * the app reads it; returns its local id.
 */
export async function seedAssessment(
  page: Page,
  baseUrl: string,
  assessment: Assessment,
  id = 'seeded1',
): Promise<string> {
  await page.goto(baseUrl);
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
    key: storageKey,
    value: JSON.stringify({
      state: { assessments: { [id]: { id, assessment, position: { view: 'results' } } } },
      version: 1,
    }),
  });
  await page.reload();
  return id;
}

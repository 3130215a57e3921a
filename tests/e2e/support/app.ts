import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Assessment } from '../../../src/core/assessment/model.ts';

/** Where earlier versions of Cellguard kept everything; the app moves it to IndexedDB at start. */
export const legacyStorageKey = 'cellguard:assessments';

/** Longer than the store's grouping of writes (250 ms), so that what was typed is in the database. */
const writeSettleMs = 600;

export interface SavedInBrowser {
  assessments: Record<string, { id: string; assessment: Assessment; position: unknown }>;
  settings: unknown;
  recovered: { raw: string; reason: string }[];
}

/** What the app keeps in the page's IndexedDB, read as another tab would. Call after the app has started. */
export async function savedInBrowser(page: Page): Promise<SavedInBrowser> {
  await page.waitForTimeout(writeSettleMs);
  return page.evaluate(
    () =>
      new Promise<SavedInBrowser>((resolve, reject) => {
        const opening = indexedDB.open('cellguard');
        opening.onerror = () => reject(new Error(String(opening.error)));
        opening.onsuccess = () => {
          const db = opening.result;
          const tx = db.transaction(['assessments', 'settings', 'recovered']);
          const assessments = tx.objectStore('assessments').getAll();
          const settings = tx.objectStore('settings').get('settings');
          const recovered = tx.objectStore('recovered').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({
              assessments: Object.fromEntries(
                (assessments.result as { id: string; stored: never }[]).map((record) => [
                  record.id,
                  record.stored,
                ]),
              ),
              settings: (settings.result as { value?: unknown } | undefined)?.value,
              recovered: recovered.result as { raw: string; reason: string }[],
            });
          };
        };
      }),
  );
}

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

/** The assessment as the app saved it in the browser's database. */
export async function storedAssessment(page: Page, id: string): Promise<Assessment> {
  const stored = (await savedInBrowser(page)).assessments[id]?.assessment;
  if (!stored) throw new Error(`assessment ${id} is not in the browser's database`);
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
 * Makes the browser hold exactly these assessments, as an earlier version of Cellguard left them
 * (in localStorage, the database emptied), then reloads so the app moves them into its database;
 * returns their local ids.
 */
export async function seedAssessments(
  page: Page,
  baseUrl: string,
  assessments: Record<string, Assessment>,
): Promise<string[]> {
  await page.goto(baseUrl);
  await page.waitForSelector('#home-title');
  await page.evaluate(
    ({ key, value }) =>
      new Promise<void>((resolve, reject) => {
        localStorage.setItem(key, value);
        // The open app closes its connection when asked (onversionchange), so this is not blocked.
        const deleting = indexedDB.deleteDatabase('cellguard');
        deleting.onsuccess = () => resolve();
        deleting.onerror = () => reject(new Error(String(deleting.error)));
      }),
    {
      key: legacyStorageKey,
      value: JSON.stringify({
        state: {
          assessments: Object.fromEntries(
            Object.entries(assessments).map(([id, assessment]) => [
              id,
              { id, assessment, position: { view: 'results' } },
            ]),
          ),
        },
        version: 1,
      }),
    },
  );
  await page.reload();
  await page.waitForSelector('#home-title');
  return Object.keys(assessments);
}

/** One assessment, seeded as `seedAssessments` does; returns its local id. */
export async function seedAssessment(
  page: Page,
  baseUrl: string,
  assessment: Assessment,
  id = 'seeded1',
): Promise<string> {
  await seedAssessments(page, baseUrl, { [id]: assessment });
  return id;
}

import { describe, expect, it } from 'vitest';
import { fixtureAssessment } from '../support/storeFixtures.ts';
import { legacyStorageKey, savedInBrowser, storedAssessment } from './support/app.ts';
import { browserForThisFile } from './support/browser.ts';

const browser = browserForThisFile();

describe('the browser database', () => {
  it('moves a localStorage store made by the previous version into IndexedDB once, losslessly, and removes the old copy', async () => {
    const { page, watch } = await browser().isolatedPage();
    await page.goto(browser().baseUrl);
    await page.waitForSelector('#home-title');
    const assessments = {
      q3: fixtureAssessment('soft-cell-victim'),
      q4: fixtureAssessment('middle-profile'),
      other: { ...fixtureAssessment('middle-profile'), organisation: 'Other Mobile' },
    };
    // Exactly what the previous version wrote: zustand's persisted state, version 3, with a copy
    // it had set aside under its recovery prefix.
    const previous = {
      state: {
        assessments: Object.fromEntries(
          Object.entries(assessments).map(([id, assessment]) => [
            id,
            { id, assessment, position: { view: 'step', domainId: 'CRD' } },
          ]),
        ),
        settings: { staleEvidenceDays: 90 },
      },
      version: 3,
    };
    await page.evaluate(
      ({ key, value }) => {
        localStorage.setItem(key, value);
        localStorage.setItem(`cellguard:recovered:${key}:2026-10-01T00:00:00.000Z`, '{"kept":1}');
      },
      { key: legacyStorageKey, value: JSON.stringify(previous) },
    );
    await page.reload();
    await expect.poll(() => page.locator('.assessment-card').count()).toBe(3);

    const saved = await savedInBrowser(page);
    for (const [id, assessment] of Object.entries(assessments))
      expect(saved.assessments[id]?.assessment).toEqual(assessment);
    expect(saved.settings).toEqual({ staleEvidenceDays: 90 });
    expect(saved.recovered.map((copy) => copy.raw)).toEqual(['{"kept":1}']);
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith('cellguard:')),
      ),
    ).toEqual([]);

    // Work goes on in the database, and the settings moved with it.
    await page.getByText('Settings').click();
    expect(await page.getByLabel('Flag evidence older than (days)').inputValue()).toBe('90');
    await page.goto(`${browser().baseUrl}#/a/q4/step/CRD`);
    await page.locator('#CRD-01-note').fill('Checked after the move');
    await page.reload();
    await page.waitForSelector('#step-title');
    expect(await page.locator('#CRD-01-note').inputValue()).toBe('Checked after the move');
    expect(watch.pageErrors).toEqual([]);
  });

  it('keeps what was typed just before the tab was closed', async () => {
    const { page } = await browser().isolatedPage();
    await page.goto(`${browser().baseUrl}#/new`);
    await page.getByLabel('Organisation').fill('Closing Mobile');
    await page.getByLabel('Scope').fill('Core');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('#step-title');
    const id = /#\/a\/([0-9a-f]+)\//.exec(page.url())?.[1] ?? '';
    await page.locator('#EXP-01-note').fill('Typed a moment before closing');
    // No wait: the tab goes while the write is still grouped with any that might follow.
    const context = page.context();
    await page.close({ runBeforeUnload: true });
    const next = await context.newPage();
    await next.goto(`${browser().baseUrl}#/a/${id}/step/EXP`);
    await next.waitForSelector('#step-title');
    expect(await next.locator('#EXP-01-note').inputValue()).toBe('Typed a moment before closing');
    expect((await storedAssessment(next, id)).answers['EXP-01']?.note).toBe(
      'Typed a moment before closing',
    );
  });
});

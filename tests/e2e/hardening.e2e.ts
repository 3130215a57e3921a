import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { carryForward } from '../../src/core/cycles/cycles.ts';
import { exportedFile } from '../support/exportedFile.ts';
import { givenAnswer } from '../support/givenAnswers.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';
import {
  expectNoSeriousAxeViolations,
  legacyStorageKey,
  savedInBrowser,
  seedAssessment,
  seedAssessments,
  storedAssessment,
} from './support/app.ts';
import { browserForThisFile } from './support/browser.ts';

const browser = browserForThisFile();

const payloads = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
  "' onmouseover='window.__xss=1",
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '{{constructor.constructor("window.__xss=1")()}}',
];

/** An assessment with a hostile payload in every free-text field. */
function hostileAssessment(): Assessment {
  const assessment = fixtureAssessment('middle-profile');
  assessment.organisation = `Org ${payloads[1]}`;
  assessment.scope = payloads[2] ?? '';
  assessment.cycle = '<b>Q4</b><img src=x>';
  assessment.assessor = payloads[0];
  const ids = Object.keys(assessment.answers);
  ids.forEach((id, index) => {
    const payload = payloads[index % payloads.length] ?? '';
    assessment.answers[id] = {
      ...assessment.answers[id],
      note: payload,
      evidence: payload,
      owner: payload.slice(0, 200),
    };
  });
  return assessment;
}

async function expectInert(page: Page, view: string) {
  const state = await page.evaluate(() => ({
    flagged: (window as unknown as { __xss?: number }).__xss,
    injected: document.querySelectorAll(
      'img[src="x"], svg[onload], iframe, [onerror], [onmouseover], main script',
    ).length,
  }));
  expect(state, view).toEqual({ flagged: undefined, injected: 0 });
}

describe('hardening in Chromium', () => {
  it('renders hostile text inert in every view that shows it', async () => {
    const { page, watch } = await browser().isolatedPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const assessment = hostileAssessment();
    const previous = {
      ...hostileAssessment(),
      cycle: 'Q3 <i>x</i>',
      createdAt: '2026-07-01T00:00:00.000Z',
    };
    await seedAssessments(page, browser().baseUrl, { older: previous, xss: assessment });
    await expect.poll(() => page.locator('.assessment-card').count()).toBe(2);
    expect(await page.locator('.assessment-card').first().textContent()).toContain(payloads[1]);
    await expectInert(page, 'home');
    for (const [view, hash, ready] of [
      ['step', '#/a/xss/step/EXP', '#step-title'],
      ['review', '#/a/xss/review', '#review-title'],
      ['results', '#/a/xss/results', '#results-title'],
      ['history', '#/a/xss/history', '#history-title'],
      ['compare', '#/compare/older/xss', '#compare-title'],
      ['export', '#/a/xss/export', '#export-title'],
      ['next cycle', '#/a/xss/next', '#next-title'],
      ['details', '#/a/xss/details', '#details-title'],
    ] as const) {
      await page.goto(`${browser().baseUrl}${hash}`);
      await page.waitForSelector(ready);
      await expectInert(page, view);
    }
    await page.goto(`${browser().baseUrl}#/a/xss/step/EXP`);
    await page.waitForSelector('#step-title');
    expect(await page.locator('#EXP-02-note').inputValue()).toBe(
      assessment.answers['EXP-02']?.note,
    );
    await page.goto(`${browser().baseUrl}#/import`);
    await page.waitForSelector('#import-title');
    const file = join(mkdtempSync(join(tmpdir(), 'cellguard-xss-')), 'hostile.json');
    writeFileSync(file, await exportedFile(assessment, new Date()));
    await page.setInputFiles('#import-file', file);
    // The same assessment is here already: the file can only replace it.
    await page.getByRole('button', { name: 'Replace the one already in this browser' }).waitFor();
    await expectInert(page, 'import summary');
    expect(dialogs).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.offOriginRequests).toEqual([]);
  });

  it('says when storage is full, keeps the answer in the tab, and saves it once there is room again', async () => {
    const { page } = await browser().isolatedPage();
    await seedAssessment(page, browser().baseUrl, fixtureAssessment('middle-profile'), 'full');
    await page.goto(`${browser().baseUrl}#/a/full/step/EXP`);
    await page.waitForSelector('#step-title');
    // The database refuses every write as a full disk does. (DevTools' quota override does not
    // refuse writes of this size dependably in headless Chromium, so the refusal is made here.)
    await page.evaluate(() => {
      const original = IDBObjectStore.prototype.put;
      Object.assign(window, {
        makeRoom: () => {
          IDBObjectStore.prototype.put = original;
        },
      });
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const exp05 = page.locator('#question-EXP-05');
    await exp05.getByRole('radio', { name: 'Exposed without restriction' }).check();
    const note = 'Admin consoles found by the external scan: '.padEnd(4_000, 'x');
    await page.locator('#EXP-05-note').fill(note);
    const alert = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await expect.poll(() => alert.textContent()).toMatch(/storage for Cellguard is full/);
    expect(
      await exp05.getByRole('radio', { name: 'Exposed without restriction' }).isChecked(),
    ).toBe(true);
    expect(await page.locator('#EXP-05-note').inputValue()).toBe(note);
    // Leaving now would lose the change: the browser asks first.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    await page.evaluate(() => (window as unknown as { makeRoom: () => void }).makeRoom());
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'All changes saved' }).count(), {
        timeout: 12_000,
      })
      .toBe(1);
    expect(givenAnswer((await storedAssessment(page, 'full')).answers['EXP-05'])).toEqual({
      choice: 'many',
      note,
    });
  });

  it('starts on corrupted saved data, tells the user and keeps the raw copy', async () => {
    const { page, watch } = await browser().isolatedPage();
    await page.goto(browser().baseUrl);
    // Once the list shows, this page has looked for data to move; the damaged data comes after.
    await page.waitForSelector('#home-title');
    await page.evaluate(
      (key) => localStorage.setItem(key, '{"state":{"assessments":{"a":{"id":"a","assessment":'),
      legacyStorageKey,
    );
    await page.reload();
    const banner = page.getByRole('alert').filter({ hasText: 'Some saved data could not be read' });
    // The copy is kept before the banner shows: moved, read back and compared first.
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);
    expect(await banner.textContent()).toContain('Nothing was deleted');
    const copies = (await savedInBrowser(page)).recovered.map((copy) => copy.raw);
    expect(copies).toEqual(['{"state":{"assessments":{"a":{"id":"a","assessment":']);
    await expectNoSeriousAxeViolations(page, 'home with recovery banner');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the unreadable copy' }).click();
    expect((await download).suggestedFilename()).toBe('cellguard-unreadable-data.json');
    await page.getByRole('link', { name: 'Start a new assessment' }).click();
    await page.getByLabel('Organisation').fill('Still works');
    await page.getByLabel('Scope').fill('Mobile core');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('#step-title');
    expect(watch.pageErrors).toEqual([]);
  });

  it('loses no update when two tabs edit the same assessment', async () => {
    const { page: tabA } = await browser().isolatedPage();
    await seedAssessment(tabA, browser().baseUrl, fixtureAssessment('middle-profile'), 'shared');
    await tabA.goto(`${browser().baseUrl}#/a/shared/step/CRD`);
    await tabA.waitForSelector('#step-title');
    // A second tab of the same browser profile: same context, same IndexedDB.
    const tabB = await tabA.context().newPage();
    await tabB.goto(`${browser().baseUrl}#/a/shared/step/CRD`);
    await tabB.waitForSelector('#step-title');

    await tabA.locator('#question-CRD-01').getByRole('radio', { name: 'All, tested' }).check();
    // Tab B hears of it over the BroadcastChannel, and shows it without a reload.
    await expect
      .poll(() =>
        tabB.locator('#question-CRD-01').getByRole('radio', { name: 'All, tested' }).isChecked(),
      )
      .toBe(true);
    await tabB
      .locator('#question-CRD-02')
      .getByRole('radio', { name: 'Alerted and tested' })
      .check();
    await tabB.locator('#CRD-01-note').fill('Confirmed by the Windows team');
    await tabA.locator('#question-CRD-03').getByRole('radio', { name: 'Unique, audited' }).check();

    for (const tab of [tabA, tabB]) {
      await tab.reload();
      await tab.waitForSelector('#step-title');
      const answers = (await storedAssessment(tab, 'shared')).answers;
      expect(answers['CRD-01']).toMatchObject({
        choice: 'verified',
        note: 'Confirmed by the Windows team',
      });
      expect(answers['CRD-02']?.choice).toBe('verified');
      expect(answers['CRD-03']?.choice).toBe('verified');
    }
  });

  it('erases all data on this device after confirmation', async () => {
    const { page } = await browser().isolatedPage();
    await seedAssessment(page, browser().baseUrl, fixtureAssessment('middle-profile'), 'erase');
    await page.goto(browser().baseUrl);
    await page.getByRole('button', { name: 'Erase all data on this device' }).click();
    const dialog = page.getByRole('dialog', {
      name: 'Erase all Cellguard data from this browser?',
    });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('.assessment-card').count()).toBe(1);
    await page.getByRole('button', { name: 'Erase all data on this device' }).click();
    await expectNoSeriousAxeViolations(page, 'erase confirmation');
    await page.getByRole('dialog').getByRole('button', { name: 'Erase everything' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'No assessment yet' }).count())
      .toBe(1);
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((key) => key.startsWith('cellguard:')),
      ),
    ).toEqual([]);
    const saved = await savedInBrowser(page);
    expect([saved.assessments, saved.recovered, saved.settings]).toEqual([{}, [], undefined]);
  });

  it('passes axe with no serious or critical violation on every view, at 1280 and 390 px', async () => {
    const { page } = await browser().isolatedPage();
    await page.goto(browser().baseUrl);
    await expectNoSeriousAxeViolations(page, 'home, empty');
    // Two cycles of one series, the later carried over and partly unconfirmed.
    const q3 = { ...fixtureAssessment('middle-profile'), cycle: '2026-Q3' };
    const q4 = carryForward(q3, { cycle: '2026-Q4' }, new Date('2026-10-02T09:00:00Z'));
    q4.answers['EXP-02'] = { choice: 'verified' };
    await seedAssessments(page, browser().baseUrl, { axeq3: q3, axe: q4 });
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      for (const [view, hash, ready] of [
        ['home', '#/', '#home-title'],
        ['new assessment', '#/new', '#new-title'],
        ['step', '#/a/axe/step/EXP', '#step-title'],
        ['step whose answers are all given', '#/a/axeq3/step/EXP', '#step-title'],
        ['review', '#/a/axe/review', '#review-title'],
        ['results', '#/a/axe/results', '#results-title'],
        ['next cycle', '#/a/axe/next', '#next-title'],
        ['next cycle of an older one', '#/a/axeq3/next', '#next-title'],
        ['history', '#/a/axe/history', '#history-title'],
        ['compare', '#/compare/axeq3/axe', '#compare-title'],
        ['export', '#/a/axe/export', '#export-title'],
        ['details', '#/a/axe/details', '#details-title'],
        ['copy', '#/a/axe/copy', '#details-title'],
        ['import', '#/import', '#import-title'],
        ['backup', '#/backup', '#backup-title'],
        ['not found', '#/nowhere', 'h1'],
      ] as const) {
        await page.goto(`${browser().baseUrl}${hash}`);
        await page.waitForSelector(ready);
        await expectNoSeriousAxeViolations(page, `${view} at ${viewport.width} px`);
        // Headings go down one level at a time, so a screen reader's outline has no holes.
        const skipped = await page.evaluate(() => {
          const levels = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
            .filter((heading) => heading.getClientRects().length > 0)
            .map((heading) => Number(heading.tagName[1]));
          return levels.filter((level, index) => index > 0 && level > (levels[index - 1] ?? 0) + 1);
        });
        expect(skipped, `heading levels skipped on ${view}`).toEqual([]);
        // Nothing wider than the screen: a phone user never scrolls the page sideways.
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${view} at ${viewport.width} px`,
        ).toBeLessThanOrEqual(viewport.width);
      }
    }
  }, 120_000);
});

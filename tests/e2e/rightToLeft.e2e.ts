import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, storedAssessment } from './support/app.ts';
import { browserForThisFile } from './support/browser.ts';
import {
  hebrewOrganisation,
  hebrewNote,
  arabicNote,
  arabicOwner,
  arabicReason,
  hebrewPerson,
} from '../support/rightToLeftTexts.ts';

/**
 * Issue 20, the page: a team writing in Hebrew and Arabic types its organisation and notes, and
 * each value runs in its own direction (dir="auto" on the field, an isolate where it is shown)
 * while the English interface around it stays left to right.
 */

const browser = browserForThisFile();

const englishNote = 'Reviewed 12 March 2026 with the NOC';

/** The direction Chromium computes for the element: what dir="auto" and <bdi> resolved to. */
const direction = (locator: Locator) =>
  locator.evaluate((element) => getComputedStyle(element).direction);

/** The isolate (<bdi> or an element with dir="auto") that shows exactly this text. */
const isolateShowing = (page: Page, text: string) =>
  page.locator('bdi, [dir="auto"]').filter({ hasText: new RegExp(`^${text}$`) });

describe('right-to-left text in Chromium', () => {
  it('runs typed Arabic and Hebrew right to left in their fields and where they are shown, in an English page', async () => {
    const { page, watch } = await browser().isolatedPage();
    await page.goto(browser().baseUrl);
    await page.getByRole('link', { name: 'Start a new assessment' }).click();

    // The details: the Hebrew organisation runs right to left as it is typed, the English scope not.
    const organisation = page.getByLabel('Organisation');
    await organisation.pressSequentially(hebrewOrganisation);
    await page.getByLabel('Scope').fill('Mobile core');
    expect(await direction(organisation)).toBe('rtl');
    expect(await direction(page.getByLabel('Scope'))).toBe('ltr');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForURL(/#\/a\/[0-9a-f]+\/step\/EXP$/);
    await page.waitForSelector('#step-title');
    const id = /#\/a\/([0-9a-f]+)\//.exec(page.url())?.[1] ?? '';

    // Notes typed in Hebrew and Arabic, with digits and Latin letters, and one in English.
    const note = (questionId: string) => page.locator(`#${questionId}-note`);
    await note('EXP-02').pressSequentially(hebrewNote);
    await note('EXP-03').pressSequentially(arabicNote);
    await note('EXP-04').pressSequentially(englishNote);
    expect(await direction(note('EXP-02'))).toBe('rtl');
    expect(await direction(note('EXP-03'))).toBe('rtl');
    expect(await direction(note('EXP-04'))).toBe('ltr');
    // Its owner, in Arabic; and a control that does not apply, with its reason in Arabic.
    const exp04 = page.locator('#question-EXP-04');
    await exp04.getByText('Evidence, owner and due date').click();
    const owner = page.locator('#EXP-04-owner');
    await owner.pressSequentially(arabicOwner);
    expect(await direction(owner)).toBe('rtl');
    await page.locator('#question-EXP-05').getByText('Not applicable', { exact: true }).click();
    const reason = page.locator('#EXP-05-na-reason');
    await reason.pressSequentially(arabicReason);
    expect(await direction(reason)).toBe('rtl');
    // An emptied field has no letter to go by: it is left to right again.
    await note('EXP-04').fill('');
    expect(await direction(note('EXP-04'))).toBe('ltr');
    await note('EXP-04').fill(englishNote);

    const stored = await storedAssessment(page, id);
    expect(stored.organisation).toBe(hebrewOrganisation);
    expect(stored.answers['EXP-02']?.note).toBe(hebrewNote);
    expect(stored.answers['EXP-03']?.note).toBe(arabicNote);
    expect(stored.answers['EXP-04']).toMatchObject({ note: englishNote, owner: arabicOwner });
    expect(stored.answers['EXP-05']).toMatchObject({ choice: 'na', naReason: arabicReason });

    // The heading is an English line: it stays left to right, the organisation in it right to
    // left, and the scope and the cycle keep their places after it instead of jumping before it.
    const heading = page.locator('.assessment-header h1');
    const shownOrganisation = heading.locator('bdi', { hasText: hebrewOrganisation });
    expect(await direction(heading)).toBe('ltr');
    expect(await direction(shownOrganisation)).toBe('rtl');
    const boxes = await heading.locator('bdi').evaluateAll((isolates) =>
      isolates.map((isolate) => ({
        text: isolate.textContent,
        ...isolate.getBoundingClientRect().toJSON(),
      })),
    );
    expect(boxes.map((box) => box.text)).toEqual([
      hebrewOrganisation,
      'Mobile core',
      expect.stringMatching(/^\d{4}-Q\d$/),
    ]);
    for (const [left, right] of [
      [boxes[0], boxes[1]],
      [boxes[1], boxes[2]],
    ])
      expect(left?.right).toBeLessThanOrEqual(right?.left ?? 0);

    // The review shows the reason in an isolate of its own, right to left, in an English line.
    await page.goto(`${browser().baseUrl}#/a/${id}/review`);
    await page.waitForSelector('#review-title');
    const shownReason = isolateShowing(page, arabicReason);
    expect(await shownReason.count()).toBe(1);
    expect(await direction(shownReason)).toBe('rtl');
    const reasonLine = page.locator('.na-reasons p', { has: shownReason });
    expect(await direction(reasonLine)).toBe('ltr');
    expect(await reasonLine.textContent()).toBe(`Reason: ${arabicReason}`);
    await expectNoSeriousAxeViolations(page, 'review with right-to-left text');

    // The results: the owner field of the plan shows the Arabic owner right to left.
    await page.goto(`${browser().baseUrl}#/a/${id}/results`);
    await page.waitForSelector('#results-title');
    const showAll = page.getByRole('button', { name: /^Show all \d+ actions$/ });
    if ((await showAll.count()) > 0) await showAll.click();
    const owners = page.locator('input[aria-label^="Owner of action"]');
    const values = await owners.evaluateAll((inputs) =>
      inputs.map((input) => ({
        value: (input as HTMLInputElement).value,
        direction: getComputedStyle(input).direction,
      })),
    );
    expect(values).toContainEqual({ value: arabicOwner, direction: 'rtl' });
    expect(values).toContainEqual({ value: '', direction: 'ltr' });

    // Asking a Hebrew-speaking engineer to answer: her name runs right to left in its field, and
    // in her card and its buttons stays in its place in the English labels.
    await page.goto(`${browser().baseUrl}#/a/${id}/delegate`);
    await page.waitForSelector('#delegate-title');
    const name = page.getByLabel('Name');
    await name.pressSequentially(hebrewPerson);
    expect(await direction(name)).toBe('rtl');
    await page.getByRole('checkbox', { name: /^Internet exposure/ }).check();
    await page.getByRole('button', { name: 'Add the person' }).click();
    // The name joins the words around it as a sentence does, with no space added or lost.
    const change = page.getByRole('button', { name: `Change ${hebrewPerson}’s questions` });
    await change.waitFor();
    expect(await direction(change.locator('bdi'))).toBe('rtl');
    expect(await direction(change)).toBe('ltr');
    expect(await change.innerText()).toBe(`Change ${hebrewPerson}’s questions`);
    await expectNoSeriousAxeViolations(page, 'delegation with a right-to-left name');

    // The home page lists the organisation right to left in an English card.
    await page.getByRole('link', { name: 'Cellguard' }).click();
    await page.waitForSelector('#home-title');
    const card = page.locator('.assessment-card', { hasText: hebrewOrganisation });
    expect(await direction(card.locator('h3 bdi'))).toBe('rtl');
    expect(await direction(card.locator('h3'))).toBe('ltr');

    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.offOriginRequests).toEqual([]);
  });
});

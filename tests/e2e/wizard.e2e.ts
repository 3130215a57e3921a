import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatRisk } from '../../src/core/format.ts';
import { plan } from '../../src/core/planning/plan.ts';
import { resultStatements } from '../../src/core/reporting/statements.ts';
import { score } from '../../src/core/scoring/score.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousAxeViolations,
  startAssessment,
  storedAssessment,
} from './support/app.ts';
import { browserForThisFile } from './support/browser.ts';
import { answerStepByKeyboard, intendedIndex } from './support/keyboard.ts';

const set = loadShippedSet();
const browser = browserForThisFile();

/** Answers every unanswered question of the current step with the mouse. */
async function answerStepByMouse(page: Page) {
  for (let guard = 0; guard < 20; guard += 1) {
    const open = page.locator('fieldset.question:not(:has(input[type=radio]:checked))').first();
    if ((await open.count()) === 0) break;
    const questionId = (await open.getAttribute('id'))?.replace('question-', '') ?? '';
    const labels = open.locator('.option label');
    const count = await labels.count();
    const isScope = (await open.locator('.tag', { hasText: 'Scoping question' }).count()) > 0;
    const index = isScope ? 0 : intendedIndex(questionId, count - 1);
    await labels.nth(index >= count - 2 ? count - 1 : index).click();
  }
  await page.getByRole('link', { name: /^Next:/ }).click();
}

describe('the assessment wizard in Chromium', () => {
  it('completes the whole shipped set by keyboard and mouse, and shows the risk the engine computes', async () => {
    const { page, watch } = await browser().newPage();
    const id = await startAssessment(page, browser().baseUrl, 'Journey Mobile');
    await expectNoSeriousAxeViolations(page, 'first step');

    for (const [index, domain] of set.domains.entries()) {
      await expect.poll(() => page.locator('#step-title').textContent()).toBe(domain.title);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('step-title');
      if (index % 2 === 0) await answerStepByKeyboard(page);
      else await answerStepByMouse(page);
    }

    await page.waitForURL(/\/review$/);
    const unknown = Object.values((await storedAssessment(page, id)).answers).filter(
      (answer) => answer.choice === 'unknown',
    );
    expect(unknown.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('.review .lead').textContent())
      .toMatch(new RegExp(`^${unknown.length} answers are "Don't know"\\. You can finish now`));
    await expectNoSeriousAxeViolations(page, 'review');
    await page.getByRole('link', { name: 'Finish with these gaps and see the results' }).click();
    await page.waitForSelector('#results-title');
    await expectNoSeriousAxeViolations(page, 'results');

    const assessment = await storedAssessment(page, id);
    expect(Object.keys(assessment.answers)).toHaveLength(set.questions.length);
    const expected = score(set, assessment);
    expect(await page.locator('.score-number').textContent()).toBe(formatRisk(expected.risk));
    expect(await page.locator('.score-summary .band').textContent()).toBe(
      expected.band.replace(/^./, (c) => c.toUpperCase()),
    );
    // The chain statements and the programmes are the engine's, word for word.
    const statements = resultStatements(set, expected, plan(set, assessment, expected));
    expect(await page.locator('.chain-statements li').allTextContents()).toEqual(
      Object.values(statements.chain),
    );
    expect(await page.locator('.programmes-table tbody strong').allTextContents()).toEqual(
      plan(set, assessment, expected).programmes.map((p) => p.title),
    );

    await page.getByRole('link', { name: 'Cellguard' }).click();
    await expect
      .poll(() => page.locator('.assessment-card').textContent())
      .toContain(`Risk ${formatRisk(expected.risk)}`);
    await expectNoSeriousAxeViolations(page, 'home');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.offOriginRequests).toEqual([]);
  });

  it('resumes at the same step with every answer intact after a reload and after closing the tab', async () => {
    const { page } = await browser().newPage();
    const id = await startAssessment(page, browser().baseUrl, 'Resume Mobile');
    await page.getByRole('link', { name: /^Credential protection/ }).click();
    await page.waitForURL(/step\/CRD$/);
    await page.getByRole('radio', { name: 'Unique everywhere' }).check();
    await page.locator('#question-CRD-01').getByRole('radio', { name: 'Most hosts' }).check();
    await page.locator('#CRD-01-note').fill('Credential Guard on 80% of servers');
    await page
      .locator('#question-SUB-07, #question-CRD-05')
      .first()
      .getByRole('radio', { name: "Don't know" })
      .check();

    await page.reload();
    await page.waitForSelector('#step-title');
    expect(page.url()).toMatch(/step\/CRD$/);
    expect(await page.locator('#step-title').textContent()).toBe('Credential protection');
    expect(await page.getByRole('radio', { name: 'Unique everywhere' }).isChecked()).toBe(true);
    expect(
      await page.locator('#question-CRD-01').getByRole('radio', { name: 'Most hosts' }).isChecked(),
    ).toBe(true);
    expect(await page.locator('#CRD-01-note').inputValue()).toBe(
      'Credential Guard on 80% of servers',
    );
    expect(
      await page.locator('#question-CRD-05').getByRole('radio', { name: "Don't know" }).isChecked(),
    ).toBe(true);

    await page.close();
    const { page: later } = await browser().newPage();
    await later.goto(browser().baseUrl);
    await later
      .getByRole('link', {
        name: 'Open Resume Mobile, ' + (await storedAssessment(later, id)).cycle,
      })
      .click();
    await later.waitForURL(/step\/CRD$/);
    expect(await later.getByRole('radio', { name: 'Unique everywhere' }).isChecked()).toBe(true);
    expect(await later.locator('#CRD-01-note').inputValue()).toBe(
      'Credential Guard on 80% of servers',
    );
  });

  it('lays out without sideways scrolling on a 390-pixel phone and a 1280×800 laptop', async () => {
    mkdirSync('test-results', { recursive: true });
    for (const [name, viewport] of [
      ['phone', { width: 390, height: 844 }],
      ['laptop', { width: 1280, height: 800 }],
    ] as const) {
      const { page } = await browser().newPage(viewport);
      const id = await startAssessment(
        page,
        browser().baseUrl,
        `Layout ${name}`,
        'A scope long enough to wrap on a phone screen',
      );
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: `test-results/${name}-step.png` });
      await page.goto(`${browser().baseUrl}#/a/${id}/results`);
      await page.waitForSelector('#results-title');
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: `test-results/${name}-results.png`, fullPage: true });
      await page.close();
    }
  });
});

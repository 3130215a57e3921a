import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadShippedSet } from '../support/shippedSet.ts';
import { browserForThisFile } from './support/browser.ts';
import { answerStepByKeyboard, tabTo } from './support/keyboard.ts';

const set = loadShippedSet();
const browser = browserForThisFile();

describe('a full journey by keyboard only', () => {
  it('starts, answers every step, finishes, downloads the PDF and exports the file without a mouse, and nothing leaves the machine', async () => {
    const { page, watch } = await browser().isolatedPage();
    const scratch = mkdtempSync(join(tmpdir(), 'cellguard-keyboard-'));
    await page.goto(browser().baseUrl);

    await tabTo(
      page,
      'the start link',
      (el) => el.tag === 'A' && el.text === 'Start a new assessment',
    );
    await page.keyboard.press('Enter');
    await page.waitForSelector('#new-title');
    await tabTo(page, 'the organisation field', (el) => el.label === 'Organisation');
    await page.keyboard.type('Keyboard Mobile');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Core network');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#step-title');

    for (const domain of set.domains) {
      await expect.poll(() => page.locator('#step-title').textContent()).toBe(domain.title);
      await answerStepByKeyboard(page);
    }
    await page.waitForSelector('#review-title');
    await tabTo(
      page,
      'the finish link',
      (el) => el.tag === 'A' && el.text.startsWith('Finish with these gaps'),
    );
    await page.keyboard.press('Enter');
    await page.waitForSelector('#results-title');

    await tabTo(
      page,
      'the PDF button',
      (el) => el.tag === 'BUTTON' && el.text === 'Download PDF report',
    );
    const pdf = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const pdfPath = join(scratch, 'report.pdf');
    await (await pdf).saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');

    await tabTo(
      page,
      'the export link',
      (el) => el.tag === 'A' && el.text === 'Export assessment file',
    );
    await page.keyboard.press('Enter');
    await page.waitForSelector('#export-title');
    await tabTo(
      page,
      'the download button',
      (el) => el.tag === 'BUTTON' && el.text === 'Download the file',
    );
    const file = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const filePath = join(scratch, 'assessment.json');
    await (await file).saveAs(filePath);
    expect(JSON.parse(readFileSync(filePath, 'utf8'))).toMatchObject({
      organisation: 'Keyboard Mobile',
      scope: 'Core network',
    });

    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.offOriginRequests).toEqual([]);
  });
});

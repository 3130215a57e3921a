import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfPages, squash } from '../support/pdfText.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';
import { expectNoSeriousAxeViolations, seedAssessment, storedAssessment } from './support/app.ts';
import { browserForThisFile, watchPage } from './support/browser.ts';

const browser = browserForThisFile();

const scratch = mkdtempSync(join(tmpdir(), 'cellguard-cycles-'));

describe('quarterly cycles in Chromium', () => {
  it('runs Q3, starts Q4 from it, shows what moved, puts it in the PDF, and continues in another browser', async () => {
    const { page, watch } = await browser().newPage();
    await seedAssessment(page, browser().baseUrl, fixtureAssessment('soft-cell-victim'), 'q3');

    // Start Q4 from Q3.
    await page.getByRole('link', { name: /^Start the next cycle after Example Telecom/ }).click();
    await page.waitForSelector('#next-title');
    expect(await page.getByLabel('Cycle', { exact: true }).inputValue()).toBe('2026-Q4');
    await expectNoSeriousAxeViolations(page, 'next cycle');
    await page.getByRole('button', { name: 'Start the next cycle' }).click();
    await page.waitForSelector('#step-title');
    const q4 = /#\/a\/([0-9a-f]+)\//.exec(page.url())?.[1] ?? '';
    expect(await page.locator('#question-EXP-03 .tag.carried').textContent()).toBe(
      'Carried over from 2026-Q3: confirm or change',
    );

    // Change what improved, confirm the rest of the step.
    await page
      .locator('#question-EXP-03')
      .getByRole('radio', { name: 'Within 14 days, measured' })
      .check();
    await page
      .locator('#question-EXP-02')
      .getByRole('radio', { name: 'All, blocking, verified' })
      .check();
    await page
      .getByRole('button', { name: /^Confirm all \d+ carried-over answers in this step$/ })
      .click();
    await expect.poll(() => page.locator('.tag.carried').count()).toBe(0);
    await page.getByRole('link', { name: /^Subscriber-data protection/ }).click();
    await page.waitForURL(/step\/SUB$/);
    await page.locator('#question-SUB-02').getByRole('radio', { name: 'Alerted, tested' }).check();
    const stored = await storedAssessment(page, q4);
    expect(stored.carriedFrom).toBe('2026-Q3');
    expect(stored.answers['EXP-03']).toMatchObject({
      choice: 'verified',
      owner: 'Web platform team',
    });
    expect(stored.answers['EXP-03']?.carriedOver).toBeUndefined();
    expect(stored.answers['SEG-01']).toMatchObject({ choice: 'flat', carriedOver: true });

    // What is still carried over is counted apart from what was confirmed, here and at home.
    const subStep = page.getByRole('link', { name: /^Subscriber-data protection/ });
    expect(await subStep.textContent()).toMatch(/\d+\/\d+ \d+ to confirm/);
    const stepperTotal = await page.locator('.stepper-total').textContent();
    const unconfirmed = Number(/(\d+) carried over, not confirmed/.exec(stepperTotal ?? '')?.[1]);
    expect(unconfirmed).toBeGreaterThan(0);
    expect(unconfirmed).toBeLessThan(Object.keys(stored.answers).length);
    await page.goto(browser().baseUrl);
    const q4Card = page.locator('.assessment-card', { hasText: '2026-Q4' });
    expect(await q4Card.textContent()).toContain(
      `${unconfirmed} carried over from 2026-Q3, not confirmed`,
    );
    expect(await q4Card.locator('.draft-tag').textContent()).toBe('Draft');
    await page.goto(`${browser().baseUrl}#/a/${q4}/step/SUB`);
    await page.waitForSelector('#step-title');

    // Compare the two cycles.
    await page.getByRole('link', { name: 'Results' }).click();
    await page.waitForSelector('#results-title');
    await page.getByRole('link', { name: 'Compare with 2026-Q3' }).click();
    await page.waitForSelector('#compare-title');
    const closed = page.locator('.panel', {
      has: page.getByRole('heading', { name: /^Gaps closed/ }),
    });
    for (const id of ['EXP-02', 'EXP-03', 'SUB-02'])
      expect(await closed.textContent()).toContain(id);
    await expectNoSeriousAxeViolations(page, 'compare');
    await page.goto(`${browser().baseUrl}#/a/${q4}/history`);
    await page.waitForSelector('#history-title');
    expect(await page.locator('.history-table thead').textContent()).toMatch(/2026-Q3.*2026-Q4/);
    await expectNoSeriousAxeViolations(page, 'history');

    // The PDF of Q4 has the change section.
    await page.goto(`${browser().baseUrl}#/a/${q4}/results`);
    await page.waitForSelector('#results-title');
    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF report' }).click();
    const pdfPath = join(scratch, 'q4.pdf');
    const draftDownload = await pdfDownload;
    expect(draftDownload.suggestedFilename()).toBe(
      'cellguard-softcell-Example-Telecom-victim-profile-2026-Q4-draft.pdf',
    );
    await draftDownload.saveAs(pdfPath);
    const pdfPagesText = await pdfPages(new Uint8Array(readFileSync(pdfPath)));
    const pdfText = pdfPagesText.join('\n');
    // A draft until the carried-over answers are confirmed: said on the cover and every page.
    const visible = /(\d+) of (\d+) answered/.exec(pdfPagesText[0] ?? '')?.[2];
    expect(squash(pdfPagesText[0] ?? '')).toContain(
      squash(
        `DRAFT: ${unconfirmed} of ${visible} answers were carried over from 2026-Q3 and not confirmed in this cycle;`,
      ),
    );
    for (const text of pdfPagesText.slice(1)) expect(text).toContain('DRAFT · CONFIDENTIAL');
    expect(pdfText).toContain('3. Since 2026-Q3');
    expect(pdfText).toMatch(/Gaps closed \(\d+\)/);
    expect(pdfText).toContain('EXP-03 Edge patching within 14 days');

    // Issued as it is, on the assessor's word: the PDF says so and is no longer a draft.
    await page
      .getByLabel(`Issue the report with the ${unconfirmed} unconfirmed answers as they are`)
      .check();
    const issuedDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF report' }).click();
    const issuedPath = join(scratch, 'q4-issued.pdf');
    const issued = await issuedDownload;
    expect(issued.suggestedFilename()).toBe(
      'cellguard-softcell-Example-Telecom-victim-profile-2026-Q4.pdf',
    );
    await issued.saveAs(issuedPath);
    const issuedText = (await pdfPages(new Uint8Array(readFileSync(issuedPath)))).join('\n');
    expect(squash(issuedText)).toContain(
      squash(`Issued as it is: ${unconfirmed} of ${visible} answers were carried over`),
    );
    expect(issuedText).not.toContain('DRAFT');

    // The plan as CSV for the ticketing tool.
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download plan as CSV' }).click();
    const csvPath = join(scratch, 'plan.csv');
    await (await csvDownload).saveAs(csvPath);
    expect(readFileSync(csvPath, 'utf8').split('\r\n')[0]).toBe(
      '\uFEFFPriority,Action id,Action,Details,Questions,Owner,Due,Horizon (days),Risk reduction,Effort,Critical gap,Recommendations,ATT&CK,NIST CSF 2.0,CIS Controls v8,Kind,Programme,Comes after,Due after horizon',
    );

    // Export Q4 encrypted, then continue in another browser with empty storage.
    await page.getByRole('link', { name: 'Export assessment file' }).click();
    await page.waitForSelector('#export-title');
    await expectNoSeriousAxeViolations(page, 'export');
    await page
      .getByLabel('Passphrase (optional, at least 8 characters)')
      .fill('quarterly review 2026');
    await page.getByLabel('Repeat the passphrase').fill('quarterly review 2026');
    const fileDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the file' }).click();
    const download = await fileDownload;
    expect(download.suggestedFilename()).toBe(
      'cellguard-softcell-Example-Telecom-victim-profile-2026-Q4.encrypted.json',
    );
    const filePath = join(scratch, download.suggestedFilename());
    await download.saveAs(filePath);
    expect(readFileSync(filePath, 'utf8')).not.toContain('Example Telecom');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.offOriginRequests).toEqual([]);

    const elsewhere = await browser().browser.newContext({
      viewport: { width: 1280, height: 800 },
    });
    const other = await elsewhere.newPage();
    const otherWatch = watchPage(other, browser().baseUrl);
    await other.goto(browser().baseUrl);
    await other.getByRole('link', { name: 'Import a file' }).click();
    await other.waitForSelector('#import-title');
    await expectNoSeriousAxeViolations(other, 'import');
    await other.setInputFiles('#import-file', filePath);
    await other.getByLabel('Passphrase of the encrypted file').fill('quarterly review 2026');
    await other.getByRole('button', { name: 'Open the file' }).click();
    await other.getByRole('button', { name: 'Import the assessment' }).click();
    await other.waitForSelector('#results-title');
    const imported = /#\/a\/([0-9a-f]+)\//.exec(other.url())?.[1] ?? '';
    const importedAssessment = await storedAssessment(other, imported);
    expect(importedAssessment.answers).toEqual((await storedAssessment(page, q4)).answers);
    await other.goto(`${browser().baseUrl}#/a/${imported}/step/SEG`);
    await other.waitForSelector('#step-title');
    await other
      .locator('#question-SEG-01')
      .getByRole('radio', { name: 'Default deny between all four' })
      .check();
    await other.reload();
    await other.waitForSelector('#step-title');
    expect(
      await other
        .locator('#question-SEG-01')
        .getByRole('radio', { name: 'Default deny between all four' })
        .isChecked(),
    ).toBe(true);
    expect(otherWatch.consoleErrors).toEqual([]);
    expect(otherWatch.offOriginRequests).toEqual([]);
    await elsewhere.close();
  });
});

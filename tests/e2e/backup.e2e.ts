import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, startAssessment } from './support/app.ts';
import { browserForThisFile } from './support/browser.ts';

const browser = browserForThisFile();

const scratch = mkdtempSync(join(tmpdir(), 'cellguard-backup-'));
const passphrase = 'moving to the new laptop';

/** Answers the first two questions of the exposure step, and writes a note when one is given. */
async function answerExposure(page: Page, webTier: string, note?: string) {
  await page.locator('#question-EXP-01').getByRole('radio', { name: 'Yes, one or more' }).check();
  await page.locator('#question-EXP-02').getByRole('radio', { name: webTier, exact: true }).check();
  if (note) await page.locator('#EXP-02-note').fill(note);
}

/** Opens an assessment from the list on the home page, where it resumes at the exposure step. */
async function openFromHome(page: Page, organisation: string) {
  await page.getByRole('link', { name: 'Cellguard' }).click();
  await page.getByRole('link', { name: new RegExp(`^Open ${organisation}, `) }).click();
  await page.waitForURL(/step\/EXP$/);
  await page.waitForSelector('#step-title');
}

const checked = (page: Page, questionId: string, label: string) =>
  page
    .locator(`#question-${questionId}`)
    .getByRole('radio', { name: label, exact: true })
    .isChecked();

describe('back up and restore in Chromium', () => {
  it('moves two assessments with their answers and note to a fresh browser profile in one encrypted file', async () => {
    const { baseUrl } = browser();
    const { page, watch } = await browser().newPage();
    await startAssessment(page, baseUrl, 'Backup North Mobile');
    await answerExposure(page, 'Some, blocking', 'WAF in front of the two customer portals only');
    await startAssessment(page, baseUrl, 'Backup South Mobile', 'Corporate IT');
    await answerExposure(page, 'All, blocking');

    await page.evaluate(() => {
      window.location.hash = '#/backup';
    });
    await page.waitForSelector('#backup-title');
    await expectNoSeriousAxeViolations(page, 'backup');
    await page.getByLabel('Passphrase (optional, at least 8 characters)').fill(passphrase);
    await page.getByLabel('Repeat the passphrase').fill(passphrase);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the backup' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(
      /^cellguard-backup-\d{4}-\d{2}-\d{2}\.encrypted\.json$/,
    );
    const backupPath = join(scratch, download.suggestedFilename());
    await download.saveAs(backupPath);
    const saved = readFileSync(backupPath, 'utf8');
    expect(JSON.parse(saved)).toMatchObject({ format: 'cellguard-encrypted' });
    expect(saved).not.toContain('Backup North');
    expect(saved).not.toContain('customer portals');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.offOriginRequests).toEqual([]);

    // Another browser profile: its own, empty storage, as on a new laptop.
    const { page: fresh, watch: freshWatch } = await browser().isolatedPage();
    await fresh.goto(baseUrl);
    await fresh.getByRole('heading', { name: 'No assessment yet' }).waitFor();
    await fresh.goto(`${baseUrl}#/backup`);
    await fresh.waitForSelector('#backup-title');
    await fresh.setInputFiles('#backup-file', backupPath);
    await fresh.getByLabel('Passphrase of the backup').fill(passphrase);
    await fresh.getByRole('button', { name: 'Open the backup' }).click();
    const summary = fresh.getByRole('list', { name: 'Summary' });
    await summary.waitFor();
    expect(await summary.getByRole('listitem').allTextContents()).toEqual([
      '2 to add',
      '0 to replace',
      '0 unchanged',
    ]);
    await expectNoSeriousAxeViolations(fresh, 'restore preview');
    await fresh.getByRole('button', { name: 'Restore' }).click();
    await expect
      .poll(() => fresh.getByRole('status').filter({ hasText: 'Restored' }).textContent())
      .toContain('Restored from the backup: 2 assessments added, 0 replaced');

    // Kept by this profile, not only shown: still there after the page is loaded again.
    await expect
      .poll(() => fresh.locator('.save-status').textContent())
      .toBe('All changes saved in this browser');
    await fresh.reload();
    await fresh.waitForSelector('#backup-title');
    await openFromHome(fresh, 'Backup North Mobile');
    expect(await checked(fresh, 'EXP-01', 'Yes, one or more')).toBe(true);
    expect(await checked(fresh, 'EXP-02', 'Some, blocking')).toBe(true);
    expect(await fresh.locator('#EXP-02-note').inputValue()).toBe(
      'WAF in front of the two customer portals only',
    );
    await openFromHome(fresh, 'Backup South Mobile');
    expect(await checked(fresh, 'EXP-02', 'All, blocking')).toBe(true);
    expect(await fresh.locator('#EXP-02-note').inputValue()).toBe('');
    expect(freshWatch.consoleErrors).toEqual([]);
    expect(freshWatch.pageErrors).toEqual([]);
    expect(freshWatch.offOriginRequests).toEqual([]);
    await fresh.context().close();
  });
});

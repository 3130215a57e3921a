import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportedFile } from '../support/exportedFile.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';
import { savedInBrowser, seedAssessment } from './support/app.ts';
import { browserForThisFile } from './support/browser.ts';

const browser = browserForThisFile();
const scratch = mkdtempSync(join(tmpdir(), 'cellguard-import-'));
const middle = fixtureAssessment('middle-profile');

/** Writes a file to pick, and returns its path. */
function fileToPick(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

async function openImportPage(page: Page) {
  await page.goto(`${browser().baseUrl}#/import`);
  await page.waitForSelector('#import-title');
}

/** The id, or else the accessible name given by aria-label, of the element that has focus. */
const focused = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.id || document.activeElement?.getAttribute('aria-label') || '',
  );

describe('the import page in Chromium', () => {
  it('says that the passphrase is needed, and Cancel discards the file waiting for it', async () => {
    const { page, watch } = await browser().isolatedPage();
    await openImportPage(page);
    const encrypted = fileToPick(
      'encrypted.json',
      await exportedFile(middle, new Date(), 'correct horse battery staple'),
    );
    await page.setInputFiles('#import-file', encrypted);
    await page.getByLabel('Passphrase of the encrypted file').waitFor();
    await page.getByRole('button', { name: 'Open the file' }).click();
    await page
      .getByText(
        'Enter the passphrase the file was encrypted with: it cannot be opened without it.',
      )
      .waitFor({ timeout: 5_000 });
    expect(await focused(page)).toBe('import-passphrase');

    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByLabel('Passphrase of the encrypted file').waitFor({ state: 'detached' });
    expect(await page.locator('#import-file').inputValue()).toBe('');
    expect(await focused(page)).toBe('import-file');
    expect(watch.pageErrors).toEqual([]);
  });

  it('says in plain words that a hand-edited file cannot be imported, with no field names', async () => {
    const { page } = await browser().isolatedPage();
    await openImportPage(page);
    const exported = await exportedFile(middle, new Date());
    const digestEdited = JSON.parse(exported) as { integrity: { digest: string } };
    digestEdited.integrity.digest = digestEdited.integrity.digest.slice(0, 40);
    for (const [name, text, line] of [
      [
        'answer-edited.json',
        exported.replace('"SOC lead"', '"Nobody"'),
        'The file does not match its SHA-256 digest: it was changed or damaged after it was exported. Export it again from the original browser.',
      ],
      [
        'digest-edited.json',
        JSON.stringify(digestEdited, null, 2),
        "The file's SHA-256 digest was changed or damaged after the file was exported, so Cellguard cannot check it. Export it again from the original browser.",
      ],
    ] as const) {
      await page.setInputFiles('#import-file', fileToPick(name, text));
      const alert = page.getByRole('alert');
      await expect
        .poll(() => alert.getByRole('listitem').allTextContents(), { timeout: 5_000 })
        .toEqual([line]);
      expect(await alert.textContent()).not.toMatch(/integrity|answers\.|\w+\.\w+:/);
    }
  });

  it('keeps the preview apart from the file card, and Cancel on it keeps nothing', async () => {
    const { page } = await browser().isolatedPage();
    await openImportPage(page);
    await page.setInputFiles(
      '#import-file',
      fileToPick('plain.json', await exportedFile(middle, new Date())),
    );
    const importButton = page.getByRole('button', { name: 'Import the assessment' });
    await importButton.waitFor();
    const gap = await page.evaluate(() => {
      const fileCard = document.querySelector('#import-file')?.closest('.stacked-form');
      const preview = document.querySelector('[role="status"].panel');
      if (!fileCard || !preview) return Number.NaN;
      return preview.getBoundingClientRect().top - fileCard.getBoundingClientRect().bottom;
    });
    expect(gap).toBeGreaterThanOrEqual(8);

    await page.getByRole('button', { name: 'Cancel' }).click();
    await importButton.waitFor({ state: 'detached' });
    expect(await page.locator('#import-file').inputValue()).toBe('');
    expect(Object.keys((await savedInBrowser(page)).assessments)).toEqual([]);
  });

  it('gives focus back to the Delete button when Escape closes the delete dialog', async () => {
    const { page } = await browser().isolatedPage();
    await seedAssessment(page, browser().baseUrl, middle);
    const deleteLabel = `Delete ${middle.organisation}, ${middle.cycle}`;
    await page.getByRole('button', { name: deleteLabel }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this assessment?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page), { timeout: 5_000 }).toBe(deleteLabel);
    // Confirmed, the card and its button are gone: focus goes to the page's heading, not <body>.
    await page.getByRole('button', { name: deleteLabel }).click();
    await dialog.getByRole('button', { name: 'Delete assessment' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 5_000 })
      .toBe('home-title');
  });
});

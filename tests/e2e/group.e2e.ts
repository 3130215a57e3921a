import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRisk } from '../../src/core/format.ts';
import { groupDashboard } from '../../src/core/group/dashboard.ts';
import { membersOf } from '../../src/core/group/members.ts';
import { docxParagraphs, docxParts } from '../support/docxText.ts';
import { storedOf, twelveSubsidiaries, writeGroupFixtureFiles } from '../support/groupFixtures.ts';
import { pdfPages, squash } from '../support/pdfText.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { expectNoHorizontalOverflow, expectNoSeriousAxeViolations } from './support/app.ts';
import { browserForThisFile } from './support/browser.ts';

const browser = browserForThisFile();
const set = loadShippedSet();
const scratch = mkdtempSync(join(tmpdir(), 'cellguard-group-'));

/** The twelve subsidiaries' two cycles, and the dashboard the app must show of them. */
const assessments = twelveSubsidiaries();
const expected = groupDashboard(
  set,
  {
    id: '000000000000',
    name: 'Northwind Group',
    setId: set.id,
    members: membersOf(assessments),
    staleAfterDays: 180,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  },
  storedOf(assessments),
  new Date(),
);

describe('the group view in Chromium', () => {
  it('imports twelve subsidiaries’ files at once, shows the dashboard, sorts by risk, drills into a member and downloads the group PDF and Word report with every member’s score', async () => {
    const base = browser().baseUrl;
    const { page, watch } = await browser().isolatedPage();
    const files = writeGroupFixtureFiles(join(scratch, 'files'));
    expect(files).toHaveLength(24);

    // From the home page to a new group.
    await page.goto(base);
    await page.getByRole('link', { name: 'Groups of operating companies' }).click();
    await page.waitForSelector('#groups-title');
    await page.getByLabel('Name of the group').fill('Northwind Group');
    await page.getByRole('button', { name: 'Create the group' }).click();
    await page.waitForURL(/#\/groups\/[0-9a-f]{12}$/);
    const groupUrl = page.url();

    // Every file at once; the preview says what each would do, and nothing is kept before.
    await page.locator('#subsidiary-files').setInputFiles(files);
    const preview = page.getByRole('table', { name: 'What importing the picked files would do' });
    await preview.waitFor({ timeout: 30_000 });
    expect(await page.getByText(/^24 files picked: 24 to add\./).count()).toBe(1);
    expect(await preview.locator('tbody tr[data-outcome="add"]').count()).toBe(24);
    expect(await page.locator('#group-members-table').count()).toBe(0);
    // On a phone the wide preview scrolls in its card; the page itself does not scroll sideways.
    await page.setViewportSize({ width: 390, height: 800 });
    await expectNoHorizontalOverflow(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Import 24 files' }).click();
    await page
      .getByText('Imported 24 files: 24 added, 0 replaced. 12 members added to the group.')
      .waitFor();

    // The dashboard: the group risk as the core computes it, every member with its latest risk.
    const table = page.locator('#group-members-table');
    await table.waitFor();
    expect(await page.locator('.group-risk strong').textContent()).toBe(
      formatRisk(expected.groupRisk ?? NaN),
    );
    expect(await table.locator('tbody tr').count()).toBe(12);
    await expectNoSeriousAxeViolations(page, 'group dashboard at 1280 px');
    await page.setViewportSize({ width: 390, height: 800 });
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousAxeViolations(page, 'group dashboard at 390 px');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Sorted by risk, highest first, as the core orders the members.
    await table.getByRole('button', { name: /^Risk/ }).click();
    expect(await table.getByRole('columnheader', { name: /^Risk/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    const byRisk = [...expected.members].sort(
      (a, b) => (b.latest?.risk ?? 0) - (a.latest?.risk ?? 0),
    );
    const shown = await table
      .locator('tbody th[scope="row"] > a > bdi')
      .evaluateAll((cells) => cells.map((cell) => cell.textContent));
    expect(shown).toEqual(byRisk.map((m) => m.member.organisation));
    const shownRisks = await table
      .locator('tbody td.number strong')
      .evaluateAll((cells) => cells.map((cell) => cell.textContent));
    expect(shownRisks).toEqual(byRisk.map((m) => formatRisk(m.latest?.risk ?? NaN)));

    // Drill into the riskiest member: its results show its score; back to the group.
    const [riskiest] = byRisk;
    if (!riskiest?.latest) throw new Error('the fixture members all have a cycle');
    await table.getByRole('link', { name: riskiest.member.organisation }).click();
    await page.waitForURL(/#\/a\/[0-9a-f]+\/results\?group=[0-9a-f]{12}$/);
    await page.waitForSelector('#results-title');
    expect(await page.locator('.score-number').textContent()).toBe(
      formatRisk(riskiest.latest.risk),
    );
    expect(await page.locator('.assessment-header h1').textContent()).toContain(
      riskiest.latest.cycle,
    );
    // Back by the page's own link, to the table in the order it was left.
    await page.getByRole('link', { name: 'Back to the group Northwind Group' }).click();
    await page.waitForURL(groupUrl);
    await table.waitFor();
    expect(await table.getByRole('columnheader', { name: /^Risk/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    // The keyboard resumes at the member that was opened, not at the top of the page.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe(riskiest.member.organisation);

    // The group PDF, built in the worker, read back: every member's name and latest risk.
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Download group PDF' }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(
      /^cellguard-group-Northwind-Group-\d{4}-\d{2}-\d{2}\.pdf$/,
    );
    const path = join(scratch, 'group.pdf');
    await pdf.saveAs(path);
    // Arabic is drawn in its shaped forms; normalised, it reads as typed.
    const text = squash(
      (await pdfPages(new Uint8Array(readFileSync(path)))).join('\n').normalize('NFKC'),
    );
    expect(text).toContain(squash('Northwind Group'));
    for (const { member, latest } of expected.members) {
      expect(text).toContain(squash(member.organisation));
      expect(text).toContain(squash(`Risk ${formatRisk(latest?.risk ?? NaN)} / 100`));
    }
    await page
      .getByRole('status')
      .filter({ hasText: 'The group PDF has been downloaded' })
      .waitFor();

    // The same report as a Word file, from the same worker.
    const wordDownload = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Download group Word report (.docx)' }).click();
    const word = await wordDownload;
    expect(word.suggestedFilename()).toMatch(
      /^cellguard-group-Northwind-Group-\d{4}-\d{2}-\d{2}\.docx$/,
    );
    const wordPath = join(scratch, 'group.docx');
    await word.saveAs(wordPath);
    const wordText = squash(
      docxParagraphs(
        docxParts(new Uint8Array(readFileSync(wordPath)))['word/document.xml'] ?? '',
      ).join(' '),
    );
    for (const { member, latest } of expected.members) {
      expect(wordText).toContain(squash(member.organisation));
      expect(wordText).toContain(squash(`Risk ${formatRisk(latest?.risk ?? NaN)} / 100`));
    }
    await page
      .getByRole('status')
      .filter({ hasText: 'The group Word report has been downloaded' })
      .waitFor();

    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.offOriginRequests).toEqual([]);
    await page.context().close();
  });
});

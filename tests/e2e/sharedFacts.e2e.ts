import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfPages, squash } from '../support/pdfText.ts';
import { givenAnswer } from '../support/givenAnswers.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';
import { expectNoSeriousAxeViolations, seedAssessment, storedAssessment } from './support/app.ts';
import { browserForThisFile } from './support/browser.ts';

const browser = browserForThisFile();
const scratch = mkdtempSync(join(tmpdir(), 'cellguard-shared-'));

const softCell = 'Operation Soft Cell exposure assessment';
const network = 'Communications infrastructure hardening assessment';
const taken = (cycle: string) => `Taken from ${softCell}, ${cycle}: confirm or change`;

describe('two question sets for one operator in Chromium', () => {
  it('offers the Soft Cell answers to a network-side assessment of the same organisation and scope, marked until confirmed, and its PDF follows its own set', async () => {
    const { page } = await browser().newPage();
    const base = browser().baseUrl;
    // Soft Cell 2026-Q3: SEG-06 "inband", SEG-02 "none", PRV-08 "shared", VUL-04 "Don't know".
    await seedAssessment(page, base, fixtureAssessment('soft-cell-victim'), 'softcellq3');

    // A network-side assessment, the organisation written in other letter case.
    await page.getByRole('link', { name: 'Start a new assessment' }).click();
    await page.getByRole('radio', { name: network }).check();
    await page.getByLabel('Organisation').fill('example telecom (victim profile)');
    await page.getByLabel('Scope').fill('Corporate IT, OSS/BSS and core');
    await expectNoSeriousAxeViolations(page, 'new assessment with a choice of set');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForURL(/#\/a\/[0-9a-f]+\/step\/EDG$/);
    await page.waitForSelector('#step-title');
    const networkId = /#\/a\/([0-9a-f]+)\//.exec(page.url())?.[1] ?? '';
    expect(await page.locator('.assessment-set').textContent()).toBe(network);

    // The shared facts arrive answered, each saying where from; "Don't know" is not passed on.
    await page.getByRole('link', { name: /^Management-plane isolation/ }).click();
    await page.waitForURL(/step\/MPL$/);
    expect(await page.locator('#question-MPL-01 .tag.carried').textContent()).toBe(
      taken('2026-Q3'),
    );
    expect(await page.locator('#question-MPL-01 input[value="inband"]').isChecked()).toBe(true);
    let stored = await storedAssessment(page, networkId);
    expect(stored.questionSet.id).toBe('comms-hardening');
    expect(stored.answers['MPL-04']).toEqual({
      choice: 'none',
      carriedOver: true,
      takenFrom: { set: 'softcell', cycle: '2026-Q3', question: 'SEG-02' },
    });
    expect(stored.answers['AAA-01']).toMatchObject({ choice: 'shared', carriedOver: true });
    expect(stored.answers['PAT-03']).toBeUndefined();
    expect(await page.locator('.carried-notice').textContent()).toContain(
      `were taken from ${softCell}, 2026-Q3`,
    );
    await expectNoSeriousAxeViolations(page, 'step with taken answers');

    // Confirmed as they are: the marks go, the answers stay.
    await page.getByRole('button', { name: 'Confirm all 2 taken answers in this step' }).click();
    await expect.poll(() => page.locator('.tag.carried').count(), { timeout: 5000 }).toBe(0);
    stored = await storedAssessment(page, networkId);
    expect(givenAnswer(stored.answers['MPL-01'])).toEqual({ choice: 'inband' });
    expect(stored.answers['MPL-01']?.history?.map((entry) => entry.event)).toEqual(['confirmed']);

    // The next Soft Cell cycle takes the network side's confirmed answer in turn.
    await page.goto(base);
    await page.getByRole('link', { name: /^Start the next cycle after Example Telecom/ }).click();
    await page.waitForSelector('#next-title');
    await page.getByRole('button', { name: 'Start the next cycle' }).click();
    await page.waitForSelector('#step-title');
    const softCellQ4 = /#\/a\/([0-9a-f]+)\//.exec(page.url())?.[1] ?? '';
    await page.goto(`${base}#/a/${softCellQ4}/step/SEG`);
    await page.waitForSelector('#step-title');
    expect(await page.locator('#question-SEG-06 .tag.carried').textContent()).toBe(
      `Taken from ${network}, ${stored.cycle}: confirm or change`,
    );
    // Privileged access confirmed in 2026-Q4, and MFA improved: newer than what the network side
    // took from 2026-Q3.
    await page.goto(`${base}#/a/${softCellQ4}/step/PRV`);
    await page.waitForSelector('#step-title');
    await page.getByRole('button', { name: /^Confirm all \d+ carried-over answers/ }).click();
    await expect.poll(() => page.locator('.tag.carried').count(), { timeout: 5000 }).toBe(0);
    await page
      .locator('#question-PRV-03')
      .getByRole('radio', { name: /^Most paths/ })
      .check();

    // Continuing the network-side assessment offers the newer answer that differs, with both
    // values; the one that would change nothing (PRV-08, still "shared") is not offered.
    await page.goto(`${base}#/a/${networkId}/step/AAA`);
    const offer = page.getByRole('region', { name: /can be taken from/ });
    await offer.waitFor({ timeout: 10_000 });
    expect(await offer.getByRole('heading').textContent()).toBe(
      `1 answer can be taken from ${softCell}, 2026-Q4`,
    );
    expect(await offer.getByRole('listitem').textContent()).toBe(
      'AAA-04 MFA for administrative logons: here No MFA, there Most paths (PRV-03)',
    );
    await expectNoSeriousAxeViolations(page, 'offer of answers from another set');
    await offer.getByRole('button', { name: 'Take this answer' }).click();
    await expect.poll(() => offer.count(), { timeout: 5000 }).toBe(0);
    expect(await page.locator('#question-AAA-04 .tag.carried').textContent()).toBe(
      taken('2026-Q4'),
    );
    expect(await page.locator('#question-AAA-01 .tag.carried').textContent()).toBe(
      taken('2026-Q3'),
    );
    stored = await storedAssessment(page, networkId);
    expect(stored.answers['AAA-04']).toMatchObject({
      choice: 'most',
      takenFrom: { set: 'softcell', cycle: '2026-Q4', question: 'PRV-03' },
    });

    // Home lists each set apart.
    // The list is read from IndexedDB after the first paint, so wait for it rather than read once.
    await page.goto(base);
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).allTextContents(), { timeout: 5000 })
      .toEqual(expect.arrayContaining([softCell, network]));

    // The PDF is the network side's: its title, sources and methodology, and why it is a draft.
    await page.goto(`${base}#/a/${networkId}/results`);
    await page.waitForSelector('#results-title');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF report' }).click();
    const pdfPath = join(scratch, 'network.pdf');
    const saved = await download;
    // Named by its set, so that it never overwrites the Soft Cell report of the same cycle.
    expect(saved.suggestedFilename()).toBe(
      `cellguard-comms-hardening-example-telecom-victim-profile-${stored.cycle}-draft.pdf`,
    );
    await saved.saveAs(pdfPath);
    const pages = await pdfPages(new Uint8Array(readFileSync(pdfPath)));
    const text = squash(pages.join('\n'));
    expect(squash(pages[0] ?? '')).toContain(squash(network));
    expect(text).toContain(squash('[CISA] CISA, NSA, FBI'));
    expect(text).toContain(
      squash('Enhanced Visibility and Hardening Guidance for Communications Infrastructure'),
    );
    expect(text).toContain(squash(`taken from ${softCell}, 2026-Q4`));
    expect(text).not.toContain('Cybereason');
    expect(text).not.toContain(squash('Soft Cell intrusion'));
  });
});

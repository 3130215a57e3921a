import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { withNewAssignee } from '../../src/core/delegation/assignments.ts';
import { buildResponse, serializeResponse } from '../../src/core/delegation/response.ts';
import { prepareQuestionnaire } from '../../src/core/delegation/send.ts';
import { pdfPages, squash } from '../support/pdfText.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousAxeViolations,
  seedAssessment,
  storedAssessment,
} from './support/app.ts';
import { browserForThisFile } from './support/browser.ts';

const browser = browserForThisFile();
const scratch = mkdtempSync(join(tmpdir(), 'cellguard-delegation-'));
const set = loadShippedSet();
const passphrase = 'correct horse battery';

/**
 * The lead's assessment: complete but for the segmentation and logging domains, where only SEG-01
 * ("flat") and LOG-01 ("partial") are answered; those two go to Ana and Bo.
 */
function leadAssessment(): Assessment {
  const full = fixtureAssessment('soft-cell-victim');
  const answers = Object.fromEntries(
    Object.entries(full.answers).filter(
      ([id]) => !/^(SEG|LOG)-/.test(id) || id === 'SEG-01' || id === 'LOG-01',
    ),
  );
  return { ...full, assessor: 'Jo Lead', answers };
}

/** Picks a file for the import page, as a user does. */
async function importFile(page: Page, path: string) {
  await page.goto(`${browser().baseUrl}#/import`);
  await page.locator('#import-file').setInputFiles(path);
}

async function saveDownload(page: Page, click: () => Promise<void>, name: string) {
  const download = page.waitForEvent('download');
  await click();
  const path = join(scratch, name);
  await (await download).saveAs(path);
  return path;
}

/**
 * An assignee in a browser of their own: opens the questionnaire, answers every question shown
 * (the given choices where named, the first option elsewhere), and writes the response file.
 */
async function answerQuestionnaire(
  questionnairePath: string,
  name: string,
  choices: Record<string, { choice: string; note?: string }>,
  filePassphrase?: string,
): Promise<string> {
  const { page, watch } = await browser().isolatedPage();
  await importFile(page, questionnairePath);
  if (filePassphrase) {
    await page.getByLabel('Passphrase of the encrypted file').fill(filePassphrase);
    await page.getByRole('button', { name: 'Open the file' }).click();
  }
  await page.getByRole('button', { name: 'Open the questionnaire' }).click();
  await page.waitForSelector('#respond-title');
  // Nothing of the assessment but their questions: no score, no other domain.
  // No band, no risk figure, no link into any assessment of this browser.
  expect(await page.locator('main .band, main a[href^="#/a/"]').count()).toBe(0);
  expect((await page.locator('main').textContent()) ?? '').not.toMatch(/risk score|\/ ?100/i);
  await expectNoSeriousAxeViolations(page, `${name}'s questionnaire`);
  // Often answered on a phone.
  await page.setViewportSize({ width: 390, height: 800 });
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousAxeViolations(page, `${name}'s questionnaire at 390 px`);
  await page.setViewportSize({ width: 1280, height: 800 });
  const ids = await page
    .locator('fieldset.question')
    .evaluateAll((cards) => cards.map((card) => card.id.replace('question-', '')));
  for (const id of ids) {
    const card = page.locator(`#question-${id}`);
    if ((await card.count()) === 0) continue;
    const wanted = choices[id];
    if (wanted) {
      await card.locator(`input[value="${wanted.choice}"]`).check();
      if (wanted.note) await card.getByLabel('Note').fill(wanted.note);
    } else {
      await card.locator('input[type="radio"]').first().check();
    }
  }
  // Autosaved: a reload keeps every answer.
  await page.waitForTimeout(600);
  await page.reload();
  await page.waitForSelector('#respond-title');
  expect(
    await page
      .locator('#question-' + Object.keys(choices)[0] + ' input:checked')
      .getAttribute('value'),
  ).toBe(Object.values(choices)[0]?.choice);
  const path = await saveDownload(
    page,
    () => page.getByRole('button', { name: 'Create response file' }).click(),
    `response-${name}.json`,
  );
  expect(watch.pageErrors).toEqual([]);
  expect(watch.offOriginRequests).toEqual([]);
  await page.context().close();
  return path;
}

describe('one assessment answered by three people in three browsers', () => {
  it('sends questionnaires, merges the responses with a conflict settled each way, refuses a foreign and changes nothing on a repeated response, and the PDF names who answered', async () => {
    const base = browser().baseUrl;
    const { page: lead, watch } = await browser().isolatedPage();
    const id = await seedAssessment(lead, base, leadAssessment(), 'leadq3');

    // The lead gives segmentation to Ana and logging to Bo.
    await lead.goto(`${base}#/a/${id}/delegate`);
    await lead.waitForSelector('#delegate-title');
    for (const [name, role, domain] of [
      ['Ana Ruiz', 'network operations', 'Segmentation and lateral movement'],
      ['Bo Chen', 'SOC', 'Logging and detection engineering'],
    ] as const) {
      await lead.getByLabel('Name').fill(name);
      await lead.getByLabel('Role or team (optional)').fill(role);
      await lead.getByRole('checkbox', { name: new RegExp(`^${domain}`) }).check();
      await lead.getByRole('button', { name: 'Add the person' }).click();
      await lead.getByRole('heading', { name: new RegExp(name) }).waitFor();
    }
    await expectNoSeriousAxeViolations(lead, 'delegate page');
    await lead.setViewportSize({ width: 390, height: 800 });
    await expectNoHorizontalOverflow(lead);
    await expectNoSeriousAxeViolations(lead, 'delegate page at 390 px');
    await lead.setViewportSize({ width: 1280, height: 800 });
    const anaQuestionnaire = await saveDownload(
      lead,
      () => lead.getByRole('button', { name: 'Create questionnaire file for Ana Ruiz' }).click(),
      'questionnaire-ana.json',
    );
    // Bo's questionnaire is encrypted.
    const boCard = lead
      .getByRole('listitem')
      .filter({ has: lead.getByRole('heading', { name: /Bo Chen/ }) });
    await boCard.getByText('Encrypt the questionnaire (optional)').click();
    await boCard.getByLabel(/^Passphrase/).fill(passphrase);
    await boCard.getByLabel('Repeat the passphrase').fill(passphrase);
    const boQuestionnaire = await saveDownload(
      lead,
      () => lead.getByRole('button', { name: 'Create questionnaire file for Bo Chen' }).click(),
      'questionnaire-bo.json',
    );
    expect(readFileSync(boQuestionnaire, 'utf8')).toContain('"cellguard-encrypted"');
    const sentText = readFileSync(anaQuestionnaire, 'utf8');
    expect(sentText).not.toContain('LOG-01');
    expect(sentText).not.toMatch(/"risk"|"score"/);
    await lead.goto(`${base}#/a/${id}/review`);
    const table = lead.getByRole('region', { name: 'Delegation by domain' });
    await expect
      .poll(() => table.getByRole('row', { name: /Segmentation/ }).textContent(), { timeout: 5000 })
      .toContain('Sent');

    // Two assignees, each in a browser of their own.
    const anaResponse = await answerQuestionnaire(anaQuestionnaire, 'Ana', {
      'SEG-01': { choice: 'partial', note: 'Billing moved behind the OSS firewall in October.' },
    });
    const boResponse = await answerQuestionnaire(
      boQuestionnaire,
      'Bo',
      { 'LOG-01': { choice: 'central', note: 'The SIEM collects the DCs since May.' } },
      passphrase,
    );

    // A response for an assessment this browser never sent anything for is refused.
    const other = withNewAssignee(
      fixtureAssessment('middle-profile'),
      set,
      { name: 'Cy', domains: ['LOG'], questions: [] },
      {
        assigneeId: 'abcdefabcdef',
        key: 'abcdefabcdefabcdefabcdef',
      },
    );
    const foreign = prepareQuestionnaire(
      other,
      set,
      'abcdefabcdef',
      '0123456789abcdef01234567',
      new Date(),
    );
    if (!foreign.ok) throw new Error('no foreign questionnaire');
    const foreignPath = join(scratch, 'foreign-response.json');
    writeFileSync(
      foreignPath,
      serializeResponse(buildResponse(foreign.value.questionnaire, {}, new Date()), new Date()),
    );
    const before = JSON.stringify(await storedAssessment(lead, id));
    await importFile(lead, foreignPath);
    await expect
      .poll(() => lead.getByRole('alert').textContent(), { timeout: 5000 })
      .toMatch(/no assessment in this browser sent them/);
    expect(JSON.stringify(await storedAssessment(lead, id))).toBe(before);

    // Ana's response: SEG-01 differs; the lead takes hers.
    await importFile(lead, anaResponse);
    await lead.getByRole('link', { name: /Review and merge/ }).click();
    await lead.waitForSelector('#merge-title');
    await expectNoSeriousAxeViolations(lead, 'merge review');
    const seg01 = lead.getByRole('group', { name: /SEG-01/ });
    expect(await seg01.textContent()).toContain(
      'Billing moved behind the OSS firewall in October.',
    );
    await seg01.getByRole('radio', { name: 'Take Ana Ruiz’s answer' }).check();
    await lead.getByRole('button', { name: 'Merge Ana Ruiz’s answers' }).click();
    await expect
      .poll(() => lead.locator('main').textContent(), { timeout: 5000 })
      .toMatch(/Merged: \d+ answers taken from Ana Ruiz/);

    // The same response again changes nothing.
    const merged = JSON.stringify(await storedAssessment(lead, id));
    await importFile(lead, anaResponse);
    await expect
      .poll(() => lead.locator('main').textContent(), { timeout: 5000 })
      .toContain('imported and merged before. Nothing was changed.');
    expect(JSON.stringify(await storedAssessment(lead, id))).toBe(merged);

    // Bo's response: LOG-01 differs; the lead keeps theirs own.
    await importFile(lead, boResponse);
    await lead.getByRole('link', { name: /Review and merge/ }).click();
    await lead.waitForSelector('#merge-title');
    await lead
      .getByRole('group', { name: /LOG-01/ })
      .getByRole('radio', { name: 'Keep mine', exact: true })
      .check();
    await lead.getByRole('button', { name: 'Merge Bo Chen’s answers' }).click();
    await expect
      .poll(() => lead.locator('main').textContent(), { timeout: 5000 })
      .toMatch(/Merged: \d+ answers taken from Bo Chen/);

    const done = await storedAssessment(lead, id);
    expect(done.answers['SEG-01']).toMatchObject({ choice: 'partial' });
    expect(done.answers['LOG-01']).toMatchObject({ choice: 'partial' });
    expect(done.answers['LOG-01']?.note).toBeUndefined();
    expect(done.answers['SEG-01']?.history?.map((entry) => [entry.event, entry.by])).toEqual([
      ['answered', 'Ana Ruiz'],
      ['merged', 'Jo Lead'],
    ]);

    // The whole assessment is answered, every domain merged.
    await lead.goto(`${base}#/a/${id}/review`);
    const total = (await lead.locator('.stepper-total').textContent()) ?? '';
    const [answered, visible] = /(\d+) of (\d+) answered/.exec(total)?.slice(1) ?? [];
    expect(answered).toBe(visible);
    expect(
      await lead
        .getByRole('region', { name: 'Delegation by domain' })
        .getByRole('row', { name: /Segmentation/ })
        .textContent(),
    ).toContain('Merged');

    // The PDF's findings name who answered and who merged.
    await lead.goto(`${base}#/a/${id}/results`);
    const pdfPath = await saveDownload(
      lead,
      () => lead.getByRole('button', { name: /PDF/ }).first().click(),
      'report.pdf',
    );
    const text = squash((await pdfPages(new Uint8Array(readFileSync(pdfPath)))).join('\n'));
    expect(text).toContain(squash('Ana Ruiz (network operations) via questionnaire'));
    expect(text).toContain(squash('Bo Chen (SOC) via questionnaire'));
    expect(text).toContain(squash('merged by Jo Lead (lead)'));
    expect(watch.pageErrors).toEqual([]);
    expect(watch.offOriginRequests).toEqual([]);
  });
});

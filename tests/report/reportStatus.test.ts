import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { carryForward } from '../../src/core/cycles/cycles.ts';
import { reportStatus } from '../../src/core/reporting/reportStatus.ts';
import { openPdf, pdfPages, squash } from '../support/pdfText.ts';
import { reportOf } from '../support/report.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';

const set = loadShippedSet();

async function pagesOf(assessment: Assessment, issueAsIs = false) {
  const report = reportOf(assessment, { issueAsIs, generatedAt: new Date('2027-01-20T12:00:00Z') });
  return (await pdfPages(report.pdf)).map(squash);
}

const previous = fixtureAssessment('mature-operator');
const carried = carryForward(previous, { cycle: '2027-Q1' }, new Date('2027-01-05T09:00:00Z'));
const total = Object.keys(carried.answers).length;
// Two answers confirmed in the new cycle, the rest still as they were carried.
const confirmed = Object.keys(carried.answers).slice(0, 2);
const partlyConfirmed: Assessment = {
  ...carried,
  answers: Object.fromEntries(
    Object.entries(carried.answers).map(([id, { carriedOver: _mark, ...answer }]) => [
      id,
      confirmed.includes(id) ? answer : { ...answer, carriedOver: true as const },
    ]),
  ),
};

describe('the report says whether its answers are this cycle’s', () => {
  it('counts the unconfirmed answers and calls the report a draft until it is issued as it is', () => {
    const draft = reportStatus(set, partlyConfirmed, false);
    expect(draft).toMatchObject({ state: 'draft', unconfirmed: total - 2 });
    expect(draft.statement).toContain(
      `DRAFT: ${total - 2} of ${draft.visible} answers were carried over from ${previous.cycle} and not confirmed in this cycle;`,
    );
    expect(reportStatus(set, partlyConfirmed, true).state).toBe('issued-as-is');
    expect(reportStatus(set, previous, false)).toMatchObject({ state: 'final', unconfirmed: 0 });
  });

  it('marks a carried-over cycle DRAFT on the cover, in the summary and on every page', async () => {
    const pages = await pagesOf(partlyConfirmed);
    const unconfirmed = `${total - 2} of`;
    expect(pages[0]).toContain('DRAFT');
    expect(pages[0]).toContain(squash(`DRAFT: ${unconfirmed}`));
    expect(pages[0]).toContain(squash(`Status Draft`));
    expect(pages[0]).toContain(squash(`, ${total - 2} of them carried over and not confirmed`));
    const summary = pages.find((page) => page.includes(squash('1. Executive summary Risk')));
    expect(summary).toContain(squash(`carried over from ${previous.cycle} and not confirmed`));
    for (const page of pages.slice(1)) expect(page).toContain(squash('DRAFT · CONFIDENTIAL'));
  });

  it('states it when the report is issued as it is, and is silent for a cycle whose answers are all confirmed', async () => {
    const issued = await pagesOf(partlyConfirmed, true);
    expect(issued[0]).toContain(squash('Issued as it is:'));
    expect(issued.join(' ')).not.toContain('DRAFT');
    const final = await pagesOf(previous);
    expect(final[0]).toContain(squash('Status Final'));
    expect(final.join(' ')).not.toMatch(/DRAFT|carried over and not confirmed/);
  });

  it('says on the cover how many questions are unanswered, and calls such a cycle incomplete, not final', async () => {
    const barely: Assessment = { ...previous, answers: { 'EXP-01': { choice: 'yes' } } };
    const [cover = ''] = await pagesOf(barely);
    expect(cover).toMatch(/Incomplete:\d+questionsarenotanswered\(of\d+\)/);
    expect(cover).toMatch(/StatusIncomplete:\d+notanswered/);
  });

  it('draws the score below the status lines on the cover, however many there are', async () => {
    const draftAndIncomplete: Assessment = {
      ...partlyConfirmed,
      answers: Object.fromEntries(Object.entries(partlyConfirmed.answers).slice(0, 40)),
    };
    const document = await openPdf(reportOf(draftAndIncomplete).pdf);
    const items = (await (await document.getPage(1)).getTextContent()).items.flatMap((item) =>
      'str' in item && item.str.trim() ? [{ text: item.str, top: -item.transform[5] }] : [],
    );
    await document.destroy();
    const topOf = (pattern: RegExp) => items.find((item) => pattern.test(item.text))?.top ?? NaN;
    const score = topOf(/^RISK SCORE$/);
    // pdf.js measures from the bottom of the page; negated, a larger number is further down.
    expect(score).toBeGreaterThan(topOf(/^DRAFT: /));
    expect(score).toBeGreaterThan(topOf(/^Incomplete: /));
    const lastStatusLine = Math.max(
      ...items.filter((item) => item.top < score && item.top > topOf(/^DRAFT: /)).map((i) => i.top),
    );
    expect(score - lastStatusLine).toBeGreaterThan(10);
  });
});

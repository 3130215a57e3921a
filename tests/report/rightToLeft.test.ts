import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { plan } from '../../src/core/planning/plan.ts';
import { score } from '../../src/core/scoring/score.ts';
import { page } from '../../src/report/theme.ts';
import { buildWordReport } from '../../src/report/word/index.ts';
import { docxParagraphs, docxParts } from '../support/docxText.ts';
import { drawnTexts } from '../support/pdfDrawnText.ts';
import { openPdf, pdfPages, squash } from '../support/pdfText.ts';
import { reportOf, reportTestDate } from '../support/report.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';
import {
  hebrewOrganisation,
  arabicOrganisation,
  hebrewNote,
  arabicNote,
  arabicOwner,
} from '../support/rightToLeftTexts.ts';

function operator(organisation: string): Assessment {
  const base = fixtureAssessment('middle-profile');
  const answer = (id: string) => {
    const given = base.answers[id];
    if (!given) throw new Error(`middle-profile has no answer to ${id}`);
    return given;
  };
  return {
    ...base,
    organisation,
    answers: {
      ...base.answers,
      'EXP-02': { ...answer('EXP-02'), note: hebrewNote, owner: arabicOwner },
      'EXP-03': { ...answer('EXP-03'), note: arabicNote },
      'EXP-04': { ...answer('EXP-04'), note: `Reviewed with ${arabicOwner} (Cairo).` },
    },
  };
}

/** Each page's drawn lines, with Arabic's shaped forms normalised to its letters. */
async function drawnPages(assessment: Assessment) {
  const { pdf } = reportOf(assessment);
  return {
    pdf,
    pages: (await drawnTexts(pdf)).map((lines) => lines.map((l) => l.normalize('NFKC'))),
  };
}

describe('right-to-left text in the PDF', () => {
  it.each([
    // The glyphs' order on the page, left to right. Read as the report reads, left to right, the
    // line is "Cellguard · ", then the name (read from its right, letter by letter as typed), then
    // " · 2026-Q4": the cycle stays whole after the name. (pdf.js and poppler cannot check this:
    // they guess a line's direction from the share of Hebrew or Arabic letters in it, and read
    // this one as a right-to-left line.)
    [hebrewOrganisation, 'תירלולס תרושקת תרבח'],
    [arabicOrganisation, 'ةلقنتملا تلااصتلاا ةكرش'],
  ])(
    'draws the organisation %s in reading order on the cover and in the running header',
    async (organisation, visual) => {
      const { pages } = await drawnPages(operator(organisation));
      expect(pages[0]).toContain(visual);
      const header = `Cellguard · ${visual} · 2026-Q4`;
      for (const lines of pages.slice(1)) expect(lines).toContain(header);
    },
  );

  it('keeps Arabic shaped: its letters are drawn in their joined forms', async () => {
    const { pdf } = reportOf(operator(arabicOrganisation));
    const cover = (await drawnTexts(pdf))[0] ?? [];
    const name = cover.find((line) => line.normalize('NFKC') === 'ةلقنتملا تلااصتلاا ةكرش');
    expect(name).toBeDefined();
    expect(name).toMatch(/^[\ufe70-\ufeff ]+$/);
  });

  it('lays out mixed notes, with digits and Latin words, as isolates that read in order', async () => {
    const { pdf, pages } = await drawnPages(operator(hebrewOrganisation));
    const drawn = pages.flat();
    expect(drawn).toContain('ליעפ WAF :2 בלש');
    expect(drawn).toContain('2026 سرام 12 ةعجارم');
    // A user's text inside an English sentence keeps the sentence's order around it, on each of
    // the lines it wraps onto: "فريق" ends the first line, "الشبكات" starts the second.
    const wrapped = drawn.indexOf('Reviewed with قيرف');
    expect(wrapped).toBeGreaterThan(-1);
    expect(drawn[wrapped + 1]).toBe('تاكبشلا (Cairo).');
    // pdf.js reads a cell that is all Arabic back in the order it was typed; a mixed line such as
    // the Hebrew note it reads by its own guess, so that one is checked by its glyphs above.
    const text = squash((await pdfPages(pdf)).join(' ').normalize('NFKC'));
    for (const typed of [arabicNote, arabicOwner]) expect(text).toContain(squash(typed));
  });

  it('right-aligns a note that is all right-to-left in its cell, and leaves English notes left-aligned', async () => {
    const { pdf } = reportOf(operator(hebrewOrganisation));
    const document = await openPdf(pdf);
    // The findings table's Note column: after the ID, question and answer columns.
    const noteColumn = { left: page.left + 44 + 116 + 58, width: 88, padding: 3 };
    const items: { text: string; x: number; right: number }[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      for (const item of content.items)
        if ('str' in item)
          items.push({
            text: item.str.normalize('NFKC'),
            x: item.transform[4] as number,
            right: (item.transform[4] as number) + item.width,
          });
    }
    await document.destroy();
    const hebrew = items.find(
      (item) => item.text.includes('WAF') && /[\u05d0-\u05ea]/.test(item.text),
    );
    expect(hebrew?.right).toBeCloseTo(noteColumn.left + noteColumn.width - noteColumn.padding, 0);
    expect(hebrew?.x).toBeGreaterThan(noteColumn.left + noteColumn.padding + 5);
    const english = items.find((item) => item.text.startsWith('Reviewed with'));
    expect(english?.x).toBeCloseTo(noteColumn.left + noteColumn.padding, 0);
  });
});

describe('right-to-left text in the Word report', () => {
  it("marks a user's Hebrew or Arabic as right-to-left runs, and an all right-to-left note as a right-aligned paragraph", async () => {
    const assessment = operator(hebrewOrganisation);
    const set = loadShippedSet();
    const result = score(set, assessment);
    const docx = await buildWordReport({
      set,
      assessment,
      result,
      plan: plan(set, assessment, result),
      generatedAt: reportTestDate,
    });
    const document = docxParts(docx)['word/document.xml'] ?? '';
    const paragraph = [...document.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)]
      .map(([xml]) => xml)
      .find((xml) => docxParagraphs(xml).join('') === hebrewNote);
    expect(paragraph).toContain('<w:bidi/>');
    expect(paragraph).toContain('<w:rtl/>');
    // The English sentence around an Arabic name stays a left-to-right paragraph.
    const sentence = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map(([xml]) => xml)
      .find((xml) => docxParagraphs(xml).join('').startsWith('Reviewed with'));
    expect(sentence).not.toContain('<w:bidi/>');
    // In the running header, a left-to-right mark after the name keeps the cycle after it.
    const headers = Object.entries(docxParts(docx))
      .filter(([path]) => /^word\/header\d+\.xml$/.test(path))
      .map(([, xml]) => xml)
      .join('');
    expect(headers).toContain(`${hebrewOrganisation}\u200e</w:t>`);
    expect(headers).toContain('<w:rtl/>');
  });
});

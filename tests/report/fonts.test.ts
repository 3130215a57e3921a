import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { openPdf } from '../support/pdfText.ts';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { loadReportFonts, reportFontRanges } from '../../src/node/reportFonts.ts';
import { codePointSet, fontCoverage } from '../../src/report/fontCoverage.ts';
import { pdfPages } from '../support/pdfText.ts';
import { reportOf } from '../support/report.ts';
import { loadShippedSet } from '../support/shippedSet.ts';
import { fixtureAssessment } from '../support/storeFixtures.ts';

const root = join(import.meta.dirname, '../..');
const set = loadShippedSet();
const fonts = loadReportFonts();
const faces = [
  { face: fonts.regular, file: 'DejaVuSans.ttf', postScriptName: 'DejaVuSans' },
  { face: fonts.bold, file: 'DejaVuSans-Bold.ttf', postScriptName: 'DejaVuSans-Bold' },
];

/** A font file as the dejavu-fonts-ttf package ships it, before any subsetting. */
function dejaVu(file: string): Uint8Array {
  const folder = dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
  return new Uint8Array(readFileSync(join(folder, 'ttf', file)));
}

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
const sorted = (codes: Iterable<number>) => [...codes].sort((a, b) => a - b);

const build = (assessment: Assessment) => reportOf(assessment);

/** Each piece of text on a page with the PDF name of the font pdf.js drew it in. */
async function textWithFonts(pdf: Uint8Array, pageNumber: number) {
  const document = await openPdf(pdf);
  const page = await document.getPage(pageNumber);
  const content = await page.getTextContent();
  await page.getOperatorList(); // loads the page's fonts into commonObjs
  const items = content.items.flatMap((item) =>
    'str' in item && item.str.trim() !== ''
      ? [{ text: item.str, font: (page.commonObjs.get(item.fontName) as { name: string }).name }]
      : [],
  );
  await document.destroy();
  return items;
}

describe('the report fonts', () => {
  it.each(faces)(
    '$postScriptName is subset to exactly the documented ranges, and its coverage travels with it',
    ({ face, file, postScriptName }) => {
      expect(face.pdfName).toMatch(new RegExp(`^[A-Z]{6}\\+${postScriptName}$`));
      const subset = bytesOf(face.base64);
      const inRanges = (code: number) =>
        reportFontRanges.some(([first, last]) => code >= first && code <= last);
      expect(sorted(fontCoverage(subset))).toEqual(
        sorted([...fontCoverage(dejaVu(file))].filter(inRanges)),
      );
      expect(codePointSet(face.coverage)).toEqual(fontCoverage(subset));
      expect(subset.length).toBeLessThan(dejaVu(file).length / 3);
    },
  );

  it('draw every character of the text the report writes itself', () => {
    const regular = codePointSet(fonts.regular.coverage);
    const bold = codePointSet(fonts.bold.coverage);
    const sources = [
      { where: 'the shipped question set', text: JSON.stringify(set) },
      ...['src/core', 'src/report'].flatMap((folder) =>
        readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
          .filter((name) => name.endsWith('.ts'))
          .map((name) => ({
            where: `${folder}/${name}`,
            text: readFileSync(join(root, folder, name), 'utf8'),
          })),
      ),
    ];
    const missing = sources.flatMap(({ where, text }) =>
      [...new Set(text)]
        .filter((character) => !/\s/.test(character))
        .filter((character) => {
          const code = character.codePointAt(0) ?? 0;
          return !regular.has(code) || !bold.has(code);
        })
        .map((character) => `${character} in ${where}`),
    );
    expect(missing).toEqual([]);
  });

  it('replace a character outside the subset by □ with a warning, although DejaVu Sans has it', async () => {
    const outside = ['♥', 'ἀ']; // Miscellaneous Symbols and Greek Extended: not in the ranges
    for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'])
      for (const character of outside)
        expect(fontCoverage(dejaVu(file)).has(character.codePointAt(0) ?? 0)).toBe(true);
    const assessment = fixtureAssessment('middle-profile');
    const report = build({
      ...assessment,
      answers: {
        ...assessment.answers,
        'EXP-02': { ...assessment.answers['EXP-02'], note: 'Reviewed ♥ by ἀ' },
      },
    });
    expect(report.warnings).toEqual([
      'The report font cannot draw ♥ ἀ in the note of EXP-02; each was replaced by □ in the PDF.',
    ]);
    expect((await pdfPages(report.pdf)).join(' ')).toContain('Reviewed □ by □');
  });
});

describe('the PDF', () => {
  const report = build(fixtureAssessment('middle-profile'));

  it('embeds both faces as subsets, each under its own name', () => {
    const raw = new TextDecoder('latin1').decode(report.pdf);
    const baseFonts = new Set([...raw.matchAll(/\/BaseFont \/(\S+)/g)].map((match) => match[1]));
    expect(baseFonts).toEqual(new Set([fonts.regular.pdfName, fonts.bold.pdfName]));
    expect(fonts.regular.pdfName.slice(0, 6)).not.toBe(fonts.bold.pdfName.slice(0, 6));
    expect(raw.match(/\/FontFile2 /g)).toHaveLength(2);
  });

  it('draws headings, table heads and bold table columns in the bold face, the rest in the regular', async () => {
    const fontOf = (items: { text: string; font: string }[], text: string) =>
      items.find((item) => item.text === text)?.font;
    const cover = await textWithFonts(report.pdf, 1);
    expect(fontOf(cover, 'Report date')).toBe(fonts.bold.pdfName);
    expect(fontOf(cover, '26 November 2026')).toBe(fonts.regular.pdfName);
    const findings = report.sections.find((s) => s.title.endsWith('Findings by domain'));
    const page = await textWithFonts(report.pdf, findings?.page ?? 0);
    expect(fontOf(page, findings?.title ?? 'missing')).toBe(fonts.bold.pdfName);
    expect(fontOf(page, 'Question')).toBe(fonts.bold.pdfName);
    expect(fontOf(page, 'EXP-01')).toBe(fonts.regular.pdfName);
  });
});

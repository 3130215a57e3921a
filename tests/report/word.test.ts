import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { carryForward } from '../../src/core/cycles/cycles.ts';
import { parseAssessmentText } from '../../src/core/assessment/parseFile.ts';
import { plan } from '../../src/core/planning/plan.ts';
import {
  directionControlsShown,
  reportModel,
  textString,
  type ReportModel,
  type UserSpan,
} from '../../src/core/reporting/model/index.ts';
import { score } from '../../src/core/scoring/score.ts';
import { loadReportFonts } from '../../src/node/reportFonts.ts';
import { renderPdf } from '../../src/report/buildReport.ts';
import { drawableText } from '../../src/report/drawableText.ts';
import { codePointSet } from '../../src/report/fontCoverage.ts';
import { renderWord } from '../../src/report/word/index.ts';
import { docxParagraphs, docxParts } from '../support/docxText.ts';
import { pdfPages, squash } from '../support/pdfText.ts';
import { reportTestDate } from '../support/report.ts';
import { reportModelTexts, wordOnlyTexts } from '../support/reportModelText.ts';
import { loadShippedSets } from '../support/shippedSet.ts';

const root = join(import.meta.dirname, '../..');
const sets = loadShippedSets();
const fonts = loadReportFonts();
const drawable = new Set(
  [...codePointSet(fonts.regular.coverage)].filter((code) =>
    codePointSet(fonts.bold.coverage).has(code),
  ),
);

function load(path: string): Assessment {
  const text = readFileSync(join(root, path), 'utf8');
  for (const set of sets) {
    const parsed = parseAssessmentText(text, set);
    if (parsed.ok) return parsed.value.assessment;
  }
  throw new Error(`${path} answers no shipped set`);
}

function modelOf(assessment: Assessment, previous?: Assessment): ReportModel {
  const set = sets.find((s) => s.id === assessment.questionSet.id);
  if (!set) throw new Error(`no shipped set ${assessment.questionSet.id}`);
  const result = score(set, assessment);
  return reportModel({
    set,
    assessment,
    result,
    plan: plan(set, assessment, result),
    ...(previous ? { previous: { assessment: previous, result: score(set, previous) } } : {}),
    generatedAt: reportTestDate,
    setTitles: Object.fromEntries(sets.map((s) => [s.id, s.title])),
  });
}

/**
 * Finds each text in `haystack` in order, each after the last; returns those not found and
 * which characters of the haystack they cover.
 */
function findInOrder(haystack: string, texts: readonly string[]) {
  const covered = new Uint8Array(haystack.length);
  const missing: string[] = [];
  let cursor = 0;
  for (const text of texts.map(squash)) {
    const at = haystack.indexOf(text, cursor);
    if (at < 0) {
      missing.push(text);
      continue;
    }
    covered.fill(1, at, at + text.length);
    cursor = at + text.length;
  }
  return { missing, covered };
}

/** The haystack's characters no text covers, once `extras` are allowed anywhere. */
function uncovered(haystack: string, covered: Uint8Array, extras: readonly string[]): string {
  for (const extra of extras.map(squash).filter(Boolean)) {
    for (let at = haystack.indexOf(extra); at >= 0; at = haystack.indexOf(extra, at + 1))
      if (covered.subarray(at, at + extra.length).every((c) => c === 0))
        covered.fill(1, at, at + extra.length);
  }
  return [...haystack].filter((_, index) => covered[index] === 0).join('');
}

/** A user's text as the Word file shows it: direction controls as □, never obeyed. */
const shownInWord = (span: UserSpan) => directionControlsShown(span.user);

/** A user's text as the PDF draws it: characters the font lacks as □. */
const drawnInPdf = (span: UserSpan) => drawableText(span.user, drawable).text;

/** The model's texts as the PDF's text reads back, normalised as `pdfText` is. */
const textsInPdf = (model: ReportModel) =>
  reportModelTexts(model, drawnInPdf).map((text) => text.normalize('NFKC'));

async function pdfText(model: ReportModel): Promise<string> {
  const pages = await pdfPages(renderPdf(model, fonts).pdf);
  const header = textString(model.frame.header, drawnInPdf);
  // The running header and footer are drawn last on each page: off its end, so that a paragraph
  // that runs over a page reads on.
  return pages
    .map((page, index) => {
      const frame = squash(
        `${model.frame.marking}${index === 0 ? '' : header}${model.frame.footer}Page ${index + 1} of ${pages.length}`,
      );
      // Arabic is drawn in its shaped forms; normalised, it reads as typed.
      const text = squash(page.normalize('NFKC'));
      expect(text.endsWith(frame), `the frame of page ${index + 1}`).toBe(true);
      return text.slice(0, text.length - frame.length);
    })
    .join('');
}

async function wordText(model: ReportModel): Promise<string> {
  const parts = docxParts(await renderWord(model));
  return squash(docxParagraphs(parts['word/document.xml'] ?? '').join(''));
}

const fixtures = [
  'tests/fixtures/assessments/soft-cell-victim.json',
  'tests/fixtures/assessments/middle-profile.json',
  'tests/fixtures/assessments/mature-operator.json',
  'tests/fixtures/assessments/all-best.json',
  'tests/fixtures/assessments/all-worst.json',
  'tests/fixtures/assessments/unicode-operator.json',
  'tests/fixtures/assessments/calibration/breached-2019.json',
  'tests/fixtures/assessments/calibration/all-unknown.json',
  'tests/fixtures/assessments/network-side.json',
  'tests/fixtures/assessments/calibration/vendor-cdr-uncompensated.json',
];

describe('the Word report and the PDF say the same', () => {
  it('mark a draft as a draft, on the cover and in the frame of every page', async () => {
    const previous = load('tests/fixtures/assessments/middle-profile.json');
    const draft = carryForward(previous, { cycle: '2027-Q1' }, new Date('2027-01-05T09:00:00Z'));
    const model = modelOf(draft, previous);
    expect(model.draft).toBe(true);
    const texts = reportModelTexts(model, shownInWord);
    expect(texts).toContain('DRAFT');
    expect(findInOrder(await pdfText(model), textsInPdf(model)).missing).toEqual([]);
    const parts = docxParts(await renderWord(model));
    const word = squash(docxParagraphs(parts['word/document.xml'] ?? '').join(''));
    expect(findInOrder(word, texts).missing).toEqual([]);
    const headers = Object.entries(parts)
      .filter(([path]) => /^word\/header\d+\.xml$/.test(path))
      .map(([, xml]) => docxParagraphs(xml).join(' '));
    expect(headers.length).toBeGreaterThan(0);
    for (const header of headers) expect(header).toContain('DRAFT · CONFIDENTIAL');
  });

  it.each(fixtures)('%s: every text of the report, in the same order', async (path) => {
    const model = modelOf(load(path));
    const pdf = await pdfText(model);
    const inPdf = findInOrder(pdf, textsInPdf(model));
    expect(inPdf.missing).toEqual([]);

    const word = await wordText(model);
    const inWord = findInOrder(word, reportModelTexts(model, shownInWord));
    expect(inWord.missing).toEqual([]);
    // Nothing in the Word file that the report model does not hold.
    expect(uncovered(word, inWord.covered, wordOnlyTexts(model))).toBe('');
  });

  it('agree on what changed since a previous cycle, and on who answered', async () => {
    const previous = load('tests/fixtures/assessments/soft-cell-victim.json');
    const current = load('tests/fixtures/assessments/middle-profile.json');
    const lead = { by: 'J. Smith', role: 'lead', via: 'lead' } as const;
    const attributed: Assessment = {
      ...current,
      answers: {
        ...current.answers,
        'CRD-02': {
          ...current.answers['CRD-02'],
          note: 'Checked on the SIEM.\nTwo rules fire; the third is tuned.',
          history: [
            { at: '2026-03-01T09:00:00.000Z', event: 'answered', ...lead, to: 'logged' },
            {
              at: '2026-03-12T09:00:00.000Z',
              event: 'answered',
              by: 'Ana Ruiz',
              role: 'network operations',
              via: 'questionnaire',
              from: 'logged',
              to: 'alerted',
            },
            { at: '2026-03-14T09:00:00.000Z', event: 'merged', ...lead },
          ],
        },
      },
    };
    const model = modelOf(attributed, previous);
    expect(model.sections.map((s) => textString(s.title))).toContain(`3. Since ${previous.cycle}`);
    const texts = reportModelTexts(model, shownInWord);
    expect(texts).toContain(
      'Answered by Ana Ruiz (network operations) via questionnaire, 12 March 2026; merged by J. Smith (lead), 14 March 2026',
    );
    expect(findInOrder(await pdfText(model), textsInPdf(model)).missing).toEqual([]);
    const word = await wordText(model);
    const inWord = findInOrder(word, texts);
    expect(inWord.missing).toEqual([]);
    expect(uncovered(word, inWord.covered, wordOnlyTexts(model))).toBe('');
  });
});

describe('the Word report as Word reads it', () => {
  it('has the report title in its properties, real headings, repeated table heads and page numbers', async () => {
    const model = modelOf(load('tests/fixtures/assessments/middle-profile.json'));
    const parts = docxParts(await renderWord(model));
    const document = parts['word/document.xml'] ?? '';
    expect(parts['docProps/core.xml']).toContain(
      '<dc:title>Operation Soft Cell exposure assessment: Example Networks (mid-journey profile) 2026-Q4</dc:title>',
    );
    // Heading styles, so that Word's navigation pane and a template's own styles apply.
    const headings = [...document.matchAll(/<w:pStyle w:val="(Heading\d)"\/>/g)].map((m) => m[1]);
    expect(headings.filter((h) => h === 'Heading1')).toHaveLength(model.sections.length + 1);
    expect(headings).toContain('Heading2');
    // Each table's head row repeats on every page, and no row breaks across pages.
    const tables = document.match(/<w:tbl>/g)?.length ?? 0;
    expect(document.match(/<w:tblHeader\/>/g)?.length).toBe(tables - 1); // the cover's facts have none
    expect(document).toContain('<w:cantSplit/>');
    const footers = Object.entries(parts)
      .filter(([path]) => /^word\/footer\d+\.xml$/.test(path))
      .map(([, xml]) => xml)
      .join('');
    expect(footers).toMatch(/PAGE/);
    expect(footers).toMatch(/NUMPAGES/);
  });
});

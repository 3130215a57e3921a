import {
  reportModel,
  type ReportModel,
  type ReportModelInput,
} from '../core/reporting/model/index.ts';
import { drawBlock } from './blocks.ts';
import { codePointSet } from './fontCoverage.ts';
import { drawContents } from './sections/contents.ts';
import { drawCover } from './sections/cover.ts';
import { drawHeadersAndFooters } from './sections/frame.ts';
import { ReportWriter, type ReportFonts } from './writer.ts';

export interface ReportInput extends ReportModelInput {
  fonts: ReportFonts;
  /**
   * Told after each step of the build: the cover, each section, the contents with the page frames,
   * and the file. `done` rises by one per call and ends at `total`.
   */
  onProgress?: (done: number, total: number) => void;
}

export interface BuiltReport {
  pdf: Uint8Array<ArrayBuffer>;
  pageCount: number;
  sections: { title: string; page: number }[];
  /** Plain-words notes for the user, e.g. characters the font could not draw. */
  warnings: string[];
}

/** The management report as a PDF: a pure function of its input, in the browser and in Node. */
export function buildReport(input: ReportInput): BuiltReport {
  return renderPdf(reportModel(input), input.fonts, input.onProgress);
}

/** The PDF of a report model, in the report's fonts. */
export function renderPdf(
  model: ReportModel,
  fonts: ReportFonts,
  onProgress?: (done: number, total: number) => void,
): BuiltReport {
  const regular = codePointSet(fonts.regular.coverage);
  const bold = codePointSet(fonts.bold.coverage);
  const covered = new Set([...regular].filter((code) => bold.has(code)));
  const writer = new ReportWriter(fonts, covered);

  writer.doc.setProperties({
    title: writer.plain(model.title),
    subject: model.subject,
    creator: 'Cellguard',
  });
  writer.doc.setCreationDate(model.generatedAt);

  // One step per section, and one each for the cover, the contents with the page frames and the
  // file.
  const steps = model.sections.length + 3;
  let done = 0;
  const stepDone = () => {
    done += 1;
    onProgress?.(done, steps);
  };

  drawCover(writer, model);
  stepDone();
  writer.newPage(); // the table of contents, filled in once the sections' pages are known
  const sections: { title: string; page: number }[] = [];
  for (const section of model.sections) {
    writer.newPage();
    sections.push({ title: writer.plain(section.title), page: writer.pageNumber() });
    writer.heading(writer.drawn(section.title), 1);
    for (const block of section.blocks) drawBlock(writer, block);
    stepDone();
  }

  writer.doc.setPage(2);
  drawContents(
    writer,
    model.contents,
    sections.map((section) => section.page),
  );
  drawHeadersAndFooters(writer, model);
  stepDone();
  const pdf = new Uint8Array(writer.doc.output('arraybuffer'));
  stepDone();

  return {
    pdf,
    pageCount: writer.doc.getNumberOfPages(),
    sections,
    warnings: writer.warnings(),
  };
}

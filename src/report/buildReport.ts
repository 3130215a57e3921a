import type { Assessment } from '../core/assessment/model.ts';
import { answerChanges } from '../core/comparison/answerChanges.ts';
import { actionProgress, compareResults } from '../core/comparison/compare.ts';
import { plan as planOf, type Plan } from '../core/planning/plan.ts';
import type { QuestionSet } from '../core/questionSet/schema.ts';
import type { ScoreResult } from '../core/scoring/score.ts';
import { reportStatus } from '../core/reporting/reportStatus.ts';
import { resultStatements } from '../core/reporting/statements.ts';
import { codePointSet } from './fontCoverage.ts';
import { drawCharts } from './sections/chain.ts';
import type { ReportContent } from './sections/content.ts';
import { drawContents } from './sections/contents.ts';
import { drawCover } from './sections/cover.ts';
import { drawFindings } from './sections/findings.ts';
import { drawHeadersAndFooters } from './sections/frame.ts';
import { drawMethodology } from './sections/methodology.ts';
import { drawPlan } from './sections/plan.ts';
import { drawSinceLastCycle } from './sections/since.ts';
import { drawSummary } from './sections/summary.ts';
import { ReportWriter, type ReportFonts } from './writer.ts';

export interface ReportInput {
  set: QuestionSet;
  assessment: Assessment;
  result: ScoreResult;
  plan: Plan;
  /** An earlier cycle of the same organisation and scope, for the "since" figures. */
  previous?: { assessment: Assessment; result: ScoreResult };
  fonts: ReportFonts;
  generatedAt: Date;
  /**
   * Issue the report although carried-over answers are unconfirmed; it then says so. Without it,
   * such a report is marked DRAFT on its cover and every page.
   */
  issueAsIs?: boolean;
  /** Titles of the other sets answers may have been taken from, by id. */
  setTitles?: Readonly<Record<string, string>>;
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
  const regular = codePointSet(input.fonts.regular.coverage);
  const bold = codePointSet(input.fonts.bold.coverage);
  const covered = new Set([...regular].filter((code) => bold.has(code)));
  const writer = new ReportWriter(input.fonts, covered);
  const comparison =
    input.previous &&
    compareResults(input.previous, { assessment: input.assessment, result: input.result });
  const content: ReportContent = {
    set: input.set,
    assessment: input.assessment,
    result: input.result,
    plan: input.plan,
    statements: resultStatements(input.set, input.result, input.plan),
    status: reportStatus(
      input.set,
      input.assessment,
      input.issueAsIs === true,
      (id) => input.setTitles?.[id] ?? id,
    ),
    generatedAt: input.generatedAt,
    ...(input.previous && comparison
      ? {
          previous: input.previous,
          comparison,
          changes: answerChanges(input.set, comparison, input.previous, {
            assessment: input.assessment,
            result: input.result,
          }),
          progress: actionProgress(
            planOf(input.set, input.previous.assessment, input.previous.result),
            input.previous.result,
            input.result,
            input.generatedAt.toISOString().slice(0, 10),
          ),
        }
      : {}),
  };

  writer.doc.setProperties({
    title: `${input.set.title}: ${writer.user(input.assessment.organisation, 'the organisation name')} ${writer.user(input.assessment.cycle, 'the cycle')}`,
    subject: 'Risk, attack-chain weak points and remediation plan. CONFIDENTIAL.',
    creator: 'Cellguard',
  });
  writer.doc.setCreationDate(input.generatedAt);

  const sectionsToDraw: {
    name: string;
    draw: (writer: ReportWriter, content: ReportContent) => void;
  }[] = [
    { name: 'Executive summary', draw: drawSummary },
    { name: 'Risk by domain and attack chain', draw: drawCharts },
    ...(content.comparison
      ? [
          {
            name: `Since ${writer.user(content.comparison.previous.cycle, 'the previous cycle')}`,
            draw: drawSinceLastCycle,
          },
        ]
      : []),
    { name: 'Remediation plan', draw: drawPlan },
    { name: 'Findings by domain', draw: drawFindings },
    { name: 'Methodology', draw: drawMethodology },
  ];
  // One step per section, and one each for the cover, the contents with the page frames and the
  // file.
  const steps = sectionsToDraw.length + 3;
  let done = 0;
  const stepDone = () => {
    done += 1;
    input.onProgress?.(done, steps);
  };

  drawCover(writer, content);
  stepDone();
  writer.newPage(); // the table of contents, filled in once the sections' pages are known
  const sections: { title: string; page: number }[] = [];
  for (const { name, draw } of sectionsToDraw) {
    writer.newPage();
    const title = `${sections.length + 1}. ${name}`;
    sections.push({ title, page: writer.pageNumber() });
    writer.heading(title, 1);
    draw(writer, content);
    stepDone();
  }

  writer.doc.setPage(2);
  drawContents(writer, content.set, sections);
  drawHeadersAndFooters(writer, content);
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

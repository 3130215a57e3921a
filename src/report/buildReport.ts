import type { Assessment } from '../core/assessment/model.ts';
import { actionProgress, compareResults } from '../core/comparison/compare.ts';
import { plan as planOf, type Plan } from '../core/planning/plan.ts';
import type { QuestionSet } from '../core/questionSet/schema.ts';
import type { ScoreResult } from '../core/scoring/score.ts';
import { resultStatements } from '../core/reporting/statements.ts';
import { fontCoverage } from './fontCoverage.ts';
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
}

export interface BuiltReport {
  pdf: Uint8Array;
  pageCount: number;
  sections: { title: string; page: number }[];
  /** Plain-words notes for the user, e.g. characters the font could not draw. */
  warnings: string[];
}

/** The management report as a PDF: a pure function of its input, in the browser and in Node. */
export function buildReport(input: ReportInput): BuiltReport {
  const regular = fontCoverage(input.fonts.regular);
  const bold = fontCoverage(input.fonts.bold);
  const covered = new Set([...regular].filter((code) => bold.has(code)));
  const writer = new ReportWriter(input.fonts, covered);
  const content: ReportContent = {
    set: input.set,
    assessment: input.assessment,
    result: input.result,
    plan: input.plan,
    statements: resultStatements(input.set, input.result, input.plan),
    generatedAt: input.generatedAt,
    ...(input.previous
      ? {
          previous: input.previous,
          comparison: compareResults(input.previous, {
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
    title: `Soft Cell exposure assessment: ${writer.user(input.assessment.organisation, 'the organisation name')} ${writer.user(input.assessment.cycle, 'the cycle')}`,
    subject: 'Risk, attack-chain weak points and remediation plan. CONFIDENTIAL.',
    creator: 'Cellguard',
  });
  writer.doc.setCreationDate(input.generatedAt);

  drawCover(writer, content);
  writer.newPage(); // the table of contents, filled in once the sections' pages are known
  const sections: { title: string; page: number }[] = [];
  const section = (name: string, draw: (writer: ReportWriter, content: ReportContent) => void) => {
    writer.newPage();
    const title = `${sections.length + 1}. ${name}`;
    sections.push({ title, page: writer.pageNumber() });
    writer.heading(title, 1);
    draw(writer, content);
  };
  section('Executive summary', drawSummary);
  section('Risk by domain and attack chain', drawCharts);
  if (content.comparison)
    section(
      `Since ${writer.user(content.comparison.previous.cycle, 'the previous cycle')}`,
      drawSinceLastCycle,
    );
  section('Remediation plan', drawPlan);
  section('Findings by domain', drawFindings);
  section('Methodology', drawMethodology);

  writer.doc.setPage(2);
  drawContents(writer, sections);
  drawHeadersAndFooters(writer, content);

  return {
    pdf: new Uint8Array(writer.doc.output('arraybuffer')),
    pageCount: writer.doc.getNumberOfPages(),
    sections,
    warnings: writer.warnings(),
  };
}

import type { Assessment } from '../../src/core/assessment/model.ts';
import { plan } from '../../src/core/planning/plan.ts';
import { score } from '../../src/core/scoring/score.ts';
import { loadReportFonts } from '../../src/node/reportFonts.ts';
import { buildReport, type ReportInput } from '../../src/report/index.ts';
import { loadShippedSets } from './shippedSet.ts';

const sets = loadShippedSets();
const fonts = loadReportFonts();

/** The fixed report date of the report tests, so that dates in the PDF can be asserted. */
export const reportTestDate = new Date('2026-11-26T12:00:00Z');

/**
 * The PDF of an assessment of a shipped set (the one it names), scored and planned as the app does it, with an
 * optional earlier cycle and any other report option.
 */
export function reportOf(
  assessment: Assessment,
  options: { previous?: Assessment } & Partial<
    Pick<ReportInput, 'generatedAt' | 'issueAsIs' | 'onProgress'>
  > = {},
) {
  const { previous, ...rest } = options;
  const set = sets.find((s) => s.id === assessment.questionSet.id);
  if (!set) throw new Error(`no shipped set ${assessment.questionSet.id}`);
  const result = score(set, assessment);
  return buildReport({
    set,
    assessment,
    result,
    plan: plan(set, assessment, result),
    ...(previous ? { previous: { assessment: previous, result: score(set, previous) } } : {}),
    fonts,
    generatedAt: reportTestDate,
    setTitles: Object.fromEntries(sets.map((s) => [s.id, s.title])),
    ...rest,
  });
}

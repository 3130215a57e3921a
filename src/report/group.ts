import type { ScoredGroupDashboard } from '../core/group/dashboard.ts';
import type { QuestionSet } from '../core/questionSet/schema.ts';
import { groupReportModel } from '../core/reporting/model/index.ts';
import { renderPdf, type BuiltReport } from './buildReport.ts';
import type { ReportFonts } from './writer.ts';

export interface GroupReportInput {
  /** A group with at least one member with a cycle (see hasGroupRisk). */
  dashboard: ScoredGroupDashboard;
  set: QuestionSet;
  fonts: ReportFonts;
  generatedAt: Date;
  /** Told after each step of the build, as for the single report (renderPdf). */
  onProgress?: (done: number, total: number) => void;
}

/** The group report as a PDF: the same renderer and fonts as a single assessment's report. */
export function buildGroupReport(input: GroupReportInput): BuiltReport {
  return renderPdf(
    groupReportModel(input.dashboard, input.set, input.generatedAt),
    input.fonts,
    input.onProgress,
  );
}

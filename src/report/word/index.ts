import type { ScoredGroupDashboard } from '../../core/group/dashboard.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import {
  groupReportModel,
  reportModel,
  type ReportModelInput,
} from '../../core/reporting/model/index.ts';
import { renderWord } from './renderWord.ts';

export { renderWord } from './renderWord.ts';

/** The management report as a Word file: the PDF's report model, rendered with docx. */
export const buildWordReport = (input: ReportModelInput): Promise<Uint8Array<ArrayBuffer>> =>
  renderWord(reportModel(input));

/** The group board's report as a Word file: the group PDF's report model, rendered with docx. */
export const buildGroupWordReport = (input: {
  dashboard: ScoredGroupDashboard;
  set: QuestionSet;
  generatedAt: Date;
}): Promise<Uint8Array<ArrayBuffer>> =>
  renderWord(groupReportModel(input.dashboard, input.set, input.generatedAt));

// What a page and the report worker (reportWorker.ts) say to each other. Types only: importing
// them loads no report code. Shared here, below the features, because two features build reports
// in the one worker: the results page (one assessment) and the group page (a group's report).
import type { Assessment } from '../../core/assessment/model.ts';
import type { ScoredGroupDashboard } from '../../core/group/dashboard.ts';
import type { Plan } from '../../core/planning/plan.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import type { ScoreResult } from '../../core/scoring/score.ts';

export interface ReportRequest {
  set: QuestionSet;
  assessment: Assessment;
  result: ScoreResult;
  plan: Plan;
  previous?: { assessment: Assessment; result: ScoreResult };
  /** Issue it although carried-over answers are unconfirmed (see buildReport's ReportInput). */
  issueAsIs?: boolean;
  /** Titles of the other sets answers may have been taken from, by id. */
  setTitles?: Readonly<Record<string, string>>;
}

/** The PDF, or the Word file for a team that edits the report into its own template. */
export type ReportFormat = 'pdf' | 'docx';

/** What a group's report is made of: the dashboard is plain data, posted to the worker as it is. */
export interface GroupReportRequest {
  /** A dashboard with a group risk (see hasGroupRisk): only such a group has a report. */
  dashboard: ScoredGroupDashboard;
  set: QuestionSet;
}

/** Page → worker: the one report to build, and in which format. */
export type ReportJob =
  | { kind: 'assessment'; request: ReportRequest; format: ReportFormat; generatedAt: Date }
  | { kind: 'group'; request: GroupReportRequest; format: ReportFormat; generatedAt: Date };

/** Worker → page: progress after each step, then the file's bytes or why there are none. */
export type ReportWorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'built'; file: Uint8Array<ArrayBuffer>; warnings: string[] }
  | { kind: 'failed'; reason: string };

// What the page and the PDF worker (reportWorker.ts) say to each other. Types only: importing
// them loads no report code.
import type { Assessment } from '../../core/assessment/model.ts';
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

/** Page → worker: the one report to build, and in which format. */
export interface ReportJob {
  request: ReportRequest;
  format: ReportFormat;
  generatedAt: Date;
}

/** Worker → page: progress after each step, then the file's bytes or why there are none. */
export type ReportWorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'built'; file: Uint8Array<ArrayBuffer>; warnings: string[] }
  | { kind: 'failed'; reason: string };

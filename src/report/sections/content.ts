import type { Assessment } from '../../core/assessment/model.ts';
import type { AnswerChanges } from '../../core/comparison/answerChanges.ts';
import type { ActionProgress, Comparison } from '../../core/comparison/compare.ts';
import type { Plan } from '../../core/planning/plan.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import type { ReportStatus } from '../../core/reporting/reportStatus.ts';
import type { ResultStatements } from '../../core/reporting/statements.ts';
import type { ScoreResult } from '../../core/scoring/score.ts';

/** Everything the sections draw from, computed once by buildReport. */
export interface ReportContent {
  set: QuestionSet;
  assessment: Assessment;
  result: ScoreResult;
  plan: Plan;
  statements: ResultStatements;
  /** Draft, final or issued as it is, and how complete the answers are. */
  status: ReportStatus;
  previous?: { assessment: Assessment; result: ScoreResult };
  comparison?: Comparison;
  /** Every changed answer since the previous cycle, grouped, when there is one. */
  changes?: AnswerChanges;
  /** How the previous cycle's plan was executed, when there is a previous cycle. */
  progress?: ActionProgress[];
  generatedAt: Date;
}

/**
 * The one date format of the report ("26 November 2026"), for a date and time or a YYYY-MM-DD
 * date alike, in UTC so that a due date is the same day wherever the PDF is made.
 */
export const longDate = (date: Date): string =>
  date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** A stored date (YYYY-MM-DD) or timestamp in the report's one date format. */
export const reportDate = (value: string): string => {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : longDate(date);
};

import type { Assessment } from '../../core/assessment/model.ts';
import type { ActionProgress, Comparison } from '../../core/comparison/compare.ts';
import type { Plan } from '../../core/planning/plan.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import type { ResultStatements } from '../../core/reporting/statements.ts';
import type { ScoreResult } from '../../core/scoring/score.ts';

/** Everything the sections draw from, computed once by buildReport. */
export interface ReportContent {
  set: QuestionSet;
  assessment: Assessment;
  result: ScoreResult;
  plan: Plan;
  statements: ResultStatements;
  previous?: { assessment: Assessment; result: ScoreResult };
  comparison?: Comparison;
  /** How the previous cycle's plan was executed, when there is a previous cycle. */
  progress?: ActionProgress[];
  generatedAt: Date;
}

export const longDate = (date: Date): string =>
  date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

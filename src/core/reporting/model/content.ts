import type { Assessment } from '../../assessment/model.ts';
import type { AnswerChanges } from '../../comparison/answerChanges.ts';
import type { ActionProgress, Comparison } from '../../comparison/compare.ts';
import type { Plan } from '../../planning/plan.ts';
import type { QuestionSet } from '../../questionSet/schema.ts';
import type { ScoreResult } from '../../scoring/score.ts';
import type { ReportStatus } from '../reportStatus.ts';
import type { ResultStatements } from '../statements.ts';

/** Everything the sections are written from, computed once by reportModel. */
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

import type { Answer } from '../assessment/model.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import type { Band } from './bands.ts';
import { progressOf } from './progress.ts';
import { score } from './score.ts';

/** What the list of assessments shows: progress, and the risk once every shown question is answered. */
export interface AssessmentSummary {
  answered: number;
  visible: number;
  /**
   * Answers carried over and not yet confirmed. Absent from summaries cached by versions before
   * it was added, until the store summarises the assessment again.
   */
  unconfirmed?: number;
  risk?: number;
  band?: Band;
}

export function summarize(
  set: QuestionSet,
  answers: Readonly<Record<string, Answer>>,
): AssessmentSummary {
  const progress = progressOf(set, answers);
  const counts = {
    answered: progress.answered,
    visible: progress.visible,
    unconfirmed: progress.unconfirmed,
  };
  if (!progress.complete) return counts;
  const result = score(set, { answers });
  return {
    ...counts,
    risk: result.risk,
    band: result.band,
  };
}

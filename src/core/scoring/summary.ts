import type { Answer } from '../assessment/model.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import type { Band } from './bands.ts';
import { progressOf } from './progress.ts';
import { score } from './score.ts';

/** What the list of assessments shows: progress, and the risk once every shown question is answered. */
export interface AssessmentSummary {
  answered: number;
  visible: number;
  risk?: number;
  band?: Band;
}

export function summarize(
  set: QuestionSet,
  answers: Readonly<Record<string, Answer>>,
): AssessmentSummary {
  const progress = progressOf(set, answers);
  if (!progress.complete) return { answered: progress.answered, visible: progress.visible };
  const result = score(set, { answers });
  return {
    answered: progress.answered,
    visible: progress.visible,
    risk: result.risk,
    band: result.band,
  };
}

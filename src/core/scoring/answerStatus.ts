import type { Answer } from '../assessment/model.ts';
import type { Question } from '../questionSet/schema.ts';

/**
 * How an answer counts. "na" needs a reason to count as not applicable; without one it is treated
 * as unanswered, so that a bare click cannot remove a control from the score.
 */
export type AnswerStatus = 'answered' | 'unknown' | 'unanswered' | 'na' | 'na-without-reason';

export function answerStatus(question: Question, answer: Answer | undefined): AnswerStatus {
  const choice = answer?.choice;
  if (choice === undefined) return 'unanswered';
  if (choice === 'unknown') return 'unknown';
  if (choice === 'na') return answer?.note?.trim() ? 'na' : 'na-without-reason';
  return question.options.some((o) => o.id === choice) ? 'answered' : 'unanswered';
}

/** A question counts as answered for progress once it has a usable answer. */
export const isSettled = (status: AnswerStatus): boolean =>
  status === 'answered' || status === 'unknown' || status === 'na';

import type { Answer } from '../assessment/model.ts';
import type { Question } from '../questionSet/schema.ts';

/**
 * How an answer counts. "na" needs its reason to count as not applicable; without one it is treated
 * as unanswered, so that a bare click cannot remove a control from the score. On a critical
 * control it also needs a compensating control and the name of whoever accepted the risk; without
 * them it counts as a gap, so that "the vendor runs it" cannot silently remove a critical gap.
 */
export type AnswerStatus =
  'answered' | 'unknown' | 'unanswered' | 'na' | 'na-without-reason' | 'na-uncompensated';

export const hasText = (value: string | undefined): boolean =>
  typeof value === 'string' && value.trim() !== '';

/** A not-applicable critical control names what stands in for it and who accepted the risk. */
export const isCompensated = (answer: Answer | undefined): boolean =>
  hasText(answer?.compensatingControl) && hasText(answer?.riskAcceptedBy);

export function answerStatus(question: Question, answer: Answer | undefined): AnswerStatus {
  const choice = answer?.choice;
  if (choice === undefined) return 'unanswered';
  if (choice === 'unknown') return 'unknown';
  if (choice === 'na') {
    if (!hasText(answer?.naReason)) return 'na-without-reason';
    const critical = question.kind === 'control' && question.critical;
    return critical && !isCompensated(answer) ? 'na-uncompensated' : 'na';
  }
  return question.options.some((o) => o.id === choice) ? 'answered' : 'unanswered';
}

/**
 * A question counts as answered for progress once it has a usable answer. An uncompensated N/A
 * is settled too: the assessor has answered; the results say what is missing for it to count.
 */
export const isSettled = (status: AnswerStatus): boolean =>
  status === 'answered' || status === 'unknown' || status === 'na' || status === 'na-uncompensated';

import {
  answerDateFields,
  answerTextFields,
  clipText,
  isRealDate,
} from '../core/assessment/limits.ts';
import type { Answer } from '../core/assessment/model.ts';
import type { QuestionSet } from '../core/questionSet/schema.ts';

/**
 * A change to one answer as the store accepts it: text clipped to its limit, a date kept only when
 * it is a real one, a choice kept only when the question offers it. What is refused is left out,
 * so the answer keeps its previous value for that field.
 */
export function acceptedChange(
  set: QuestionSet,
  questionId: string,
  change: Partial<Answer>,
): Partial<Answer> {
  const question = set.questions.find((q) => q.id === questionId);
  if (!question) return {};
  const offered = (choice: unknown) =>
    choice === '' ||
    choice === 'na' ||
    choice === 'unknown' ||
    question.options.some((o) => o.id === choice);
  const isText = (field: string): field is (typeof answerTextFields)[number] =>
    (answerTextFields as readonly string[]).includes(field);
  const isDate = (field: string) => (answerDateFields as readonly string[]).includes(field);
  const entries = Object.entries(change).flatMap(([field, value]): [string, unknown][] => {
    if (value === undefined) return [[field, value]];
    if (isText(field)) return typeof value === 'string' ? [[field, clipText(value, field)]] : [];
    if (isDate(field))
      return value === '' || (typeof value === 'string' && isRealDate(value))
        ? [[field, value]]
        : [];
    if (field === 'choice') return offered(value) ? [[field, value]] : [];
    return [[field, value]];
  });
  return Object.fromEntries(entries) as Partial<Answer>;
}

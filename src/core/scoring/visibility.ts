import type { Answer } from '../assessment/model.ts';
import type { Question, QuestionSet } from '../questionSet/schema.ts';

/**
 * Which questions are shown for these answers. A question with a condition is shown when its gate
 * is shown and the gate's answer is one of the listed options, or is not yet known: an unanswered
 * or "Don't know" scope must never shrink the assessment.
 */
export function visibleQuestionIds(
  set: QuestionSet,
  answers: Readonly<Record<string, Answer>>,
): Set<string> {
  const byId = new Map(set.questions.map((q) => [q.id, q]));
  const memo = new Map<string, boolean>();
  const isVisible = (question: Question): boolean => {
    const known = memo.get(question.id);
    if (known !== undefined) return known;
    let visible = true;
    if (question.showIf) {
      const gate = byId.get(question.showIf.question);
      const choice = answers[question.showIf.question]?.choice;
      visible =
        gate !== undefined &&
        isVisible(gate) &&
        (choice === undefined || choice === 'unknown' || question.showIf.anyOf.includes(choice));
    }
    memo.set(question.id, visible);
    return visible;
  };
  return new Set(set.questions.filter(isVisible).map((q) => q.id));
}

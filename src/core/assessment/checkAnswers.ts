import { universalChoiceLabels } from '../questionSet/choiceLabel.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import type { Problem } from '../result.ts';
import { listJoin } from '../text.ts';
import type { Assessment } from './model.ts';

/** The answers the page offers for a question, by their labels: "None", … and "Don't know". */
function answerLabels(question: QuestionSet['questions'][number]): string {
  const labels = [
    ...question.options.map((option) => option.label),
    // As the wizard: "Not applicable" is offered on controls only.
    ...(question.kind === 'control' ? [universalChoiceLabels.na] : []),
    universalChoiceLabels.unknown,
  ];
  return listJoin(labels.map((label) => `"${label}"`));
}

/** Every answer names a question of the set and one of its options (or na, unknown). */
export function checkAnswers(assessment: Pick<Assessment, 'answers'>, set: QuestionSet): Problem[] {
  const questions = new Map(set.questions.map((q) => [q.id, q]));
  const problems: Problem[] = [];
  for (const [questionId, answer] of Object.entries(assessment.answers)) {
    const question = questions.get(questionId);
    if (!question) {
      problems.push({
        path: `answers.${questionId}`,
        message: `${questionId} is not a question of ${set.id} ${set.version}.`,
        pageMessage: `The file answers question ${questionId}, which the questions of this Cellguard (${set.title} ${set.version}) do not include.`,
      });
      continue;
    }
    const choice = answer.choice;
    if (choice === undefined || choice === 'na' || choice === 'unknown') continue;
    if (!question.options.some((o) => o.id === choice)) {
      const allowed = [...question.options.map((o) => o.id), 'na', 'unknown'].join(', ');
      problems.push({
        path: `answers.${questionId}.choice`,
        message: `"${choice}" is not an answer to ${questionId}; it accepts ${allowed}.`,
        pageMessage: `Question ${questionId} "${question.title}" has the answer "${choice}", which it does not offer; its answers are ${answerLabels(question)}.`,
      });
    }
  }
  return problems;
}

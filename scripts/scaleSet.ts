import type { Answer, Assessment } from '../src/core/assessment/model.ts';
import type { Question, QuestionSet } from '../src/core/questionSet/schema.ts';

/**
 * A question set `factor` times larger for benchmarks: every question copied with a suffixed id,
 * conditions and requirements pointing at the copies, shared remediations copied per copy; and the
 * assessment's answers copied along.
 */
export function scaleSet(
  set: QuestionSet,
  assessment: Assessment,
  factor: number,
): { set: QuestionSet; assessment: Assessment } {
  const suffix = (id: string, copy: number) => (copy === 0 ? id : `${id}-x${copy}`);
  const questions: Question[] = [];
  const answers: Record<string, Answer> = {};
  for (let copy = 0; copy < factor; copy += 1) {
    for (const question of set.questions) {
      const id = suffix(question.id, copy);
      const showIf = question.showIf
        ? { ...question.showIf, question: suffix(question.showIf.question, copy) }
        : undefined;
      questions.push(
        question.kind === 'control'
          ? {
              ...question,
              id,
              ...(showIf ? { showIf } : {}),
              requires: question.requires.map((r) => ({
                ...r,
                anyOf: r.anyOf.map((required) => suffix(required, copy)),
              })),
              remediation: { ...question.remediation, id: suffix(question.remediation.id, copy) },
            }
          : { ...question, id, ...(showIf ? { showIf } : {}) },
      );
      const answer = assessment.answers[question.id];
      if (answer) answers[id] = answer;
    }
  }
  return { set: { ...set, questions }, assessment: { ...assessment, answers } };
}

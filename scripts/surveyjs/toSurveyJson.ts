import type { QuestionSet } from '../../src/core/questionSet/schema.ts';

/**
 * The shipped question set as a SurveyJS survey, built only for the bench's side-by-side
 * comparison: one page per domain, a radio group per question with the same options and the two
 * universal answers, a comment for the note, and the same scoping conditions.
 */
export function toSurveyJson(set: QuestionSet) {
  return {
    title: set.title,
    showQuestionNumbers: 'off',
    pages: set.domains.map((domain) => ({
      name: domain.id,
      title: domain.title,
      description: domain.summary,
      elements: set.questions
        .filter((question) => question.domain === domain.id)
        .flatMap((question) => {
          const visibleIf = question.showIf
            ? `{${question.showIf.question}} empty or {${question.showIf.question}} = 'unknown' or {${question.showIf.question}} anyof [${question.showIf.anyOf.map((id) => `'${id}'`).join(', ')}]`
            : undefined;
          return [
            {
              type: 'radiogroup',
              name: question.id,
              title: `${question.id} ${question.text}`,
              description: question.help,
              choices: [
                ...question.options.map((option) => ({
                  value: option.id,
                  text: `${option.label}: ${option.criteria ?? ''}`,
                })),
                ...(question.kind === 'control' ? [{ value: 'na', text: 'Not applicable' }] : []),
                { value: 'unknown', text: "Don't know" },
              ],
              ...(visibleIf ? { visibleIf } : {}),
            },
            {
              type: 'comment',
              name: `${question.id}-note`,
              title: 'Note',
              ...(visibleIf ? { visibleIf } : {}),
            },
          ];
        }),
    })),
  };
}

import fc from 'fast-check';
import type { Answer } from '../../src/core/assessment/model.ts';
import type { QuestionSet } from '../../src/core/questionSet/schema.ts';

/** Any answer a question can hold in the store, including the incomplete ones. */
export function answerArbitrary(optionIds: readonly string[]): fc.Arbitrary<Answer | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constant<Answer>({ choice: 'unknown' }),
    fc.constant<Answer>({ choice: 'na', naReason: 'Outside our network.' }),
    fc.constant<Answer>({ choice: 'na' }),
    fc.constant<Answer>({
      choice: 'na',
      naReason: 'Run by the provider.',
      compensatingControl: 'The contract requires the provider to audit it and report monthly.',
      riskAcceptedBy: 'A. Chief, CISO',
    }),
    fc.constant<Answer>({ note: 'A note, no answer yet.' }),
    ...optionIds.map((id) => fc.constant<Answer>({ choice: id })),
  );
}

export function answersArbitrary(set: QuestionSet): fc.Arbitrary<Record<string, Answer>> {
  return fc
    .tuple(...set.questions.map((q) => answerArbitrary(q.options.map((o) => o.id))))
    .map((answers) => {
      const record: Record<string, Answer> = {};
      set.questions.forEach((q, i) => {
        const answer = answers[i];
        if (answer) record[q.id] = answer;
      });
      return record;
    });
}

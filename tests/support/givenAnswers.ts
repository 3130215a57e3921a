import type { Answer } from '../../src/core/assessment/model.ts';

/**
 * An answer as the user gave it, without what the store records beside it (its history, when its
 * evidence was entered): for tests about what was given, not about who gave it.
 */
export function givenAnswer(answer: Answer | undefined): Answer | undefined {
  if (!answer) return answer;
  const { history: _history, evidenceEnteredAt: _entered, ...given } = answer;
  return given;
}

/** Every answer as the user gave it (see givenAnswer). */
export function givenAnswers(
  answers: Readonly<Record<string, unknown>> | undefined,
): Record<string, Answer> | undefined {
  if (!answers) return answers;
  return Object.fromEntries(
    Object.entries(answers).map(([id, answer]) => [id, givenAnswer(answer as Answer) as Answer]),
  );
}

import type { Questionnaire, QuestionnaireQuestion } from './questionnaire.ts';
import type { ResponseAnswer } from './schema.ts';

/**
 * The respondent's side of a questionnaire, as pure functions: which questions are shown for the
 * answers given so far, how far the respondent is, and what a response file carries.
 */

/** A questionnaire with the answers given to it so far. */
export interface AnsweredQuestionnaire {
  questionnaire: Pick<Questionnaire, 'questions'>;
  answers: Readonly<Record<string, ResponseAnswer>>;
}

/** The choices every question takes besides its options. */
export const universalChoices = { na: 'na', unknown: 'unknown' } as const;

const given = (value: string | undefined): value is string =>
  value !== undefined && value.trim() !== '';

/** The choice that decides a condition: the respondent's, or else the one the lead sent. */
const effectiveChoice = (
  question: QuestionnaireQuestion | undefined,
  answers: Readonly<Record<string, ResponseAnswer>>,
): string | undefined => {
  if (!question) return undefined;
  const mine = answers[question.id]?.choice;
  return given(mine) ? mine : question.current?.choice;
};

/**
 * The questions shown for these answers, in the questionnaire's order: a question behind a
 * scoping question of the same questionnaire shows while that question is unanswered, "Don't
 * know", or answered with one of the listed options (the respondent's answer first, else the
 * current one). A scoping question the questionnaire does not hold applied when it was sent.
 */
export function visibleQuestions(
  questionnaire: Pick<Questionnaire, 'questions'>,
  answers: Readonly<Record<string, ResponseAnswer>>,
): QuestionnaireQuestion[] {
  const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
  const memo = new Map<string, boolean>();
  const isVisible = (question: QuestionnaireQuestion): boolean => {
    const known = memo.get(question.id);
    if (known !== undefined) return known;
    // A hand-made loop of conditions ends here rather than recursing for ever.
    memo.set(question.id, true);
    let visible = true;
    const gate = question.showIf ? byId.get(question.showIf.question) : undefined;
    if (question.showIf && gate) {
      const choice = effectiveChoice(gate, answers);
      visible =
        isVisible(gate) &&
        (choice === undefined || choice === 'unknown' || question.showIf.anyOf.includes(choice));
    }
    memo.set(question.id, visible);
    return visible;
  };
  return questionnaire.questions.filter(isVisible);
}

/** An answer counts once it has a choice; "Not applicable" only with its reason. */
export const isAnswered = (answer: ResponseAnswer | undefined): boolean =>
  given(answer?.choice) && (answer.choice !== 'na' || given(answer.naReason));

export interface QuestionnaireProgress {
  answered: number;
  total: number;
  /** Questions answered "Not applicable" without a reason yet, in order. */
  naWithoutReason: string[];
}

export function questionnaireProgress(entry: AnsweredQuestionnaire): QuestionnaireProgress {
  const shown = visibleQuestions(entry.questionnaire, entry.answers);
  return {
    answered: shown.filter((q) => isAnswered(entry.answers[q.id])).length,
    total: shown.length,
    naWithoutReason: shown
      .filter((q) => entry.answers[q.id]?.choice === 'na' && !given(entry.answers[q.id]?.naReason))
      .map((q) => q.id),
  };
}

const naOnly = ['naReason', 'compensatingControl'] as const;

/**
 * The answers a response file carries: those of the questions shown, with something given; the
 * reason and compensating control of "Not applicable" only with that choice.
 */
export function answersToSend(entry: AnsweredQuestionnaire): Record<string, ResponseAnswer> {
  const sent: Record<string, ResponseAnswer> = {};
  for (const question of visibleQuestions(entry.questionnaire, entry.answers)) {
    const answer = entry.answers[question.id];
    if (!answer) continue;
    const kept = Object.fromEntries(
      Object.entries(answer).filter(
        ([field, value]) =>
          typeof value === 'string' &&
          value !== '' &&
          !(answer.choice !== 'na' && (naOnly as readonly string[]).includes(field)),
      ),
    ) as ResponseAnswer;
    if (Object.keys(kept).some((field) => field !== 'answeredAt')) sent[question.id] = kept;
  }
  return sent;
}

type RoundOf = Pick<Questionnaire, 'questionnaireId' | 'round' | 'createdAt'> & {
  assessment: { key: string };
  to: { id: string };
};

/**
 * The latest questionnaire among these that replaces this one: a later round for the same person
 * and assessment. Its lead refuses a response to the older one, so the older one is not to be answered.
 */
export function laterRound<T extends { questionnaire: RoundOf }>(
  entry: T,
  all: readonly T[],
): T | undefined {
  const { questionnaire } = entry;
  return all
    .filter(
      (other) =>
        other.questionnaire.assessment.key === questionnaire.assessment.key &&
        other.questionnaire.to.id === questionnaire.to.id &&
        other.questionnaire.round > questionnaire.round,
    )
    .sort((a, b) => b.questionnaire.round - a.questionnaire.round)[0];
}

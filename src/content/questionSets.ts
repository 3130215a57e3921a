import shippedSets from 'virtual:cellguard/question-sets';
import type { Assessment } from '../core/assessment/model.ts';
import {
  sharedAnswers,
  withSharedAnswers,
  type SetAssessment,
} from '../core/cycles/sharedAnswers.ts';
import type { QuestionSet } from '../core/questionSet/schema.ts';

/**
 * The question sets the app ships, validated with the facts they share when the app was built
 * (see scripts/questionSetPlugin.ts). The first is the one a new assessment starts with.
 */
export const questionSets: readonly QuestionSet[] = shippedSets;

/** The set an assessment answers; every stored assessment names one of these (the store checks). */
export function questionSetById(id: string): QuestionSet {
  const found = questionSets.find((set) => set.id === id);
  if (!found) throw new Error(`Cellguard ships no question set "${id}"`);
  return found;
}

/** The domain a new assessment of the set starts at. */
export const firstStepOf = (set: QuestionSet): string => set.domains[0]?.id ?? '';

export { setTitle } from './setTitles.ts';

/** Assessments with the shipped set each answers (those of a set not shipped are left out). */
export function withTheirSets(assessments: readonly Assessment[]): SetAssessment[] {
  return assessments.flatMap((assessment) => {
    const set = questionSets.find((s) => s.id === assessment.questionSet.id);
    return set ? [{ set, assessment }] : [];
  });
}

/**
 * A new assessment with the answers other sets' assessments of the same organisation and scope
 * give to the facts its set shares with theirs, each marked until confirmed.
 */
export function withAnswersFromOtherSets(
  assessment: Assessment,
  others: readonly Assessment[],
): Assessment {
  const offers = sharedAnswers(
    { set: questionSetById(assessment.questionSet.id), assessment },
    withTheirSets(others),
  );
  return withSharedAnswers(assessment, offers);
}

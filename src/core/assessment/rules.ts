import type { QuestionSet } from '../questionSet/schema.ts';
import type { Result } from '../result.ts';
import { summarize, type AssessmentSummary } from '../scoring/summary.ts';
import type { Assessment } from './model.ts';
import { parseAssessmentValue, type ParsedAssessment } from './parseFile.ts';

/**
 * What the store needs from the question sets and the scoring code to keep its invariants. The app
 * hands them to the store once they have loaded, so that the list of assessments can start first.
 */
export interface AssessmentRules {
  /** Every set an assessment may answer. */
  sets: readonly QuestionSet[];
  /** The set an assessment the store has admitted answers (`read` refuses any other). */
  setOf: (assessment: Pick<Assessment, 'questionSet'>) => QuestionSet;
  /** Progress and risk as the list of assessments shows them. */
  summarize: (assessment: Pick<Assessment, 'questionSet' | 'answers'>) => AssessmentSummary;
  /**
   * Every rule of the file contract and of its question set, with the migration of answers given
   * under an older version of the set: exactly what importing the assessment's file would do.
   */
  read: (value: unknown) => Result<ParsedAssessment>;
}

export function assessmentRulesFor(sets: QuestionSet | readonly QuestionSet[]): AssessmentRules {
  const library: readonly QuestionSet[] = Array.isArray(sets) ? sets : [sets as QuestionSet];
  const setOf = (assessment: Pick<Assessment, 'questionSet'>): QuestionSet => {
    const found = library.find((set) => set.id === assessment.questionSet.id);
    if (!found) throw new Error(`no question set "${assessment.questionSet.id}" is attached`);
    return found;
  };
  return {
    sets: library,
    setOf,
    summarize: (assessment) => summarize(setOf(assessment), assessment.answers),
    read: (value) => parseAssessmentValue(value, library),
  };
}

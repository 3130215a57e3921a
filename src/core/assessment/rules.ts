import type { QuestionSet } from '../questionSet/schema.ts';
import type { Result } from '../result.ts';
import { summarize, type AssessmentSummary } from '../scoring/summary.ts';
import type { Answer } from './model.ts';
import { parseAssessmentValue, type ParsedAssessment } from './parseFile.ts';

/**
 * What the store needs from a question set and the scoring code to keep its invariants. The app
 * hands them to the store once they have loaded, so that the list of assessments can start first.
 */
export interface AssessmentRules {
  set: QuestionSet;
  /** Progress and risk as the list of assessments shows them. */
  summarize: (answers: Readonly<Record<string, Answer>>) => AssessmentSummary;
  /**
   * Every rule of the file contract and of the question set, with the migration of answers given
   * under an older version of the set: exactly what importing the assessment's file would do.
   */
  read: (value: unknown) => Result<ParsedAssessment>;
}

export function assessmentRulesFor(set: QuestionSet): AssessmentRules {
  return {
    set,
    summarize: (answers) => summarize(set, answers),
    read: (value) => parseAssessmentValue(value, set),
  };
}

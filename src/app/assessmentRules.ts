import { questionSet } from '../content/questionSet.ts';
import { assessmentRulesFor } from '../core/assessment/rules.ts';

/** The shipped question set and the scoring code, as the store needs them to keep its invariants. */
export const assessmentRules = assessmentRulesFor(questionSet);

import { questionSets } from '../content/questionSets.ts';
import { assessmentRulesFor } from '../core/assessment/rules.ts';

/** The shipped question sets and the scoring code, as the store needs them to keep its invariants. */
export const assessmentRules = assessmentRulesFor(questionSets);

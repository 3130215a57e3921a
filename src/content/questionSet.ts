import shippedSet from 'virtual:cellguard/question-set';
import type { QuestionSet } from '../core/questionSet/schema.ts';

/** The question set the app ships, validated when the app was built (see scripts/questionSetPlugin.ts). */
export const questionSet: QuestionSet = shippedSet;

/** The domain every new assessment starts at. */
export const firstStepId: string = questionSet.domains[0]?.id ?? '';

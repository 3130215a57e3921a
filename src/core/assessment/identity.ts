import type { Assessment } from './model.ts';

/** The fields that make two assessments the same one, in different versions. */
export type AssessmentIdentityFields = Pick<
  Assessment,
  'organisation' | 'scope' | 'cycle' | 'questionSet'
>;

/**
 * Which assessment this is: one per organisation, scope, question set and cycle (the design's rule).
 * Surrounding spaces are ignored, as a user would; the set's version is not part of it, because an
 * older version is migrated to the current one and is then the same assessment.
 */
export function assessmentIdentity(assessment: AssessmentIdentityFields): string {
  return JSON.stringify([
    assessment.organisation.trim(),
    assessment.scope.trim(),
    assessment.questionSet.id,
    assessment.cycle.trim(),
  ]);
}

import type { Assessment } from './model.ts';

/** The fields that make two assessments the same one, in different versions. */
export type AssessmentIdentityFields = Pick<
  Assessment,
  'organisation' | 'scope' | 'cycle' | 'questionSet'
>;

// Compared as a user would: letter case and extra spaces do not make another organisation.
const normalised = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * What an assessment is about, whatever set answers it: one organisation and scope. Two sets'
 * assessments of the same organisation and scope share the facts their sets declare equivalent.
 */
export function subjectIdentity(assessment: Pick<Assessment, 'organisation' | 'scope'>): string {
  return JSON.stringify([normalised(assessment.organisation), normalised(assessment.scope)]);
}

/**
 * Which series of cycles an assessment belongs to: one organisation and scope, answered with one
 * question set. History and Compare follow a series; "Next cycle" continues it.
 */
export function seriesIdentity(
  assessment: Pick<Assessment, 'organisation' | 'scope' | 'questionSet'>,
): string {
  return JSON.stringify([
    normalised(assessment.organisation),
    normalised(assessment.scope),
    assessment.questionSet.id,
  ]);
}

/**
 * Which assessment this is: one per organisation, scope, question set and cycle (the design's rule).
 * The set's version is not part of it, because an older version is migrated to the current one and
 * is then the same assessment.
 */
export function assessmentIdentity(assessment: AssessmentIdentityFields): string {
  return JSON.stringify([seriesIdentity(assessment), normalised(assessment.cycle)]);
}

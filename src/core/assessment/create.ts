import type { QuestionSet } from '../questionSet/schema.ts';
import type { AssessmentDetails } from './details.ts';
import { assessmentFormat, currentFormatVersion, type Assessment } from './model.ts';

export function newAssessment(set: QuestionSet, meta: AssessmentDetails, now: Date): Assessment {
  const stamp = now.toISOString();
  return {
    format: assessmentFormat,
    formatVersion: currentFormatVersion,
    questionSet: { id: set.id, version: set.version },
    organisation: meta.organisation.trim(),
    scope: meta.scope.trim(),
    cycle: meta.cycle.trim(),
    ...(meta.assessor?.trim() ? { assessor: meta.assessor.trim() } : {}),
    createdAt: stamp,
    updatedAt: stamp,
    answers: {},
  };
}

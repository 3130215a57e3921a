import type { QuestionSet } from '../questionSet/schema.ts';
import { assessmentFormat, currentFormatVersion, type Assessment } from './model.ts';

export interface AssessmentMeta {
  organisation: string;
  scope: string;
  cycle: string;
  assessor?: string;
}

/** The quarter a date falls in, as the cycle label operators use: 2026-Q4. */
export function suggestCycle(date: Date): string {
  return `${date.getFullYear()}-Q${Math.floor(date.getMonth() / 3) + 1}`;
}

export function newAssessment(set: QuestionSet, meta: AssessmentMeta, now: Date): Assessment {
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

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { useAssessments } from '../../src/store/index.ts';

export function fixtureAssessment(name: string): Assessment {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, '../fixtures/assessments', `${name}.json`), 'utf8'),
  ) as Assessment;
}

/** Empties the app's store and puts the given assessments in it; returns their ids in order. */
export function seedStore(...assessments: Assessment[]): string[] {
  useAssessments.setState({ assessments: {} });
  return assessments.map((assessment) =>
    useAssessments.getState().add(assessment, { view: 'step', domainId: 'EXP' }),
  );
}

export const storedAnswers = (id: string) =>
  useAssessments.getState().assessments[id]?.assessment.answers ?? {};

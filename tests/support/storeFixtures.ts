import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assessment } from '../../src/core/assessment/model.ts';
import { parseAssessmentText } from '../../src/core/assessment/parseFile.ts';
import { assessmentRulesFor } from '../../src/core/assessment/rules.ts';
import { formatProblem } from '../../src/core/result.ts';
import type { AssessmentsStore } from '../../src/store/assessments.ts';
import { useAssessments, type Position } from '../../src/store/index.ts';
import { givenAnswers } from './givenAnswers.ts';
import { loadShippedSets } from './shippedSet.ts';

const sets = loadShippedSets();

/** The shipped question sets and scoring code, as the app hands them to its store. */
export const shippedRules = assessmentRulesFor(sets);

/** A fixture file's text, as a user would pick it for import. */
export const fixtureText = (name: string): string =>
  readFileSync(join(import.meta.dirname, '../fixtures/assessments', `${name}.json`), 'utf8');

/** A fixture file read as the app reads an imported file: every rule checked, older sets migrated. */
export function fixtureAssessment(name: string): Assessment {
  const parsed = parseAssessmentText(fixtureText(name), sets);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.problems.map(formatProblem).join('; ')}`);
  return parsed.value.assessment;
}

/** Empties the app's store and puts the given assessments in it; returns their ids in order. */
export function seedStore(...assessments: Assessment[]): string[] {
  useAssessments.setState({ assessments: {} });
  useAssessments.getState().attach(shippedRules);
  return assessments.map((assessment) => keep(useAssessments, assessment));
}

/** Keeps an assessment in a store created by a test, and returns its id. */
export function keep(
  store: AssessmentsStore,
  assessment: Assessment,
  position: Position = { view: 'step', domainId: 'EXP' },
): string {
  const kept = store.getState().add(assessment, position);
  if (!kept.ok) throw new Error(kept.problems.map(formatProblem).join('; '));
  return kept.value;
}

/** The answers kept for an assessment, as the user gave them (without who gave them, see givenAnswers). */
export const storedAnswers = (id: string) =>
  givenAnswers(useAssessments.getState().assessments[id]?.assessment.answers) ?? {};

import { cycleProblem, cycleText, parseCycle, type Cadence } from '../cycles/cycleLabel.ts';
import type { Problem } from '../result.ts';
import { assessmentIdentity, seriesIdentity, type AssessmentIdentityFields } from './identity.ts';
import type { Assessment } from './model.ts';

/** What names an assessment and who assessed it: the fields a user types and can correct. */
export interface AssessmentDetails {
  organisation: string;
  scope: string;
  cycle: string;
  assessor?: string;
}

/** The problem with a typed organisation, or undefined. */
export const organisationProblem = (value: string): string | undefined =>
  value.trim() === '' ? 'Enter the organisation being assessed.' : undefined;

/** The problem with a typed scope, or undefined: two assessments of one organisation differ by it. */
export const scopeProblem = (value: string): string | undefined =>
  value.trim() === ''
    ? 'Enter the scope, such as "Mobile core, OSS/BSS and corporate IT": cycles of the same scope are compared.'
    : undefined;

const cadenceWords: Readonly<Record<Cadence, { period: string; adjective: string }>> = {
  quarter: { period: 'a quarter such as 2026-Q4', adjective: 'quarterly' },
  half: { period: 'a half-year such as 2026-H2', adjective: 'half-yearly' },
  year: { period: 'a year such as 2026', adjective: 'yearly' },
};

/** The problem with a typed cycle for the chosen cadence, or undefined. */
export function cycleForCadenceProblem(value: string, cadence: Cadence): string | undefined {
  const problem = cycleProblem(value);
  if (problem) return problem;
  const cycle = parseCycle(value);
  if (!cycle || cycle.cadence === cadence) return undefined;
  return `${value.trim()} is not ${cadenceWords[cadence].adjective}: write ${cadenceWords[cadence].period}, or choose ${cadenceWords[cycle.cadence].adjective}.`;
}

/** Every problem with details before they are kept, with the field each belongs to. */
export function detailsProblems(
  details: Pick<AssessmentDetails, 'organisation' | 'scope' | 'cycle'>,
): Problem[] {
  const cycle = parseCycle(details.cycle);
  return [
    ['organisation', organisationProblem(details.organisation)],
    ['scope', scopeProblem(details.scope)],
    ['cycle', cycle ? undefined : cycleProblem(details.cycle)],
  ]
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([path, message]) => ({ path, message }));
}

/** An assessment with its details replaced: trimmed, with the assessor left out when blank. */
export function withDetails(assessment: Assessment, details: AssessmentDetails): Assessment {
  const { assessor: _previous, ...rest } = assessment;
  const assessor = details.assessor?.trim();
  return {
    ...rest,
    organisation: details.organisation.trim(),
    scope: details.scope.trim(),
    cycle: details.cycle.trim(),
    ...(assessor ? { assessor } : {}),
  };
}

/** The stored assessment that already is this one (same organisation, scope, set and cycle). */
export function sameAssessment<T extends { id: string; assessment: Assessment }>(
  stored: readonly T[],
  fields: AssessmentIdentityFields,
  exceptId?: string,
): T | undefined {
  const identity = assessmentIdentity(fields);
  return stored.find(
    (item) => item.id !== exceptId && assessmentIdentity(item.assessment) === identity,
  );
}

/** Plain words for an assessment that exists already, naming it as the user would. */
export const alreadyExists = (fields: AssessmentIdentityFields): string =>
  `An assessment of ${fields.organisation.trim()}, ${fields.scope.trim() || 'with no scope'}, for ${fields.cycle.trim()} is already on this device. Open it, or give this one another cycle or scope.`;

/**
 * The problem when a cycle's cadence differs from the other cycles of its series (quarters among
 * half-years): History and Compare would line up periods that overlap. Labels that are not
 * cycles, left by an older version, are not compared.
 */
export function cadenceConflict<T extends { id: string; assessment: Assessment }>(
  stored: readonly T[],
  fields: AssessmentIdentityFields,
  exceptId?: string,
): string | undefined {
  const cycle = parseCycle(fields.cycle);
  if (!cycle) return undefined;
  const series = seriesIdentity(fields);
  const other = stored
    .filter((item) => item.id !== exceptId && seriesIdentity(item.assessment) === series)
    .map((item) => parseCycle(item.assessment.cycle))
    .find((parsed) => parsed !== undefined && parsed.cadence !== cycle.cadence);
  if (!other) return undefined;
  const words = cadenceWords[other.cadence];
  return `The other cycles of ${fields.organisation.trim()}, ${fields.scope.trim() || 'with no scope'} are ${words.adjective}, such as ${cycleText(other)}: write ${words.period}, or give this one another scope.`;
}

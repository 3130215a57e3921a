import type { Answer, Assessment } from '../assessment/model.ts';
import { seriesIdentity } from '../assessment/identity.ts';
import { delegationForCycle } from '../delegation/assignments.ts';
import { listJoin } from '../text.ts';
import { compareCycles, cycleOfDate, cycleText, followingCycle, parseCycle } from './cycleLabel.ts';

/**
 * The cycle after a label, in the same cadence: 2026-Q4 → 2027-Q1, 2026-H2 → 2027-H1. A label an
 * older version let through (such as "Q4 2026") has no next one: the quarter of the given date is
 * proposed instead, for the user to check.
 */
export function nextCycleLabel(cycle: string, today: Date): string {
  const parsed = parseCycle(cycle);
  return cycleText(parsed ? followingCycle(parsed) : cycleOfDate(today, 'quarter'));
}

/**
 * Answers marked for confirmation, as when they are taken into another cycle or scope. An answer
 * once taken from another set is now carried over from this assessment: where it came from before
 * says nothing of the new cycle or scope.
 */
export function markedCarried(answers: Readonly<Record<string, Answer>>): Record<string, Answer> {
  // Who answered it when belongs to the cycle it came from, whose file keeps it; here it starts
  // again with whoever confirms it.
  return Object.fromEntries(
    Object.entries(answers).map(([id, { takenFrom: _taken, history: _history, ...answer }]) => [
      id,
      { ...answer, carriedOver: true as const },
    ]),
  );
}

/**
 * The next cycle of an assessment: every answer carried over and marked for confirmation, with its
 * note, evidence, owner and due date, so that last quarter's plan continues.
 */
export function carryForward(
  previous: Assessment,
  meta: { cycle: string; assessor?: string },
  now: Date,
): Assessment {
  const stamp = now.toISOString();
  const answers = markedCarried(previous.answers);
  const assessor = meta.assessor?.trim() || previous.assessor;
  const { delegation: _sent, ...kept } = previous;
  const delegation = delegationForCycle(previous.delegation, meta.cycle.trim());
  return {
    ...kept,
    ...(delegation ? { delegation } : {}),
    cycle: meta.cycle.trim(),
    ...(assessor ? { assessor } : {}),
    carriedFrom: previous.cycle,
    createdAt: stamp,
    updatedAt: stamp,
    answers,
  };
}

export const defaultStaleEvidenceDays = 180;

/** Evidence older than the limit, or carried over without a date, needs checking again. */
export function isEvidenceStale(
  answer: Answer | undefined,
  now: Date,
  maxAgeDays: number,
): boolean {
  if (!answer?.evidence?.trim()) return false;
  if (!answer.evidenceDate) return answer.carriedOver === true;
  const age = (now.getTime() - Date.parse(`${answer.evidenceDate}T00:00:00Z`)) / 86_400_000;
  return age > maxAgeDays;
}

/** Cycles of the same organisation, scope and question set, oldest cycle first. */
export function cycleSeries<T extends { assessment: Assessment }>(
  all: readonly T[],
  of: Assessment,
): T[] {
  const key = seriesIdentity(of);
  return all
    .filter((item) => seriesIdentity(item.assessment) === key)
    .sort(
      (a, b) =>
        compareCycles(a.assessment.cycle, b.assessment.cycle) ||
        a.assessment.createdAt.localeCompare(b.assessment.createdAt),
    );
}

/** The latest cycle of the same series before this one. */
export function previousCycle<T extends { assessment: Assessment }>(
  all: readonly T[],
  current: Assessment,
): T | undefined {
  return cycleSeries(all, current)
    .filter((item) => compareCycles(item.assessment.cycle, current.cycle) < 0)
    .at(-1);
}

/** The latest cycle of the series this assessment belongs to (it may be this one). */
export function latestCycle<T extends { assessment: Assessment }>(
  all: readonly T[],
  of: Assessment,
): T | undefined {
  return cycleSeries(all, of).at(-1);
}

/**
 * Where unconfirmed answers came from: the previous cycle, or, for an assessment that was never
 * carried forward, the earlier version of the question set its answers were migrated from.
 */
export const carriedSource = (carriedFrom: string | undefined): string =>
  carriedFrom ?? 'the earlier version of the questions';

/**
 * Where one unconfirmed answer came from, as a phrase: "carried over from 2026-Q3", or "taken from
 * <set title>, 2026-Q4" for an answer offered from an equivalent question of another set.
 */
export function unconfirmedOrigin(
  answer: Answer,
  carriedFrom: string | undefined,
  setTitle: (setId: string) => string,
): string {
  return answer.takenFrom
    ? `taken from ${setTitle(answer.takenFrom.set)}, ${answer.takenFrom.cycle}`
    : `carried over from ${carriedSource(carriedFrom)}`;
}

/**
 * How the unconfirmed answers came, in two or three words for a count: "carried over", "taken from
 * another set", or "carried over or taken" when both.
 */
export function unconfirmedKind(answers: Readonly<Record<string, Answer>>): string {
  const unconfirmed = Object.values(answers).filter((answer) => answer.carriedOver);
  const taken = unconfirmed.filter((answer) => answer.takenFrom).length;
  if (taken === 0) return 'carried over';
  return taken === unconfirmed.length ? 'taken from another set' : 'carried over or taken';
}

/**
 * Where the unconfirmed answers of an assessment came from, as one phrase: "carried over from
 * 2026-Q3", "taken from <set title>, 2026-Q4", or both joined.
 */
export function unconfirmedOrigins(
  assessment: Pick<Assessment, 'answers' | 'carriedFrom'>,
  setTitle: (setId: string) => string,
): string {
  const origins = Object.values(assessment.answers)
    .filter((answer) => answer.carriedOver)
    .map((answer) => unconfirmedOrigin(answer, assessment.carriedFrom, setTitle));
  return listJoin([...new Set(origins)]);
}

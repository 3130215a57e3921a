import type { Answer, Assessment } from '../assessment/model.ts';

/** The quarter after a "2026-Q4"-style label; other labels get "(next)" for the user to edit. */
export function nextCycleLabel(cycle: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(cycle.trim());
  if (!match) return `${cycle.trim()} (next)`;
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
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
  const answers: Record<string, Answer> = {};
  for (const [id, answer] of Object.entries(previous.answers))
    answers[id] = { ...answer, carriedOver: true };
  const assessor = meta.assessor?.trim() || previous.assessor;
  return {
    ...previous,
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

const seriesKey = (a: Pick<Assessment, 'organisation' | 'scope'>) =>
  `${a.organisation.trim().toLocaleLowerCase()}\u0000${a.scope.trim().toLocaleLowerCase()}`;

/** Cycles of the same organisation and scope, oldest first. */
export function cycleSeries<T extends { assessment: Assessment }>(
  all: readonly T[],
  of: Assessment,
): T[] {
  const key = seriesKey(of);
  return all
    .filter((item) => seriesKey(item.assessment) === key)
    .sort((a, b) => a.assessment.createdAt.localeCompare(b.assessment.createdAt));
}

/** The latest cycle of the same organisation and scope started before this one. */
export function previousCycle<T extends { assessment: Assessment }>(
  all: readonly T[],
  current: Assessment,
): T | undefined {
  return cycleSeries(all, current)
    .filter((item) => item.assessment.createdAt < current.createdAt)
    .at(-1);
}

/**
 * Where unconfirmed answers came from: the previous cycle, or, for an assessment that was never
 * carried forward, the earlier version of the question set its answers were migrated from.
 */
export const carriedSource = (carriedFrom: string | undefined): string =>
  carriedFrom ?? 'the earlier version of the questions';

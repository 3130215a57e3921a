import type { Assessment } from '../assessment/model.ts';
import type { Plan, PlanAction } from '../planning/plan.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import type { Band } from '../scoring/bands.ts';
import {
  controlsInPlace,
  score,
  type PhaseState,
  type QuestionScore,
  type ScoreResult,
} from '../scoring/score.ts';

export interface CoverageMove {
  questionId: string;
  from: number;
  to: number;
}

/** What moved between two cycles of the same organisation and scope. */
export interface Comparison {
  previous: { cycle: string; risk: number; band: Band };
  current: { cycle: string; risk: number; band: Band };
  riskDelta: number;
  domains: {
    domainId: string;
    title: string;
    previous: number | null;
    current: number | null;
    delta: number | null;
  }[];
  /** Each phase's state, and how many controls in place prevent or detect it, before and now. */
  phases: {
    phaseId: string;
    title: string;
    previous: PhaseState;
    current: PhaseState;
    previousInPlace: number;
    currentInPlace: number;
  }[];
  /** Gaps of the previous cycle now fully in place. */
  closedGaps: string[];
  /** Controls fully in place (or not yet assessed) before that are gaps now. */
  newGaps: string[];
  /** Controls whose coverage fell, including those that were fully in place. */
  regressions: CoverageMove[];
  improvements: CoverageMove[];
}

const isGap = (q: QuestionScore | undefined) =>
  q !== undefined && q.coverage !== null && q.coverage < 1;

export function compareResults(
  previous: { assessment: Pick<Assessment, 'cycle'>; result: ScoreResult },
  current: { assessment: Pick<Assessment, 'cycle'>; result: ScoreResult },
): Comparison {
  const before = new Map(previous.result.questions.map((q) => [q.questionId, q]));
  const after = new Map(current.result.questions.map((q) => [q.questionId, q]));
  const moves: CoverageMove[] = [];
  for (const [id, now] of after) {
    const then = before.get(id);
    if (then?.coverage == null || now.coverage === null || then.coverage === now.coverage) continue;
    moves.push({ questionId: id, from: then.coverage, to: now.coverage });
  }
  return {
    previous: {
      cycle: previous.assessment.cycle,
      risk: previous.result.risk,
      band: previous.result.band,
    },
    current: {
      cycle: current.assessment.cycle,
      risk: current.result.risk,
      band: current.result.band,
    },
    riskDelta: current.result.risk - previous.result.risk,
    domains: current.result.domains.map((d) => {
      const then = previous.result.domains.find((p) => p.domainId === d.domainId)?.risk ?? null;
      return {
        domainId: d.domainId,
        title: d.title,
        previous: then,
        current: d.risk,
        delta: then === null || d.risk === null ? null : d.risk - then,
      };
    }),
    phases: current.result.phases.map((p) => {
      const then = previous.result.phases.find((x) => x.phaseId === p.phaseId);
      return {
        phaseId: p.phaseId,
        title: p.title,
        previous: then?.state ?? 'unopposed',
        current: p.state,
        previousInPlace: then ? controlsInPlace(then) : 0,
        currentInPlace: controlsInPlace(p),
      };
    }),
    closedGaps: [...before.values()]
      .filter((q) => isGap(q) && after.get(q.questionId)?.coverage === 1)
      .map((q) => q.questionId),
    newGaps: [...after.values()]
      .filter((q) => isGap(q) && !isGap(before.get(q.questionId)))
      .map((q) => q.questionId),
    regressions: moves.filter((m) => m.to < m.from),
    improvements: moves.filter((m) => m.to > m.from),
  };
}

export function compare(set: QuestionSet, previous: Assessment, current: Assessment): Comparison {
  return compareResults(
    { assessment: previous, result: score(set, previous) },
    { assessment: current, result: score(set, current) },
  );
}

export type ActionState = 'done' | 'overdue' | 'open';

export interface ActionProgress {
  action: PlanAction;
  state: ActionState;
}

/**
 * How last cycle's plan was executed: an action is done when none of its questions is a gap any
 * more; it is overdue when it is not done and its due date has passed.
 */
export function actionProgress(
  previousPlan: Plan,
  current: ScoreResult,
  today: string,
): ActionProgress[] {
  const gaps = new Set(
    current.questions.filter((q) => q.coverage !== null && q.coverage < 1).map((q) => q.questionId),
  );
  return previousPlan.actions.map((action) => {
    const done = action.questionIds.every((id) => !gaps.has(id));
    const state: ActionState = done
      ? 'done'
      : action.due !== undefined && action.due < today
        ? 'overdue'
        : 'open';
    return { action, state };
  });
}

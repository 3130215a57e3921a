import type { Assessment } from '../assessment/model.ts';
import { horizonEnd, type Plan, type PlanAction } from '../planning/plan.ts';
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

export type ActionState = 'done' | 'improved' | 'overdue' | 'open';

export interface ActionProgress {
  action: PlanAction;
  state: ActionState;
}

/**
 * How last cycle's plan was executed. A fix is done when none of its questions is a gap any more;
 * a stop-gap is done once the critical gap it stood in for is closed (in place). An action not done
 * is improved when one of its questions gained coverage, and overdue when its due date, or else the
 * end of its horizon counted from the previous assessment's start, has passed.
 */
export function actionProgress(
  previousPlan: Plan,
  previous: ScoreResult,
  current: ScoreResult,
  today: string,
): ActionProgress[] {
  const now = new Map(current.questions.map((q) => [q.questionId, q]));
  const then = new Map(previous.questions.map((q) => [q.questionId, q]));
  const isGap = (id: string) => {
    const coverage = now.get(id)?.coverage;
    return coverage !== null && coverage !== undefined && coverage < 1;
  };
  return previousPlan.actions.map((action) => {
    const done =
      action.kind === 'containment'
        ? action.questionIds.every((id) => now.get(id)?.inPlace !== false)
        : action.questionIds.every((id) => !isGap(id));
    const improved = action.questionIds.some(
      (id) => (now.get(id)?.coverage ?? 0) > (then.get(id)?.coverage ?? 0),
    );
    const deadline =
      action.due ??
      (previousPlan.asOf !== undefined ? horizonEnd(previousPlan.asOf, action.horizon) : undefined);
    const state: ActionState = done
      ? 'done'
      : deadline !== undefined && deadline < today
        ? 'overdue'
        : improved
          ? 'improved'
          : 'open';
    return { action, state };
  });
}

/** "12 of 61 actions done, 3 improved, 1 overdue": the one summary the page and the PDF print. */
export function planProgressSummary(progress: readonly ActionProgress[]): string {
  const count = (state: ActionState) => progress.filter((p) => p.state === state).length;
  return `${count('done')} of ${progress.length} actions done, ${count('improved')} improved, ${count('overdue')} overdue`;
}

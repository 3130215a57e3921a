import type { Answer, Assessment } from '../assessment/model.ts';
import { controlQuestions } from '../questionSet/coverage.ts';
import type { ControlQuestion, Effort, QuestionSet } from '../questionSet/schema.ts';
import { bandOrder } from '../scoring/bands.ts';
import { score, type ScoreResult } from '../scoring/score.ts';

export type Horizon = '0-30' | '31-90' | '91-180';

/**
 * Why an action sits where it does: its effort, a prerequisite that takes longer, a stop-gap for
 * a critical gap, or a likely intruder that has to be looked for first.
 */
export type HorizonReason = 'effort' | 'dependency' | 'containment' | 'assume-breach';

export interface PlanAction {
  /** The remediation's id (a shared one, or the id of the one question it closes); a containment step adds "-CONTAIN". */
  id: string;
  /** A fix closes gaps; a containment step is a stop-gap for a critical gap until its fix is done. */
  kind: 'fix' | 'containment';
  action: string;
  detail: string;
  questionIds: string[];
  /** Points by which the risk falls when every question of the action reaches full coverage; 0 for a stop-gap. */
  riskReduction: number;
  effort: Effort;
  /** Risk reduction per week of effort (see effortUnits). */
  priority: number;
  /** Within how many days the action should be complete. */
  horizon: Horizon;
  horizonReason: HorizonReason;
  /** Closes a critical control that is below "in place" (a real gap). */
  critical: boolean;
  /** Small effort and a risk reduction of at least `quickWinMinimum` points. */
  quickWin: boolean;
  /** Actions of this plan that must come first, and why. */
  after: { actionId: string; why: string }[];
  /** For a fix, its containment step; for a containment step, the fix it stands in for. */
  related?: string;
  programme?: string;
  owners: string[];
  /** The earliest due date given on any of its questions, YYYY-MM-DD. */
  due?: string;
  /** The due date falls after the end of the action's horizon. */
  dueAfterHorizon: boolean;
  recommendations: string[];
  attack: string[];
  phases: string[];
  nistCsf: string[];
  cisV8: string[];
}

export interface ProgrammeSummary {
  id: string;
  title: string;
  summary: string;
  /** Its actions (fixes only), in plan order. */
  actionIds: string[];
  /** Points by which the risk falls when every action of the programme is done. */
  riskReduction: number;
  /** How many of its actions close a critical gap. */
  criticalActions: number;
  /** It holds an assume-breach step of this plan. */
  assumeBreach: boolean;
  /** The shortest and the longest horizon among its actions, stop-gaps included. */
  firstHorizon: Horizon;
  lastHorizon: Horizon;
}

export interface Plan {
  actions: PlanAction[];
  /**
   * Programmes with at least one action: those with an assume-breach step first, then those that
   * close a critical gap, each group by risk reduction.
   */
  programmes: ProgrammeSummary[];
  /** The plan opens with looking for an intruder that may already be inside. */
  assumeBreach: boolean;
  /** The date horizons count from (the assessment's start), when known. */
  asOf?: string;
}

/** Effort in weeks of a small team: S about a week, M about a month, L about a quarter. */
export const effortUnits: Readonly<Record<Effort, number>> = { S: 1, M: 4, L: 13 };
/**
 * A small-effort action that lowers the risk by at least this many points is a quick win: with the
 * Soft Cell set, a weight-4 control missing entirely.
 */
export const quickWinMinimum = 1.5;
/** The horizon an action of each effort can realistically be completed in. */
export const effortHorizon: Readonly<Record<Effort, Horizon>> = {
  S: '0-30',
  M: '31-90',
  L: '91-180',
};
export const horizonDays: Readonly<Record<Horizon, number>> = {
  '0-30': 30,
  '31-90': 90,
  '91-180': 180,
};
const horizonRank: Readonly<Record<Horizon, number>> = { '0-30': 0, '31-90': 1, '91-180': 2 };
const later = (a: Horizon, b: Horizon): Horizon => (horizonRank[a] >= horizonRank[b] ? a : b);

/**
 * The fall in the risk when every given question reaches full coverage. The denominator of the
 * risk does not change when an applicable control improves, so this is exactly the sum of their
 * contributions: the score change, without scoring again.
 */
function reductionOf(result: ScoreResult, questionIds: readonly string[]): number {
  const ids = new Set(questionIds);
  return result.questions
    .filter((q) => ids.has(q.questionId))
    .reduce((sum, q) => sum + q.contribution, 0);
}

/**
 * Assume breach first: when the band is high or worse and either nothing in place would raise an
 * alert in the first half of the chain (before lateral movement, for Soft Cell) or
 * none of the set's assume-breach controls (a sweep, a compromise assessment) is in place, an
 * intruder may already be inside, so the plan opens with looking for one.
 */
export function breachIsLikely(set: QuestionSet, result: ScoreResult): boolean {
  if (bandOrder.indexOf(result.band) < bandOrder.indexOf('high')) return false;
  const early = earlyPhases(set).map((p) => p.id);
  const detectedEarly =
    result.chain.earliestDetection !== null && early.includes(result.chain.earliestDetection);
  const lookers = new Set(
    controlQuestions(set)
      .filter((q) => q.remediation.assumeBreach)
      .map((q) => q.id),
  );
  const lookedAlready = result.questions.some((q) => lookers.has(q.questionId) && q.inPlace);
  return !detectedEarly || !lookedAlready;
}

/** The first half of the attack chain: detection there comes before the intruder spreads. */
export const earlyPhases = (set: Pick<QuestionSet, 'phases'>) =>
  set.phases.slice(0, Math.ceil(set.phases.length / 2));

/** The last day of a horizon that starts on `asOf` (YYYY-MM-DD). */
export function horizonEnd(asOf: string, horizon: Horizon): string {
  const date = new Date(`${asOf}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + horizonDays[horizon]);
  return date.toISOString().slice(0, 10);
}

const unique = (values: readonly string[]) => [...new Set(values)];
const inOrder = (order: readonly { id: string }[], values: readonly string[]) =>
  order.map((item) => item.id).filter((id) => values.includes(id));
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One action per remediation that has a gap (a shown, applicable control below full coverage),
 * plus a containment step for each critical gap whose fix takes longer than 30 days. Each fix's
 * risk reduction is exactly the score change when it is done. The order: the
 * assume-breach steps when breach is likely, then the containment steps, then the fixes by
 * horizon, critical first, then by reduction per week of effort; an action never comes before
 * the actions it requires, and takes at least their horizon.
 */
export function plan(
  set: QuestionSet,
  assessment: Pick<Assessment, 'answers'> & Partial<Pick<Assessment, 'createdAt'>>,
  result: ScoreResult = score(set, assessment),
): Plan {
  const byId = new Map(controlQuestions(set).map((q) => [q.id, q]));
  const scoreOf = new Map(result.questions.map((q) => [q.questionId, q]));
  const gaps = result.questions.filter((q) => q.coverage !== null && q.coverage < 1);
  const groups = new Map<string, ControlQuestion[]>();
  for (const gap of gaps) {
    const question = byId.get(gap.questionId);
    if (!question) continue;
    groups.set(question.remediation.id, [...(groups.get(question.remediation.id) ?? []), question]);
  }
  const asOf = assessment.createdAt?.slice(0, 10);
  const assumeBreach = breachIsLikely(set, result);
  const criticalGaps = new Set(result.criticalGaps);

  const fixes = [...groups.entries()].map(([id, questions]): PlanAction => {
    const [first] = questions as [ControlQuestion, ...ControlQuestion[]];
    const { remediation } = first;
    const riskReduction = reductionOf(
      result,
      questions.map((q) => q.id),
    );
    const breachStep = assumeBreach && remediation.assumeBreach === true;
    return {
      id,
      kind: 'fix',
      action: remediation.action,
      detail: remediation.detail,
      questionIds: questions.map((q) => q.id),
      riskReduction,
      effort: remediation.effort,
      priority: riskReduction / effortUnits[remediation.effort],
      horizon: effortHorizon[remediation.effort],
      horizonReason: breachStep ? 'assume-breach' : 'effort',
      critical: questions.some((q) => criticalGaps.has(q.id)),
      quickWin: remediation.effort === 'S' && riskReduction >= quickWinMinimum,
      after: [],
      ...(remediation.programme ? { programme: remediation.programme } : {}),
      ...ownersAndDue(questions.map((q) => assessment.answers[q.id])),
      dueAfterHorizon: false,
      recommendations: inOrder(
        set.recommendations,
        questions.flatMap((q) => q.recommendations),
      ),
      attack: unique(questions.flatMap((q) => q.attack)),
      phases: inOrder(
        set.phases,
        questions.flatMap((q) => q.phases),
      ),
      nistCsf: unique(questions.flatMap((q) => q.refs.nistCsf)),
      cisV8: unique(questions.flatMap((q) => q.refs.cisV8)),
    };
  });

  // Prerequisites: for every unmet requirement, the first listed control that is still a gap.
  const actionOf = new Map(fixes.flatMap((a) => a.questionIds.map((q) => [q, a] as const)));
  for (const action of fixes) {
    for (const questionId of action.questionIds) {
      for (const requirement of scoreOf.get(questionId)?.unmetRequirements ?? []) {
        const prerequisite = requirement.anyOf
          .map((id) => actionOf.get(id))
          .find((a) => a !== undefined);
        if (!prerequisite || action.after.some((a) => a.actionId === prerequisite.id)) continue;
        action.after.push({
          actionId: prerequisite.id,
          why: `${questionId}: ${requirement.why}`,
        });
      }
    }
  }
  raiseHorizonsToPrerequisites(fixes);

  const containments = fixes
    .filter((fix) => fix.critical && fix.horizon !== '0-30')
    .flatMap((fix): PlanAction[] => {
      const containment = byId.get(fix.questionIds[0] ?? '')?.remediation.containment;
      if (!containment) return [];
      const id = `${fix.id}-CONTAIN`;
      fix.related = id;
      // The due dates on the answers belong to the fix; a stop-gap is due within its 30 days.
      const { due: _fixDue, ...shared } = fix;
      return [
        {
          ...shared,
          id,
          kind: 'containment',
          action: containment.action,
          detail: containment.detail,
          questionIds: fix.questionIds.filter((q) => criticalGaps.has(q)),
          riskReduction: 0,
          effort: 'S',
          priority: 0,
          horizon: '0-30',
          horizonReason: 'containment',
          quickWin: false,
          after: [],
          related: fix.id,
        },
      ];
    });

  const group = (a: PlanAction) =>
    a.horizonReason === 'assume-breach' ? 0 : a.kind === 'containment' ? 1 : 2;
  const sorted = [...fixes, ...containments].sort(
    (a, b) =>
      group(a) - group(b) ||
      horizonRank[a.horizon] - horizonRank[b.horizon] ||
      Number(b.critical) - Number(a.critical) ||
      b.priority - a.priority ||
      b.riskReduction - a.riskReduction ||
      compareIds(a.id, b.id),
  );
  const actions = prerequisitesFirst(sorted).map((action) => ({
    ...action,
    dueAfterHorizon:
      asOf !== undefined &&
      action.due !== undefined &&
      action.due > horizonEnd(asOf, action.horizon),
  }));

  return {
    actions,
    programmes: programmesOf(set, result, actions),
    assumeBreach: actions.some((a) => a.horizonReason === 'assume-breach'),
    ...(asOf ? { asOf } : {}),
  };
}

function ownersAndDue(answers: readonly (Answer | undefined)[]) {
  const owners = unique(
    answers.map((a) => (typeof a?.owner === 'string' ? a.owner.trim() : '')).filter(Boolean),
  );
  const [due] = answers
    .map((a) => a?.due)
    .filter((d): d is string => typeof d === 'string' && d !== '')
    .sort();
  return { owners, ...(due ? { due } : {}) };
}

/** An action takes at least the horizon of what it requires (repeated until nothing changes). */
function raiseHorizonsToPrerequisites(actions: PlanAction[]) {
  const byId = new Map(actions.map((a) => [a.id, a]));
  let changed = true;
  while (changed) {
    changed = false;
    for (const action of actions) {
      for (const { actionId } of action.after) {
        const prerequisite = byId.get(actionId);
        if (!prerequisite) continue;
        const horizon = later(action.horizon, prerequisite.horizon);
        if (horizon !== action.horizon) {
          action.horizon = horizon;
          if (action.horizonReason === 'effort') action.horizonReason = 'dependency';
          changed = true;
        }
      }
    }
  }
}

/** Keeps the sorted order, except that each action's prerequisites are placed before it. */
function prerequisitesFirst(sorted: readonly PlanAction[]): PlanAction[] {
  const byId = new Map(sorted.map((a) => [a.id, a]));
  const placed = new Set<string>();
  const out: PlanAction[] = [];
  const place = (action: PlanAction) => {
    if (placed.has(action.id)) return;
    placed.add(action.id);
    for (const { actionId } of action.after) {
      const prerequisite = byId.get(actionId);
      if (prerequisite) place(prerequisite);
    }
    out.push(action);
  };
  for (const action of sorted) place(action);
  return out;
}

function programmesOf(
  set: QuestionSet,
  result: ScoreResult,
  actions: readonly PlanAction[],
): ProgrammeSummary[] {
  const fixes = actions.filter((a) => a.kind === 'fix');
  const rank = (p: ProgrammeSummary) => (p.assumeBreach ? 0 : p.criticalActions > 0 ? 1 : 2);
  return set.programmes
    .map((programme) => ({ programme, members: fixes.filter((a) => a.programme === programme.id) }))
    .filter(({ members }) => members.length > 0)
    .map(({ programme, members }): ProgrammeSummary => {
      // Stop-gaps belong to their fix's programme: they start it.
      const horizons = actions
        .filter((a) => a.programme === programme.id)
        .map((a) => a.horizon)
        .sort((a, b) => horizonRank[a] - horizonRank[b]);
      return {
        id: programme.id,
        title: programme.title,
        summary: programme.summary,
        actionIds: members.map((a) => a.id),
        riskReduction: reductionOf(
          result,
          members.flatMap((a) => a.questionIds),
        ),
        criticalActions: members.filter((a) => a.critical).length,
        assumeBreach: members.some((a) => a.horizonReason === 'assume-breach'),
        firstHorizon: horizons[0] ?? '0-30',
        lastHorizon: horizons[horizons.length - 1] ?? '0-30',
      };
    })
    .sort(
      (a, b) => rank(a) - rank(b) || b.riskReduction - a.riskReduction || compareIds(a.id, b.id),
    );
}

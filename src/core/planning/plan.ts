import type { Answer, Assessment } from '../assessment/model.ts';
import { controlQuestions } from '../questionSet/coverage.ts';
import type { ControlQuestion, Effort, QuestionSet } from '../questionSet/schema.ts';
import { score, type ScoreResult } from '../scoring/score.ts';

export type Horizon = '0-30' | '31-90' | '91-180';

export interface PlanAction {
  /** The remediation's id: a shared remediation id, or the id of the one question it closes. */
  id: string;
  action: string;
  detail: string;
  questionIds: string[];
  /** Points by which the risk falls when every question of the action reaches full coverage. */
  riskReduction: number;
  effort: Effort;
  /** Risk reduction per unit of effort. */
  priority: number;
  horizon: Horizon;
  /** Why the horizon: a critical gap, a quick win, or the effort. */
  horizonReason: 'critical' | 'quick-win' | 'effort';
  critical: boolean;
  owners: string[];
  /** The earliest due date given on any of its questions, YYYY-MM-DD. */
  due?: string;
  recommendations: string[];
  attack: string[];
  phases: string[];
  nistCsf: string[];
  cisV8: string[];
}

export interface Plan {
  actions: PlanAction[];
}

/** Effort units: S about a week of a small team, M about a month, L a quarter or more. */
export const effortUnits: Readonly<Record<Effort, number>> = { S: 1, M: 2, L: 4 };
/** A small-effort action that lowers the risk by at least this many points is a quick win. */
export const quickWinMinimum = 2;

const horizonRank: Readonly<Record<Horizon, number>> = { '0-30': 0, '31-90': 1, '91-180': 2 };

/** The answers with every question of a group raised to its fully-covered option. */
export function withGroupDone(
  answers: Readonly<Record<string, Answer>>,
  questions: readonly ControlQuestion[],
): Record<string, Answer> {
  const next = { ...answers };
  for (const question of questions) {
    const best = question.options[question.options.length - 1];
    if (best) next[question.id] = { ...answers[question.id], choice: best.id };
  }
  return next;
}

const unique = (values: readonly string[]) => [...new Set(values)];
const inOrder = (order: readonly { id: string }[], values: readonly string[]) =>
  order.map((item) => item.id).filter((id) => values.includes(id));

/**
 * One action per remediation that has a gap: a shown, applicable control below full coverage,
 * unverified or unanswered. Each action's risk reduction is the score recomputed with the action
 * done, so it is exact, and actions are ordered by horizon, then priority, then id.
 */
export function plan(
  set: QuestionSet,
  assessment: Pick<Assessment, 'answers'>,
  result: ScoreResult = score(set, assessment),
): Plan {
  const byId = new Map(controlQuestions(set).map((q) => [q.id, q]));
  const gaps = result.questions.filter((q) => q.coverage !== null && q.coverage < 1);
  const groups = new Map<string, ControlQuestion[]>();
  for (const gap of gaps) {
    const question = byId.get(gap.questionId);
    if (!question) continue;
    const group = groups.get(question.remediation.id) ?? [];
    group.push(question);
    groups.set(question.remediation.id, group);
  }

  const actions = [...groups.entries()].map(([id, questions]): PlanAction => {
    const [first] = questions as [ControlQuestion, ...ControlQuestion[]];
    const { remediation } = first;
    const after = score(set, { answers: withGroupDone(assessment.answers, questions) });
    const riskReduction = result.risk - after.risk;
    const critical = questions.some((q) => q.critical);
    const quickWin = remediation.effort === 'S' && riskReduction >= quickWinMinimum;
    const horizonReason = critical ? 'critical' : quickWin ? 'quick-win' : 'effort';
    const horizon: Horizon =
      horizonReason !== 'effort' ? '0-30' : remediation.effort === 'L' ? '91-180' : '31-90';
    const answers = questions.map((q) => assessment.answers[q.id]);
    const dues = answers
      .map((a) => a?.due)
      .filter((d): d is string => Boolean(d))
      .sort();
    return {
      id,
      action: remediation.action,
      detail: remediation.detail,
      questionIds: questions.map((q) => q.id),
      riskReduction,
      effort: remediation.effort,
      priority: riskReduction / effortUnits[remediation.effort],
      horizon,
      horizonReason,
      critical,
      owners: unique(answers.map((a) => a?.owner?.trim() ?? '').filter(Boolean)),
      ...(dues[0] ? { due: dues[0] } : {}),
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

  actions.sort(
    (a, b) =>
      horizonRank[a.horizon] - horizonRank[b.horizon] ||
      b.priority - a.priority ||
      b.riskReduction - a.riskReduction ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { actions };
}

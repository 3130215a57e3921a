import type { HorizonReason, PlanAction } from '../planning/plan.ts';
import type { Audience, Recommendation } from '../questionSet/schema.ts';

/**
 * Shown wherever an unverified recommendation is cited: R2-R4 of the Soft Cell set, and the
 * recommendations of a set that summarises its source in its own words.
 */
export const unverifiedNote =
  "unverified paraphrase: the wording is Cellguard's summary, not checked against the source's own text";

/** "R2*" for a recommendation whose wording is an unverified paraphrase, "R1" otherwise. */
export const recommendationRef = (recommendation: Pick<Recommendation, 'id' | 'unverified'>) =>
  recommendation.unverified ? `${recommendation.id}*` : recommendation.id;

/** Short plan tags: why an action sits where it does. */
export const horizonReasonLabel: Readonly<Record<HorizonReason, string>> = {
  effort: '',
  dependency: 'After its prerequisites',
  containment: 'Stop-gap: start now',
  'assume-breach': 'Assume breach: start now',
};

/** The tags that warn: the page shows them even on a phone's one-line plan. */
export const criticalGapTag = 'Critical gap';
export const lateDueTag = 'Due after horizon';
export const overdueTag = 'Overdue';

/** An action's due date (YYYY-MM-DD) has passed by `today` (YYYY-MM-DD). */
export const isOverdue = (action: Pick<PlanAction, 'due'>, today: string): boolean =>
  action.due !== undefined && action.due < today;

/**
 * The tags a plan action carries on the page and in the PDF, in one order. `today` (YYYY-MM-DD)
 * is the day the page is looked at or the PDF is made: an action due before it is overdue.
 */
export function actionTags(action: PlanAction, today: string): string[] {
  return [
    horizonReasonLabel[action.horizonReason],
    action.critical && action.kind === 'fix' ? criticalGapTag : '',
    action.quickWin ? 'Quick win' : '',
    action.dueAfterHorizon ? lateDueTag : '',
    isOverdue(action, today) ? overdueTag : '',
  ].filter(Boolean);
}

/** Who a question is for, where its set's source addresses audiences: "network engineers and defenders". */
export const audienceLabel = (audience: readonly Audience[]): string =>
  `network ${audience.join(' and ')}`;

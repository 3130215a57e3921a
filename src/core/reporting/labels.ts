import type { HorizonReason, PlanAction } from '../planning/plan.ts';
import type { Recommendation } from '../questionSet/schema.ts';

/** Shown wherever an unverified recommendation (R2-R4 of the Soft Cell set) is cited. */
export const unverifiedNote =
  'unverified paraphrase: the reachable copies of the report could not confirm its wording';

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

/** The tags a plan action carries on the page and in the PDF, in one order. */
export function actionTags(action: PlanAction): string[] {
  return [
    horizonReasonLabel[action.horizonReason],
    action.critical && action.kind === 'fix' ? criticalGapTag : '',
    action.quickWin ? 'Quick win' : '',
    action.dueAfterHorizon ? lateDueTag : '',
  ].filter(Boolean);
}

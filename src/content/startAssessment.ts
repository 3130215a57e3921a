import type { Assessment } from '../core/assessment/model.ts';
import { hrefs } from '../routing/routes.ts';
import { navigate } from '../routing/useRoute.ts';
import { useAssessments } from '../store/index.ts';
import { firstStepId } from './questionSet.ts';

/** Keeps a new assessment (new, or the next cycle of one) and opens its first step. */
export function startAssessment(assessment: Assessment): void {
  const id = useAssessments.getState().add(assessment, { view: 'step', domainId: firstStepId });
  navigate(hrefs.step(id, firstStepId));
}

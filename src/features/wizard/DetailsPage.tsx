import { AssessmentDetailsForm } from '../../components/AssessmentDetailsForm.tsx';
import { cycleOfDate, cycleText } from '../../core/cycles/cycleLabel.ts';
import { hrefs } from '../../routing/routes.ts';
import { navigate } from '../../routing/useRoute.ts';
import { useAssessments } from '../../store/index.ts';

/**
 * Corrects an assessment's organisation, scope, cycle and assessor ("edit"), or copies it with
 * every answer under details the user names ("copy"); both keep one assessment per organisation,
 * scope and cycle.
 */
export function DetailsPage({ id, mode }: { id: string; mode: 'edit' | 'copy' }) {
  const stored = useAssessments((state) => state.assessments[id]);
  const updateDetails = useAssessments((state) => state.updateDetails);
  const duplicate = useAssessments((state) => state.duplicate);
  if (!stored) return <p>There is no such assessment in this browser.</p>;
  const { assessment } = stored;
  const today = new Date();
  return (
    <section className="narrow" aria-labelledby="details-title">
      <h1 id="details-title">{mode === 'edit' ? 'Edit the details' : 'Copy the assessment'}</h1>
      <p className="lead">
        {mode === 'edit'
          ? 'Correct the organisation, scope, cycle or assessor. The answers stay as they are.'
          : 'The copy takes every answer, note and date, each marked “carried over” until someone confirms or changes it. Give it another cycle or scope: one assessment per organisation, scope, question set and cycle.'}
      </p>
      <AssessmentDetailsForm
        idPrefix={mode}
        defaults={{
          organisation: assessment.organisation,
          scope: assessment.scope,
          cycle: assessment.cycle,
          ...(assessment.assessor ? { assessor: assessment.assessor } : {}),
        }}
        suggestCycle={(cadence) => cycleText(cycleOfDate(today, cadence))}
        submitLabel={mode === 'edit' ? 'Save the details' : 'Make the copy'}
        cancelHref={hrefs.assessment(id)}
        keep={(details) => (mode === 'edit' ? updateDetails(id, details) : duplicate(id, details))}
        onKept={(kept) => navigate(hrefs.assessment(kept))}
      />
    </section>
  );
}

import { AssessmentDetailsForm } from '../../components/AssessmentDetailsForm.tsx';
import { firstStepId, questionSet } from '../../content/questionSet.ts';
import { newAssessment } from '../../core/assessment/create.ts';
import { detailsProblems } from '../../core/assessment/details.ts';
import { cycleOfDate, cycleText } from '../../core/cycles/cycleLabel.ts';
import { fail } from '../../core/result.ts';
import { hrefs } from '../../routing/routes.ts';
import { navigate } from '../../routing/useRoute.ts';
import { useAssessments } from '../../store/index.ts';

export function NewAssessmentPage() {
  const add = useAssessments((state) => state.add);
  const today = new Date();
  return (
    <section aria-labelledby="new-title" className="narrow">
      <h1 id="new-title">Start a new assessment</h1>
      <p className="lead">
        One assessment covers one organisation and scope for one cycle. Repeat it every cycle to
        show progress.
      </p>
      <AssessmentDetailsForm
        idPrefix="new"
        defaults={{ organisation: '', scope: '', cycle: cycleText(cycleOfDate(today, 'quarter')) }}
        suggestCycle={(cadence) => cycleText(cycleOfDate(today, cadence))}
        submitLabel="Start"
        cancelHref={hrefs.home()}
        keep={(details) => {
          const problems = detailsProblems(details);
          if (problems.length > 0) return fail(...problems);
          return add(newAssessment(questionSet, details, new Date()), {
            view: 'step',
            domainId: firstStepId,
          });
        }}
        onKept={(id) => navigate(hrefs.step(id, firstStepId))}
      />
    </section>
  );
}

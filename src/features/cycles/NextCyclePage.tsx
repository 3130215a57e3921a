import { AssessmentDetailsForm } from '../../components/AssessmentDetailsForm.tsx';
import {
  firstStepOf,
  questionSetById,
  withAnswersFromOtherSets,
} from '../../content/questionSets.ts';
import { detailsProblems } from '../../core/assessment/details.ts';
import {
  compareCycles,
  cycleOfDate,
  cycleText,
  followingCycle,
  parseCycle,
} from '../../core/cycles/cycleLabel.ts';
import { carryForward, latestCycle, nextCycleLabel } from '../../core/cycles/cycles.ts';
import { fail } from '../../core/result.ts';
import { plural } from '../../core/text.ts';
import { hrefs } from '../../routing/routes.ts';
import { navigate } from '../../routing/useRoute.ts';
import { useAssessments } from '../../store/index.ts';

/** Starts the next cycle from the latest one: every answer carried over, to be confirmed. */
export function NextCyclePage({ id }: { id: string }) {
  const stored = useAssessments((state) => state.assessments[id]);
  const latest = useAssessments((state) =>
    stored ? latestCycle(Object.values(state.assessments), stored.assessment) : undefined,
  );
  const add = useAssessments((state) => state.add);
  if (!stored) return <p>There is no such assessment in this browser.</p>;
  const previous = stored.assessment;
  const firstStep = firstStepOf(questionSetById(previous.questionSet.id));
  const answered = Object.keys(previous.answers).length;
  const today = new Date();
  const title = (
    <h1 id="next-title" tabIndex={-1}>
      Start the next cycle
    </h1>
  );
  const name = (
    <>
      <bdi>{previous.organisation}</bdi>, <bdi>{previous.scope || 'no scope'}</bdi>,{' '}
      <bdi>{previous.cycle}</bdi>
    </>
  );

  if (answered === 0) {
    return (
      <section className="narrow" aria-labelledby="next-title">
        {title}
        <p className="lead">
          {name} has no answers yet, so there is nothing to carry into a next cycle. Answer it
          first, or start a new assessment.
        </p>
        <div className="button-row">
          <a className="button primary" href={hrefs.assessment(id)}>
            Open {previous.cycle}
          </a>
          <a className="button" href={hrefs.home()}>
            All assessments
          </a>
        </div>
      </section>
    );
  }
  if (latest && latest.id !== id) {
    return (
      <section className="narrow" aria-labelledby="next-title">
        {title}
        <p className="lead">
          {name} is not the latest cycle: <bdi>{latest.assessment.cycle}</bdi> of the same
          organisation and scope is already on this device. A next cycle continues from the latest
          one, so that its answers are the ones carried over.
        </p>
        <div className="button-row">
          <a className="button primary" href={hrefs.nextCycle(latest.id)}>
            Start the cycle after {latest.assessment.cycle}
          </a>
          <a className="button" href={hrefs.assessment(latest.id)}>
            Open {latest.assessment.cycle}
          </a>
        </div>
      </section>
    );
  }
  const current = parseCycle(previous.cycle);
  return (
    <section className="narrow" aria-labelledby="next-title">
      {title}
      <p className="lead">
        {name}: the {plural(answered, 'answer is', 'answers are')} carried over with notes,
        evidence, owners and due dates. Each is marked &ldquo;carried over&rdquo; until someone
        changes or confirms it; until then the results and the PDF say how many are unconfirmed.{' '}
        {previous.cycle} itself stays as it is.
      </p>
      <AssessmentDetailsForm
        idPrefix="next"
        fixed
        defaults={{
          organisation: previous.organisation,
          scope: previous.scope,
          cycle: nextCycleLabel(previous.cycle, today),
          ...(previous.assessor ? { assessor: previous.assessor } : {}),
        }}
        suggestCycle={(cadence) =>
          cycleText(
            current?.cadence === cadence ? followingCycle(current) : cycleOfDate(today, cadence),
          )
        }
        submitLabel="Start the next cycle"
        cancelHref={hrefs.home()}
        keep={(details) => {
          const problems = detailsProblems(details);
          if (problems.length > 0) return fail(...problems);
          if (compareCycles(details.cycle, previous.cycle) <= 0)
            return fail({
              path: 'cycle',
              message: `The next cycle must come after ${previous.cycle}.`,
            });
          // Another set's newer confirmed answer to a shared fact beats last cycle's carried one.
          const next = withAnswersFromOtherSets(
            carryForward(previous, details, new Date()),
            Object.values(useAssessments.getState().assessments).map((s) => s.assessment),
          );
          return add(next, { view: 'step', domainId: firstStep });
        }}
        onKept={(kept) => navigate(hrefs.step(kept, firstStep))}
      />
    </section>
  );
}

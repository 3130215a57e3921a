import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { limitedField } from '../../components/limitedField.ts';
import { ProblemList } from '../../components/ProblemList.tsx';
import { TextField } from '../../components/TextField.tsx';
import { firstStepId } from '../../content/questionSet.ts';
import { carryForward, nextCycleLabel } from '../../core/cycles/cycles.ts';
import type { Problem } from '../../core/result.ts';
import { hrefs } from '../../routing/routes.ts';
import { navigate } from '../../routing/useRoute.ts';
import { useAssessments } from '../../store/index.ts';

interface NextCycleValues {
  cycle: string;
  assessor: string;
}

/** Starts the next quarter from an earlier one: every answer carried over, to be confirmed. */
export function NextCyclePage({ id }: { id: string }) {
  const stored = useAssessments((state) => state.assessments[id]);
  const add = useAssessments((state) => state.add);
  const [problems, setProblems] = useState<Problem[]>([]);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<NextCycleValues>({
    defaultValues: {
      cycle: stored ? nextCycleLabel(stored.assessment.cycle) : '',
      assessor: stored?.assessment.assessor ?? '',
    },
  });
  if (!stored) return <p>There is no such assessment in this browser.</p>;
  const previous = stored.assessment;
  const answered = Object.keys(previous.answers).length;
  const onSubmit = handleSubmit((values) => {
    const kept = add(carryForward(previous, values, new Date()), {
      view: 'step',
      domainId: firstStepId,
    });
    if (kept.ok) navigate(hrefs.step(kept.value, firstStepId));
    else setProblems(kept.problems);
  });
  return (
    <section className="narrow" aria-labelledby="next-title">
      <h1 id="next-title">Start the next cycle</h1>
      <p className="lead">
        {previous.organisation}
        {previous.scope ? `, ${previous.scope}` : ''}: the {answered} answers of {previous.cycle}{' '}
        are carried over with their notes, evidence, owners and due dates. Each is marked
        &ldquo;carried over&rdquo; until someone changes or confirms it, and evidence older than the
        limit is flagged. {previous.cycle} itself stays as it is.
      </p>
      <form onSubmit={onSubmit} noValidate className="stacked-form">
        <TextField
          id="next-cycle"
          label="New cycle"
          error={errors.cycle?.message}
          registration={limitedField(
            register,
            'cycle',
            'cycle',
            (value) =>
              (value.trim() !== '' && value.trim() !== previous.cycle) ||
              `Enter a cycle other than ${previous.cycle}.`,
          )}
        />
        <TextField
          id="next-assessor"
          label="Assessor"
          error={errors.assessor?.message}
          registration={limitedField(register, 'assessor', 'assessor')}
        />
        <ProblemList problems={problems} lead="The next cycle could not be kept:" />
        <div className="button-row">
          <button type="submit" className="button primary">
            Start the next cycle
          </button>
          <a className="button" href={hrefs.home()}>
            Cancel
          </a>
        </div>
      </form>
    </section>
  );
}

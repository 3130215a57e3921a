import { useForm } from 'react-hook-form';
import { startAssessment } from '../../content/startAssessment.ts';
import { TextField } from '../../components/TextField.tsx';
import { carryForward, nextCycleLabel } from '../../core/cycles/cycles.ts';
import { hrefs } from '../../routing/routes.ts';
import { useAssessments } from '../../store/index.ts';

interface NextCycleValues {
  cycle: string;
  assessor: string;
}

/** Starts the next quarter from an earlier one: every answer carried over, to be confirmed. */
export function NextCyclePage({ id }: { id: string }) {
  const stored = useAssessments((state) => state.assessments[id]);
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
  const onSubmit = handleSubmit((values) =>
    startAssessment(carryForward(previous, values, new Date())),
  );
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
          registration={register('cycle', {
            validate: (value) =>
              (value.trim() !== '' && value.trim() !== previous.cycle) ||
              `Enter a cycle other than ${previous.cycle}.`,
            maxLength: { value: 40, message: 'Keep the cycle under 40 characters.' },
          })}
        />
        <TextField
          id="next-assessor"
          label="Assessor"
          registration={register('assessor', { maxLength: 200 })}
        />
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

import { useForm } from 'react-hook-form';
import { startAssessment } from '../../content/startAssessment.ts';
import { TextField } from '../../components/TextField.tsx';
import { questionSet } from '../../content/questionSet.ts';
import { newAssessment, suggestCycle } from '../../core/assessment/create.ts';
import { hrefs } from '../../routing/routes.ts';

interface NewAssessmentValues {
  organisation: string;
  scope: string;
  cycle: string;
  assessor: string;
}

export function NewAssessmentPage() {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<NewAssessmentValues>({
    defaultValues: { organisation: '', scope: '', cycle: suggestCycle(new Date()), assessor: '' },
  });
  const onSubmit = handleSubmit((values) =>
    startAssessment(newAssessment(questionSet, values, new Date())),
  );

  return (
    <section aria-labelledby="new-title" className="narrow">
      <h1 id="new-title">Start a new assessment</h1>
      <p className="lead">
        One assessment covers one organisation and scope for one cycle. Repeat it every quarter to
        show progress.
      </p>
      <form onSubmit={onSubmit} noValidate className="stacked-form">
        <TextField
          id="organisation"
          label="Organisation"
          autoComplete="organization"
          error={errors.organisation?.message}
          registration={register('organisation', {
            validate: (value) => value.trim() !== '' || 'Enter the organisation being assessed.',
            maxLength: { value: 200, message: 'Keep the name under 200 characters.' },
          })}
        />
        <TextField
          id="scope"
          label="Scope"
          placeholder="e.g. Mobile core, OSS/BSS and corporate IT"
          registration={register('scope', { maxLength: 200 })}
        />
        <TextField
          id="cycle"
          label="Cycle"
          hint="Suggested from today's date as year and quarter."
          error={errors.cycle?.message}
          registration={register('cycle', {
            validate: (value) => value.trim() !== '' || 'Enter the cycle, for example 2026-Q4.',
            maxLength: { value: 40, message: 'Keep the cycle under 40 characters.' },
          })}
        />
        <TextField
          id="assessor"
          label="Assessor"
          autoComplete="name"
          registration={register('assessor', { maxLength: 200 })}
        />
        <div className="button-row">
          <button type="submit" className="button primary">
            Start
          </button>
          <a className="button" href={hrefs.home()}>
            Cancel
          </a>
        </div>
      </form>
    </section>
  );
}

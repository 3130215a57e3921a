import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { limitedField } from '../../components/limitedField.ts';
import { ProblemList } from '../../components/ProblemList.tsx';
import { TextField } from '../../components/TextField.tsx';
import { firstStepId, questionSet } from '../../content/questionSet.ts';
import { newAssessment, suggestCycle } from '../../core/assessment/create.ts';
import type { Problem } from '../../core/result.ts';
import { hrefs } from '../../routing/routes.ts';
import { navigate } from '../../routing/useRoute.ts';
import { useAssessments } from '../../store/index.ts';

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
  const add = useAssessments((state) => state.add);
  const [problems, setProblems] = useState<Problem[]>([]);
  const onSubmit = handleSubmit((values) => {
    const kept = add(newAssessment(questionSet, values, new Date()), {
      view: 'step',
      domainId: firstStepId,
    });
    if (kept.ok) navigate(hrefs.step(kept.value, firstStepId));
    else setProblems(kept.problems);
  });

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
          registration={limitedField(
            register,
            'organisation',
            'organisation',
            (value) => value.trim() !== '' || 'Enter the organisation being assessed.',
          )}
        />
        <TextField
          id="scope"
          label="Scope"
          placeholder="e.g. Mobile core, OSS/BSS and corporate IT"
          error={errors.scope?.message}
          registration={limitedField(register, 'scope', 'scope')}
        />
        <TextField
          id="cycle"
          label="Cycle"
          hint="Suggested from today's date as year and quarter."
          error={errors.cycle?.message}
          registration={limitedField(
            register,
            'cycle',
            'cycle',
            (value) => value.trim() !== '' || 'Enter the cycle, for example 2026-Q4.',
          )}
        />
        <TextField
          id="assessor"
          label="Assessor"
          autoComplete="name"
          error={errors.assessor?.message}
          registration={limitedField(register, 'assessor', 'assessor')}
        />
        <ProblemList problems={problems} lead="The assessment could not be kept:" />
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

import { useForm, useWatch } from 'react-hook-form';
import { TextField } from '../../components/TextField.tsx';
import { UserTextList } from '../../components/UserText.tsx';
import { lengthRule } from '../../core/assessment/limits.ts';
import type { AssigneeDraft } from '../../core/delegation/assignments.ts';
import type { Assignee } from '../../core/delegation/schema.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';

interface AssigneeValues {
  name: string;
  role: string;
  email: string;
  note: string;
  domains: string[];
  questions: string[];
}

interface AssigneeFormProps {
  set: QuestionSet;
  idPrefix: string;
  /** The person being changed; a new one when absent. */
  assignee?: Assignee;
  /** Who else has each domain, to show beside it. */
  holders: ReadonlyMap<string, string[]>;
  submitLabel: string;
  onSubmit: (draft: AssigneeDraft) => string | undefined;
  onCancel?: () => void;
}

const valuesOf = (assignee: Assignee | undefined): AssigneeValues => ({
  name: assignee?.name ?? '',
  role: assignee?.role ?? '',
  email: assignee?.email ?? '',
  note: assignee?.note ?? '',
  domains: [...(assignee?.domains ?? [])],
  questions: [...(assignee?.questions ?? [])],
});

/**
 * Who a person is and which questions they get: whole domains, or single questions of other
 * domains. Nothing is sent from here; the questionnaire file is made afterwards.
 */
export function AssigneeForm({
  set,
  idPrefix,
  assignee,
  holders,
  submitLabel,
  onSubmit,
  onCancel,
}: AssigneeFormProps) {
  const form = useForm<AssigneeValues>({ defaultValues: valuesOf(assignee) });
  const {
    register,
    control,
    setError,
    formState: { errors },
  } = form;
  const chosenDomains = useWatch({ control, name: 'domains' });
  const submit = form.handleSubmit((values) => {
    const problem = onSubmit(values);
    if (problem) setError('name', { message: problem });
    else if (!assignee) form.reset(valuesOf(undefined));
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stacked-form">
      <div className="field-row">
        <TextField
          id={`${idPrefix}-name`}
          label="Name"
          autoComplete="off"
          maxLength={lengthRule('person').value}
          error={errors.name?.message}
          registration={register('name', {
            validate: (value) => value.trim() !== '' || 'Give the person’s name.',
          })}
        />
        <TextField
          id={`${idPrefix}-role`}
          label="Role or team (optional)"
          hint="Shown in the findings: “answered by Ana Ruiz (network operations)”."
          autoComplete="off"
          maxLength={lengthRule('role').value}
          registration={register('role')}
        />
      </div>
      <TextField
        id={`${idPrefix}-email`}
        label="Email address (optional)"
        hint="Only to prepare an email in your own mail program; Cellguard sends nothing."
        type="email"
        autoComplete="off"
        maxLength={lengthRule('email').value}
        registration={register('email')}
      />
      <div className="field">
        <label htmlFor={`${idPrefix}-note`}>Your note to them (optional)</label>
        <textarea
          id={`${idPrefix}-note`}
          dir="auto"
          rows={3}
          maxLength={lengthRule('note').value}
          {...register('note')}
        />
      </div>
      <fieldset
        className="field"
        aria-describedby={errors.domains ? `${idPrefix}-domains-error` : undefined}
      >
        <legend>Domains they answer</legend>
        <ul className="delegation-choices">
          {set.domains.map((domain) => {
            const count = set.questions.filter((q) => q.domain === domain.id).length;
            const others = (holders.get(domain.id) ?? []).filter((name) => name !== assignee?.name);
            return (
              <li key={domain.id}>
                <label className="check-option">
                  <input
                    type="checkbox"
                    value={domain.id}
                    {...register('domains', {
                      // Checked with the name, so that one try shows every problem.
                      validate: (domains, values) =>
                        domains.length > 0 ||
                        values.questions.length > 0 ||
                        'Choose at least one domain or one question.',
                    })}
                  />
                  <span>
                    {domain.title}{' '}
                    <span className="muted small">
                      ({count} questions
                      {others.length > 0 && '; also with '}
                      <UserTextList items={others} />)
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        {errors.domains && (
          <p id={`${idPrefix}-domains-error`} className="field-error">
            {errors.domains.message}
          </p>
        )}
      </fieldset>
      <details className="delegation-questions">
        <summary>Or single questions of other domains</summary>
        {set.domains
          .filter((domain) => !chosenDomains.includes(domain.id))
          .map((domain) => (
            <fieldset key={domain.id} className="choice-group">
              <legend>{domain.title}</legend>
              <ul className="delegation-choices">
                {set.questions
                  .filter((q) => q.domain === domain.id)
                  .map((q) => (
                    <li key={q.id}>
                      <label className="check-option">
                        <input type="checkbox" value={q.id} {...register('questions')} />
                        <span>
                          {q.id} {q.title}
                        </span>
                      </label>
                    </li>
                  ))}
              </ul>
            </fieldset>
          ))}
      </details>
      <div className="button-row">
        <button type="submit" className="button primary">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

import { useRef, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import {
  cycleForCadenceProblem,
  organisationProblem,
  scopeProblem,
  type AssessmentDetails,
} from '../core/assessment/details.ts';
import { cadenceLabel, parseCycle, type Cadence } from '../core/cycles/cycleLabel.ts';
import type { Problem, Result } from '../core/result.ts';
import { hrefs } from '../routing/routes.ts';
import { limitedField } from './limitedField.ts';
import { ProblemList } from './ProblemList.tsx';
import { TextField } from './TextField.tsx';

interface DetailsValues {
  organisation: string;
  scope: string;
  cadence: Cadence;
  cycle: string;
  assessor: string;
}

/** A problem keeping the details; `existingId` when they name an assessment already kept. */
export interface DetailsProblem extends Problem {
  existingId?: string;
}

interface AssessmentDetailsFormProps {
  /** Prefix of the fields' ids, unique on the page. */
  idPrefix: string;
  defaults: AssessmentDetails;
  /** Shown, not editable: a next cycle keeps its organisation and scope. */
  fixed?: boolean;
  /** The cycle proposed when the user picks another cadence. */
  suggestCycle: (cadence: Cadence) => string;
  submitLabel: string;
  cancelHref: string;
  /** Keeps the details; its problems are shown by the fields they belong to. */
  keep: (details: AssessmentDetails) => Result<string, DetailsProblem>;
  onKept: (id: string) => void;
  children?: ReactNode;
  /** Fields that come before the details, such as the choice of question set. */
  leading?: ReactNode;
}

const cadences = Object.keys(cadenceLabel) as Cadence[];
const fieldNames = ['organisation', 'scope', 'cycle'] as const;

/**
 * Organisation, scope, cycle (with its cadence, chosen explicitly) and assessor, checked as the
 * store checks them. Used to start, correct, copy and continue an assessment. Submitting twice
 * keeps once: after the first success further submits are ignored.
 */
export function AssessmentDetailsForm({
  idPrefix,
  defaults,
  fixed = false,
  suggestCycle,
  submitLabel,
  cancelHref,
  keep,
  onKept,
  children,
  leading,
}: AssessmentDetailsFormProps) {
  const {
    register,
    handleSubmit,
    getValues,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<DetailsValues>({
    defaultValues: {
      organisation: defaults.organisation,
      scope: defaults.scope,
      cadence: parseCycle(defaults.cycle)?.cadence ?? 'quarter',
      cycle: defaults.cycle,
      assessor: defaults.assessor ?? '',
    },
  });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [existingId, setExistingId] = useState<string>();
  const kept = useRef<string>(undefined);

  const submit = ({ cadence: _cadence, ...details }: DetailsValues) => {
    if (kept.current) return;
    const outcome = keep(details);
    if (outcome.ok) {
      kept.current = outcome.value;
      onKept(outcome.value);
      return;
    }
    const twin = outcome.problems.find((problem) => problem.existingId);
    setExistingId(twin?.existingId);
    const general: Problem[] = [];
    for (const problem of outcome.problems) {
      if (problem.existingId) continue;
      const field = fieldNames.find((name) => name === problem.path);
      if (field) setError(field, { message: problem.message }, { shouldFocus: true });
      else general.push(problem);
    }
    setProblems(general);
  };

  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <form
      onSubmit={(event) => void handleSubmit(submit)(event)}
      noValidate
      className="stacked-form"
    >
      {leading}
      {fixed ? (
        <p>
          <strong>
            <bdi>{defaults.organisation}</bdi>
          </strong>{' '}
          · <bdi>{defaults.scope}</bdi>
        </p>
      ) : (
        <>
          <TextField
            id={id('organisation')}
            label="Organisation"
            autoComplete="organization"
            error={errors.organisation?.message}
            registration={limitedField(
              register,
              'organisation',
              'organisation',
              (value) => organisationProblem(value) ?? true,
            )}
          />
          <TextField
            id={id('scope')}
            label="Scope"
            placeholder="e.g. Mobile core, OSS/BSS and corporate IT"
            hint="Cycles of the same organisation and scope are compared with each other."
            error={errors.scope?.message}
            registration={limitedField(
              register,
              'scope',
              'scope',
              (value) => scopeProblem(value) ?? true,
            )}
          />
        </>
      )}
      <div className="field">
        <label htmlFor={id('cadence')}>How often it is run</label>
        <select
          id={id('cadence')}
          {...register('cadence', {
            onChange: () => {
              const cadence = getValues('cadence');
              if (parseCycle(getValues('cycle'))?.cadence !== cadence)
                setValue('cycle', suggestCycle(cadence), { shouldValidate: true });
            },
          })}
        >
          {cadences.map((cadence) => (
            <option key={cadence} value={cadence}>
              {cadenceLabel[cadence]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id={id('cycle')}
        label="Cycle"
        hint="A quarter such as 2026-Q4, a half-year such as 2026-H2, or a year such as 2026."
        error={errors.cycle?.message}
        registration={limitedField(
          register,
          'cycle',
          'cycle',
          (value, values) => cycleForCadenceProblem(value, values.cadence) ?? true,
        )}
      />
      <TextField
        id={id('assessor')}
        label="Assessor"
        autoComplete="name"
        error={errors.assessor?.message}
        registration={limitedField(register, 'assessor', 'assessor')}
      />
      {children}
      {existingId && (
        <p className="notice warning" role="alert">
          An assessment with this organisation, scope, question set and cycle is already on this
          device. <a href={hrefs.assessment(existingId)}>Open the existing assessment</a>, or change
          the cycle or the scope.
        </p>
      )}
      <ProblemList problems={problems} lead="The assessment could not be kept:" />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {submitLabel}
        </button>
        <a className="button" href={cancelHref}>
          Cancel
        </a>
      </div>
    </form>
  );
}

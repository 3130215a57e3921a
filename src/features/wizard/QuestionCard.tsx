import { memo } from 'react';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { questionSet } from '../../content/questionSet.ts';
import type { Question } from '../../core/questionSet/schema.ts';

export interface AnswerFields {
  choice: string;
  note: string;
  evidence: string;
  evidenceDate: string;
  owner: string;
  due: string;
}

export interface StepValues {
  answers: Record<string, AnswerFields>;
}

interface QuestionCardProps {
  question: Question;
  register: UseFormRegister<StepValues>;
  choice: string;
  hasDetails: boolean;
  /** The cycle this answer was carried over from, while nobody has confirmed it. */
  carriedFrom: string | undefined;
  staleEvidence: boolean;
  staleEvidenceDays: number;
  errors: FieldErrors<AnswerFields> | undefined;
}

const recommendationTitle = new Map(questionSet.recommendations.map((r) => [r.id, r.title]));
const phaseTitle = new Map(questionSet.phases.map((p) => [p.id, p.title]));

function WhyItMatters({ question }: { question: Question }) {
  return (
    <details className="why">
      <summary>Why this matters</summary>
      <p>{question.help}</p>
      {question.kind === 'control' && (
        <dl className="trace">
          <dt>Recommendations</dt>
          <dd>
            {question.recommendations
              .map((id) => `${id} ${recommendationTitle.get(id) ?? ''}`)
              .join('; ')}
          </dd>
          <dt>Attack phases</dt>
          <dd>{question.phases.map((id) => `${id} ${phaseTitle.get(id) ?? ''}`).join('; ')}</dd>
          <dt>ATT&amp;CK techniques</dt>
          <dd>
            <ul className="plain">
              {question.attack.map((id) => (
                <li key={id}>
                  <span className="mono">{id}</span> {questionSet.techniques[id]}
                </li>
              ))}
            </ul>
          </dd>
          <dt>Weight</dt>
          <dd>
            {question.weight} of 5: {question.weightReason}
          </dd>
        </dl>
      )}
    </details>
  );
}

/** One question: a fieldset whose legend is the question, its graded options, and its notes. */
export const QuestionCard = memo(function QuestionCard({
  question,
  register,
  choice,
  hasDetails,
  carriedFrom,
  staleEvidence,
  staleEvidenceDays,
  errors,
}: QuestionCardProps) {
  const base = `answers.${question.id}` as const;
  const isNa = choice === 'na';
  const noteId = `${question.id}-note`;
  const choices = [
    ...question.options.map((o) => ({ id: o.id, label: o.label, criteria: o.criteria })),
    ...(question.kind === 'control'
      ? [
          {
            id: 'na',
            label: 'Not applicable',
            criteria: 'This control does not apply to your scope; say why below.',
          },
        ]
      : []),
    {
      id: 'unknown',
      label: "Don't know",
      criteria: 'Nobody could confirm it yet. Counts as not in place until verified.',
    },
  ];
  return (
    <fieldset className="question" id={`question-${question.id}`} tabIndex={-1}>
      <legend>
        <span className="question-id">{question.id}</span>{' '}
        <span className="question-text">{question.text}</span>
        {question.kind === 'control' && question.critical && (
          <span className="tag critical">Critical control</span>
        )}
        {question.kind === 'scope' && <span className="tag">Scoping question</span>}
        {carriedFrom !== undefined && (
          <span className="tag carried">Carried over from {carriedFrom}: confirm or change</span>
        )}
        {staleEvidence && (
          <span className="tag stale">
            Evidence older than {staleEvidenceDays} days or undated: check it again
          </span>
        )}
      </legend>
      <div className="options">
        {choices.map((option) => {
          const id = `${question.id}-${option.id}`;
          return (
            <div
              key={option.id}
              className={`option${option.id === 'na' || option.id === 'unknown' ? ' universal' : ''}${option.id === choice ? ' selected' : ''}`}
            >
              <input
                type="radio"
                id={id}
                value={option.id}
                aria-labelledby={`${id}-label`}
                aria-describedby={option.criteria ? `${id}-criteria` : undefined}
                {...register(`${base}.choice`)}
              />
              <label htmlFor={id}>
                <span id={`${id}-label`} className="option-label">
                  {option.label}
                </span>
                {option.criteria && (
                  <span id={`${id}-criteria`} className="option-criteria">
                    {option.criteria}
                  </span>
                )}
              </label>
            </div>
          );
        })}
      </div>
      <WhyItMatters question={question} />
      <div className="field">
        <label htmlFor={noteId}>{isNa ? 'Reason it does not apply (required)' : 'Note'}</label>
        <textarea
          id={noteId}
          rows={2}
          aria-invalid={errors?.note ? true : undefined}
          aria-describedby={errors?.note ? `${noteId}-error` : undefined}
          {...register(`${base}.note`, {
            maxLength: { value: 10_000, message: 'Keep the note under 10,000 characters.' },
            validate: (note, values) =>
              values.answers[question.id]?.choice !== 'na' ||
              note.trim() !== '' ||
              'Say why this control does not apply; without a reason it counts as not in place.',
          })}
        />
        {errors?.note && (
          <p id={`${noteId}-error`} className="field-error">
            {errors.note.message}
          </p>
        )}
      </div>
      {question.kind === 'control' && (
        <details className="more-fields" open={hasDetails}>
          <summary>Evidence, owner and due date</summary>
          <div className="field">
            <label htmlFor={`${question.id}-evidence`}>Evidence</label>
            <textarea
              id={`${question.id}-evidence`}
              rows={2}
              {...register(`${base}.evidence`, { maxLength: 10_000 })}
            />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${question.id}-evidence-date`}>Evidence date</label>
              <input
                id={`${question.id}-evidence-date`}
                type="date"
                {...register(`${base}.evidenceDate`)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${question.id}-owner`}>Owner</label>
              <input
                id={`${question.id}-owner`}
                {...register(`${base}.owner`, { maxLength: 200 })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${question.id}-due`}>Due date</label>
              <input id={`${question.id}-due`} type="date" {...register(`${base}.due`)} />
            </div>
          </div>
        </details>
      )}
    </fieldset>
  );
});

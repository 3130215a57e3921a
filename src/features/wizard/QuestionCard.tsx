import { memo } from 'react';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { limitedField } from '../../components/limitedField.ts';
import type { HistoryEntry } from '../../core/delegation/schema.ts';
import { formatDate, formatDateTime } from '../../core/format.ts';
import { audienceLabel, recommendationRef, unverifiedNote } from '../../core/reporting/labels.ts';
import type { Effect, Question, QuestionSet } from '../../core/questionSet/schema.ts';
import { setIndex } from '../../core/questionSet/setIndex.ts';
import { AnswerHistory } from './AnswerHistory.tsx';
import './wizard.css';

export interface AnswerFields {
  choice: string;
  note: string;
  naReason: string;
  evidence: string;
  evidenceDate: string;
  owner: string;
  due: string;
  compensatingControl: string;
  riskAcceptedBy: string;
}

export interface StepValues {
  answers: Record<string, AnswerFields>;
}

interface QuestionCardProps {
  set: QuestionSet;
  question: Question;
  register: UseFormRegister<StepValues>;
  choice: string;
  hasDetails: boolean;
  /** Where this answer came from ("Carried over from 2026-Q3"), while nobody has confirmed it. */
  unconfirmedFrom: string | undefined;
  /** Confirms this question's unconfirmed answer as it is. Stable, so the card stays memoised. */
  onConfirm: (questionId: string) => void;
  staleEvidence: boolean;
  staleEvidenceDays: number;
  /** Who changed the answer and when, oldest first; the store's array, so the card stays memoised. */
  history?: readonly HistoryEntry[] | undefined;
  /** When the evidence text was typed or received, beside the evidence date (when it was true). */
  evidenceEnteredAt?: string | undefined;
  errors: FieldErrors<AnswerFields> | undefined;
}

const effectLabel: Record<Effect, string> = {
  prevent: 'Prevents',
  detect: 'Detects',
  hunt: 'Hunts for the traces of (periodic, so it does not count as a detection in place)',
  respond: 'Response: decides whether an eviction holds; stops no phase by itself',
  foundation: 'Foundation: other controls depend on it; stops no phase by itself',
};

function WhyItMatters({ set, question }: { set: QuestionSet; question: Question }) {
  const { source: sources, recommendation: recommendations, phaseTitle } = setIndex(set);
  const cited = question.sources.map((id) => sources.get(id)).filter((s) => s !== undefined);
  return (
    <details className="why">
      <summary>Why this matters</summary>
      <p>{question.help}</p>
      <dl className="trace">
        <dt>Sources</dt>
        <dd>
          {cited.length === 0 ? (
            'None: the text above is reasoning, not a finding of the reports.'
          ) : (
            <ul className="plain">
              {cited.map((source) => (
                <li key={source.id}>
                  <span className="mono">{source.id}</span> {source.publisher}, &ldquo;
                  {source.title}
                  &rdquo;{source.date ? `, ${source.date}` : ''}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {question.kind === 'control' && (
          <>
            <dt>Recommendations</dt>
            <dd>
              <ul className="plain">
                {question.recommendations.map((id) => {
                  const recommendation = recommendations.get(id);
                  return (
                    <li key={id}>
                      {recommendation
                        ? `${recommendationRef(recommendation)} ${recommendation.title}`
                        : id}
                      {recommendation?.quote && (
                        <span className="muted">
                          {' '}
                          (the report: &ldquo;{recommendation.quote}&rdquo;)
                        </span>
                      )}
                      {recommendation?.unverified && (
                        <span className="muted"> (* {unverifiedNote})</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </dd>
            <dt>What it does</dt>
            <dd>
              {question.effect.map((effect) => effectLabel[effect]).join(' and ')}
              {question.phases.length > 0 &&
                `: ${question.phases.map((id) => `${id} ${phaseTitle.get(id) ?? ''}`).join('; ')}`}
            </dd>
            {question.attack.length > 0 && (
              <>
                <dt>ATT&amp;CK techniques</dt>
                <dd>
                  <ul className="plain">
                    {question.attack.map((id) => (
                      <li key={id}>
                        <span className="mono">{id}</span> {set.techniques[id]?.name}
                        {set.techniques[id]?.ownMapping && (
                          <span className="muted">
                            {' '}
                            (our own mapping: {set.techniques[id]?.ownMapping})
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {question.requires.length > 0 && (
              <>
                <dt>Requires</dt>
                <dd>
                  <ul className="plain">
                    {question.requires.map((requirement) => (
                      <li key={requirement.anyOf.join()}>
                        {requirement.anyOf.join(' or ')}: {requirement.why}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt>Weight</dt>
            <dd>
              {question.weight} of 5: {question.weightReason}
            </dd>
            {question.critical && (
              <>
                <dt>Critical because</dt>
                <dd>{question.criticalReason}</dd>
              </>
            )}
          </>
        )}
      </dl>
    </details>
  );
}

/**
 * One question: a fieldset whose legend is the question, its graded options, and its notes. Each
 * free-text field takes the direction of its first letter (dir="auto"): a note in Arabic or Hebrew
 * runs right to left, one in English left to right.
 */
export const QuestionCard = memo(function QuestionCard({
  set,
  question,
  register,
  choice,
  hasDetails,
  unconfirmedFrom,
  onConfirm,
  staleEvidence,
  staleEvidenceDays,
  history,
  evidenceEnteredAt,
  errors,
}: QuestionCardProps) {
  const base = `answers.${question.id}` as const;
  const isNa = choice === 'na';
  const noteId = `${question.id}-note`;
  const reasonId = `${question.id}-na-reason`;
  const enteredId = `${question.id}-evidence-entered`;
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
        {question.audience && (
          <span className="tag audience">For {audienceLabel(question.audience)}</span>
        )}
        {unconfirmedFrom !== undefined && (
          <span className="tag carried">{unconfirmedFrom}: confirm or change</span>
        )}
        {staleEvidence && (
          <span className="tag stale">
            Evidence older than {staleEvidenceDays} days or undated: check it again
          </span>
        )}
      </legend>
      {unconfirmedFrom !== undefined && (
        <button
          type="button"
          className="button confirm-one"
          aria-label={`Confirm as it is: ${question.id}`}
          onClick={() => onConfirm(question.id)}
        >
          Confirm as it is
        </button>
      )}
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
      <WhyItMatters set={set} question={question} />
      <AnswerHistory
        history={history ?? []}
        options={question.options}
        formatDateTime={formatDateTime}
      />
      {/* Always registered, shown only for N/A: choosing N/A checks it at once (DomainStep). */}
      {question.kind === 'control' && (
        <div className="field" hidden={!isNa}>
          <label htmlFor={reasonId}>Reason it does not apply (required)</label>
          <textarea
            id={reasonId}
            rows={2}
            dir="auto"
            aria-invalid={errors?.naReason ? true : undefined}
            aria-describedby={errors?.naReason ? `${reasonId}-error` : undefined}
            {...limitedField(
              register,
              `${base}.naReason`,
              'naReason',
              (reason, values) =>
                values.answers[question.id]?.choice !== 'na' ||
                String(reason).trim() !== '' ||
                'Say why this control does not apply; without a reason it counts as not in place.',
            )}
          />
          {isNa && errors?.naReason && (
            <p id={`${reasonId}-error`} className="field-error">
              {errors.naReason.message}
            </p>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor={noteId}>Note</label>
        <textarea
          id={noteId}
          rows={2}
          dir="auto"
          {...limitedField(register, `${base}.note`, 'note')}
        />
      </div>
      {isNa && question.kind === 'control' && question.critical && (
        <div className="compensation">
          <p className="small">
            This is a critical control. Without a compensating control and the name of whoever
            accepted the risk, &ldquo;Not applicable&rdquo; counts as a gap.
          </p>
          <div className="field">
            <label htmlFor={`${question.id}-compensating`}>
              Compensating control (what stands in for it)
            </label>
            <textarea
              id={`${question.id}-compensating`}
              rows={2}
              dir="auto"
              {...limitedField(register, `${base}.compensatingControl`, 'compensatingControl')}
            />
          </div>
          <div className="field">
            <label htmlFor={`${question.id}-accepted-by`}>Risk accepted by (name and role)</label>
            <input
              id={`${question.id}-accepted-by`}
              dir="auto"
              {...limitedField(register, `${base}.riskAcceptedBy`, 'riskAcceptedBy')}
            />
          </div>
        </div>
      )}
      {question.kind === 'control' && (
        <details className="more-fields" open={hasDetails}>
          <summary>Evidence, owner and due date</summary>
          <div className="field">
            <label htmlFor={`${question.id}-evidence`}>Evidence</label>
            <textarea
              id={`${question.id}-evidence`}
              rows={2}
              dir="auto"
              {...limitedField(register, `${base}.evidence`, 'evidence')}
            />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${question.id}-evidence-date`}>Evidence date</label>
              <input
                id={`${question.id}-evidence-date`}
                type="date"
                aria-describedby={evidenceEnteredAt ? enteredId : undefined}
                {...register(`${base}.evidenceDate`)}
              />
              {evidenceEnteredAt && (
                <p id={enteredId} className="hint">
                  Evidence entered {formatDate(evidenceEnteredAt)}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor={`${question.id}-owner`}>Owner</label>
              <input
                id={`${question.id}-owner`}
                dir="auto"
                {...limitedField(register, `${base}.owner`, 'owner')}
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

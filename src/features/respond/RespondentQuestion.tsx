import { memo } from 'react';
import { textLimits } from '../../core/assessment/limits.ts';
import type { CurrentAnswer, QuestionnaireQuestion } from '../../core/delegation/questionnaire.ts';
import { respondentFields } from '../../core/delegation/fields.ts';
import type { ResponseAnswer } from '../../core/delegation/schema.ts';
import { choiceLabel, universalChoiceLabels } from '../../core/questionSet/choiceLabel.ts';
import { formatDate } from '../../core/format.ts';
import type { AnswerChange } from '../../store/index.ts';

interface RespondentQuestionProps {
  question: QuestionnaireQuestion;
  answer: ResponseAnswer | undefined;
  /** Stable, so that only the card whose answer changed renders again. */
  onAnswer: (questionId: string, change: AnswerChange) => void;
}

interface Choice {
  id: string;
  label: string;
  criteria?: string | undefined;
}

const notApplicable: Choice = {
  id: 'na',
  label: universalChoiceLabels.na,
  criteria: 'This control does not apply to your scope; say why below.',
};
const dontKnow: Choice = {
  id: 'unknown',
  label: universalChoiceLabels.unknown,
  criteria: 'Nobody could confirm it yet. Counts as not in place until verified.',
};

/** Every answer a question takes: its options, "Not applicable" (controls only) and "Don't know". */
export function choicesOf(question: QuestionnaireQuestion): Choice[] {
  return [...question.options, ...(question.kind === 'control' ? [notApplicable] : []), dontKnow];
}

function CurrentAnswerNote({
  question,
  current,
  canKeep,
  onKeep,
}: {
  question: QuestionnaireQuestion;
  current: CurrentAnswer;
  canKeep: boolean;
  onKeep: () => void;
}) {
  return (
    <div className="current-answer">
      <p>
        <strong>Answer in the assessment now:</strong>{' '}
        {current.choice ? choiceLabel(question, current.choice) : 'none yet'}
      </p>
      {current.naReason && (
        <p>
          Reason it does not apply: <span dir="auto">{current.naReason}</span>
        </p>
      )}
      {current.note && (
        <p>
          Note: <span dir="auto">{current.note}</span>
        </p>
      )}
      {current.evidence && (
        <p>
          Evidence: <span dir="auto">{current.evidence}</span>
          {current.evidenceDate ? ` (${formatDate(current.evidenceDate)})` : ''}
        </p>
      )}
      {canKeep && current.choice && (
        <button
          type="button"
          className="button keep-current"
          aria-label={`Keep the current answer: ${question.id}`}
          onClick={onKeep}
        >
          Keep the current answer
        </button>
      )}
    </div>
  );
}

/**
 * One question as the respondent answers it, from the questionnaire's own copy of the question:
 * its options with their criteria, "Not applicable" with its required reason, "Don't know", a
 * note and, for controls, the evidence and its date. Every change goes to the store at once.
 */
export const RespondentQuestion = memo(function RespondentQuestion({
  question,
  answer,
  onAnswer,
}: RespondentQuestionProps) {
  const id = question.id;
  const choice = answer?.choice ?? '';
  const isNa = choice === 'na';
  const isControl = question.kind === 'control';
  const reasonMissing = isNa && !answer?.naReason?.trim();
  const reasonId = `${id}-na-reason`;
  const change = (field: keyof AnswerChange) => (value: string) => onAnswer(id, { [field]: value });
  const keepCurrent = () => {
    const current = question.current;
    if (!current) return;
    onAnswer(
      id,
      Object.fromEntries(
        respondentFields.flatMap((field) => (current[field] ? [[field, current[field]]] : [])),
      ),
    );
  };
  return (
    <fieldset className="question" id={`question-${id}`}>
      <legend>
        <span className="question-id">{id}</span>{' '}
        <span className="question-text">{question.text}</span>
        {isControl && question.critical && <span className="tag critical">Critical control</span>}
        {question.kind === 'scope' && <span className="tag">Scoping question</span>}
      </legend>
      {question.current && (
        <CurrentAnswerNote
          question={question}
          current={question.current}
          canKeep={!choice}
          onKeep={keepCurrent}
        />
      )}
      <div className="options">
        {choicesOf(question).map((option) => {
          const optionId = `${id}-${option.id}`;
          return (
            <div
              key={option.id}
              className={`option${option.id === 'na' || option.id === 'unknown' ? ' universal' : ''}${option.id === choice ? ' selected' : ''}`}
            >
              <input
                type="radio"
                id={optionId}
                name={`${id}-choice`}
                value={option.id}
                checked={option.id === choice}
                aria-labelledby={`${optionId}-label`}
                aria-describedby={option.criteria ? `${optionId}-criteria` : undefined}
                onChange={() => onAnswer(id, { choice: option.id })}
              />
              <label htmlFor={optionId}>
                <span id={`${optionId}-label`} className="option-label">
                  {option.label}
                </span>
                {option.criteria && (
                  <span id={`${optionId}-criteria`} className="option-criteria">
                    {option.criteria}
                  </span>
                )}
              </label>
            </div>
          );
        })}
      </div>
      {isControl && isNa && (
        <div className="field">
          <label htmlFor={reasonId}>Reason it does not apply (required)</label>
          <textarea
            id={reasonId}
            rows={2}
            dir="auto"
            required
            maxLength={textLimits.naReason}
            value={answer?.naReason ?? ''}
            aria-invalid={reasonMissing ? true : undefined}
            aria-describedby={reasonMissing ? `${reasonId}-error` : undefined}
            onChange={(event) => change('naReason')(event.target.value)}
          />
          {reasonMissing && (
            <p id={`${reasonId}-error`} className="field-error">
              Say why this control does not apply: without a reason, &ldquo;Not applicable&rdquo;
              does not count as an answer.
            </p>
          )}
        </div>
      )}
      {isControl && isNa && question.critical && (
        <div className="compensation">
          <p className="small">
            This is a critical control: say what stands in for it, or &ldquo;Not applicable&rdquo;
            counts as a gap.
          </p>
          <div className="field">
            <label htmlFor={`${id}-compensating`}>
              Compensating control (what stands in for it)
            </label>
            <textarea
              id={`${id}-compensating`}
              rows={2}
              dir="auto"
              maxLength={textLimits.compensatingControl}
              value={answer?.compensatingControl ?? ''}
              onChange={(event) => change('compensatingControl')(event.target.value)}
            />
          </div>
        </div>
      )}
      <details className="why">
        <summary>Why this matters</summary>
        <p>{question.help}</p>
      </details>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          dir="auto"
          maxLength={textLimits.note}
          value={answer?.note ?? ''}
          onChange={(event) => change('note')(event.target.value)}
        />
      </div>
      {isControl && (
        <div className="field-row">
          <div className="field evidence-field">
            <label htmlFor={`${id}-evidence`}>Evidence</label>
            <textarea
              id={`${id}-evidence`}
              rows={2}
              dir="auto"
              maxLength={textLimits.evidence}
              value={answer?.evidence ?? ''}
              aria-describedby={`${id}-evidence-hint`}
              onChange={(event) => change('evidence')(event.target.value)}
            />
            <p id={`${id}-evidence-hint`} className="hint">
              What shows it: a document, a report or a system, by name (not the file itself).
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-evidence-date`}>Evidence date</label>
            <input
              id={`${id}-evidence-date`}
              type="date"
              value={answer?.evidenceDate ?? ''}
              onChange={(event) => change('evidenceDate')(event.target.value)}
            />
          </div>
        </div>
      )}
    </fieldset>
  );
});

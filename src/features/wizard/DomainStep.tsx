import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { setTitle } from '../../content/questionSets.ts';
import type { Answer } from '../../core/assessment/model.ts';
import { isEvidenceStale, unconfirmedOrigin } from '../../core/cycles/cycles.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import { visibleQuestionIds } from '../../core/scoring/visibility.ts';
import { hrefs } from '../../routing/routes.ts';
import { useAssessments, useSaveStatus } from '../../store/index.ts';
import { QuestionCard, type AnswerFields, type StepValues } from './QuestionCard.tsx';
import './wizard.css';

interface DomainStepProps {
  set: QuestionSet;
  assessmentId: string;
  domainId: string;
  answers: Readonly<Record<string, Answer>>;
  /** The cycle carried-over answers came from, when this assessment was carried forward. */
  carriedFrom?: string;
  focusQuestionId?: string | undefined;
}

const answerFields = [
  'choice',
  'note',
  'naReason',
  'evidence',
  'evidenceDate',
  'owner',
  'due',
  'compensatingControl',
  'riskAcceptedBy',
] as const satisfies readonly (keyof AnswerFields)[];

function toFields(answer: Answer | undefined): AnswerFields {
  return {
    choice: answer?.choice ?? '',
    note: answer?.note ?? '',
    naReason: answer?.naReason ?? '',
    evidence: answer?.evidence ?? '',
    evidenceDate: answer?.evidenceDate ?? '',
    owner: answer?.owner ?? '',
    due: answer?.due ?? '',
    compensatingControl: answer?.compensatingControl ?? '',
    riskAcceptedBy: answer?.riskAcceptedBy ?? '',
  };
}

const capitalised = (text: string | undefined) =>
  text && `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** One domain's questions as one react-hook-form form; every change goes straight to the store. */
export function DomainStep({
  set,
  assessmentId,
  domainId,
  answers,
  carriedFrom,
  focusQuestionId,
}: DomainStepProps) {
  const updateAnswer = useAssessments((state) => state.updateAnswer);
  const confirmAnswers = useAssessments((state) => state.confirmAnswers);
  const staleEvidenceDays = useAssessments((state) => state.settings.staleEvidenceDays);
  const domainIndex = set.domains.findIndex((d) => d.id === domainId);
  const domain = set.domains[domainIndex];
  const questions = useMemo(
    () => set.questions.filter((q) => q.domain === domainId),
    [set, domainId],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  // The button goes with the mark: the keyboard stays on the question it confirmed.
  const confirmOne = useCallback(
    (questionId: string) => {
      confirmAnswers(assessmentId, [questionId]);
      document.getElementById(`question-${questionId}`)?.focus();
    },
    [confirmAnswers, assessmentId],
  );

  const externalChanges = useSaveStatus((state) => state.externalChanges);
  const { register, subscribe, trigger, setValue, reset, formState } = useForm<StepValues>({
    mode: 'onChange',
    // Read once: from here on the form is the source of truth for this step, mirrored into the store.
    defaultValues: {
      answers: Object.fromEntries(questions.map((q) => [q.id, toFields(answers[q.id])])),
    },
  });

  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values, name }) => {
          const [, questionId, field] = name?.split('.') ?? [];
          if (!questionId || !answerFields.includes(field as keyof AnswerFields)) return;
          const value = values.answers[questionId]?.[field as keyof AnswerFields] ?? '';
          updateAnswer(assessmentId, questionId, { [field as keyof AnswerFields]: value });
          if (field === 'choice') void trigger(`answers.${questionId}.naReason`);
          // New evidence is dated today unless the assessor gives another date.
          if (field === 'evidence' && value && !values.answers[questionId]?.evidenceDate) {
            setValue(`answers.${questionId}.evidenceDate`, new Date().toISOString().slice(0, 10));
          }
        },
      }),
    [subscribe, trigger, setValue, updateAnswer, assessmentId],
  );

  // Another tab changed this assessment: show its answers, but keep what is being typed here.
  useEffect(() => {
    if (externalChanges === 0) return;
    const latest = useAssessments.getState().assessments[assessmentId]?.assessment.answers ?? {};
    reset(
      { answers: Object.fromEntries(questions.map((q) => [q.id, toFields(latest[q.id])])) },
      { keepDirtyValues: true, keepErrors: true },
    );
  }, [externalChanges, questions, reset, assessmentId]);

  useEffect(() => {
    const target = focusQuestionId
      ? document.getElementById(`question-${focusQuestionId}`)
      : heading.current;
    target?.focus();
    if (focusQuestionId) target?.scrollIntoView?.({ block: 'start' });
  }, [focusQuestionId]);

  const visible = useMemo(() => visibleQuestionIds(set, answers), [set, answers]);
  if (!domain) return null;
  const previous = set.domains[domainIndex - 1];
  const next = set.domains[domainIndex + 1];
  const shown = questions.filter((q) => visible.has(q.id));
  const hiddenCount = questions.length - shown.length;
  const carried = shown.filter((q) => answers[q.id]?.carriedOver).map((q) => q.id);
  const originOf = (questionId: string) => {
    const answer = answers[questionId];
    return answer?.carriedOver ? unconfirmedOrigin(answer, carriedFrom, setTitle) : undefined;
  };
  const origins = [...new Set(carried.map(originOf))].join(' and ');
  const taken = carried.filter((id) => answers[id]?.takenFrom).length;
  const confirmWhat =
    taken === 0 ? 'carried-over' : taken === carried.length ? 'taken' : 'unconfirmed';
  const today = new Date();

  return (
    <section className="domain-step" aria-labelledby="step-title">
      <p className="step-position">
        Step {domainIndex + 1} of {set.domains.length}
      </p>
      <h2 id="step-title" ref={heading} tabIndex={-1}>
        {domain.title}
      </h2>
      <p className="lead">{domain.summary}</p>
      {set.definitions.length > 0 && (
        <details className="definitions">
          <summary>How to read the options</summary>
          <dl className="trace">
            {set.definitions.map((definition) => (
              <div key={definition.term} className="definition">
                <dt>{definition.term}</dt>
                <dd>{definition.meaning}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {carried.length > 0 && (
        <div className="notice carried-notice">
          <p>
            {carried.length} answer
            {carried.length === 1 ? ' in this step was' : 's in this step were'} {origins}. Change
            any that no longer hold, then confirm the rest.
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              confirmAnswers(assessmentId, carried);
              // The button goes with the notice: keep the keyboard in the step, at its heading.
              heading.current?.focus();
            }}
          >
            Confirm{' '}
            {carried.length === 1
              ? `the ${confirmWhat} answer`
              : `all ${carried.length} ${confirmWhat} answers`}{' '}
            in this step
          </button>
        </div>
      )}
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        {shown.map((question) => {
          const answer = answers[question.id];
          return (
            <QuestionCard
              key={question.id}
              set={set}
              question={question}
              register={register}
              choice={answer?.choice ?? ''}
              hasDetails={Boolean(answer?.evidence || answer?.owner || answer?.due)}
              unconfirmedFrom={capitalised(originOf(question.id))}
              onConfirm={confirmOne}
              staleEvidence={isEvidenceStale(answer, today, staleEvidenceDays)}
              staleEvidenceDays={staleEvidenceDays}
              history={answer?.history}
              evidenceEnteredAt={answer?.evidenceEnteredAt}
              errors={formState.errors.answers?.[question.id]}
            />
          );
        })}
      </form>
      {hiddenCount > 0 && (
        <p className="muted small">
          {hiddenCount} question{hiddenCount === 1 ? ' is' : 's are'} hidden because a scoping
          answer says {hiddenCount === 1 ? 'it does' : 'they do'} not apply.
        </p>
      )}
      <div className="step-nav">
        {previous ? (
          <a className="button" href={hrefs.step(assessmentId, previous.id)}>
            Back: {previous.title}
          </a>
        ) : (
          <a className="button" href={hrefs.home()}>
            Back to all assessments
          </a>
        )}
        {next ? (
          <a className="button primary" href={hrefs.step(assessmentId, next.id)}>
            Next: {next.title}
          </a>
        ) : (
          <a className="button primary" href={hrefs.review(assessmentId)}>
            Next: Review
          </a>
        )}
      </div>
    </section>
  );
}

import { useEffect, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { questionSet } from '../../content/questionSet.ts';
import type { Answer } from '../../core/assessment/model.ts';
import { visibleQuestionIds } from '../../core/scoring/visibility.ts';
import { hrefs } from '../../routing/routes.ts';
import { useAssessments } from '../../store/index.ts';
import { QuestionCard, type AnswerFields, type StepValues } from './QuestionCard.tsx';

interface DomainStepProps {
  assessmentId: string;
  domainId: string;
  answers: Readonly<Record<string, Answer>>;
  focusQuestionId?: string;
}

const answerFields = [
  'choice',
  'note',
  'evidence',
  'owner',
  'due',
] as const satisfies readonly (keyof AnswerFields)[];

function toFields(answer: Answer | undefined): AnswerFields {
  return {
    choice: answer?.choice ?? '',
    note: answer?.note ?? '',
    evidence: answer?.evidence ?? '',
    owner: answer?.owner ?? '',
    due: answer?.due ?? '',
  };
}

/** One domain's questions as one react-hook-form form; every change goes straight to the store. */
export function DomainStep({ assessmentId, domainId, answers, focusQuestionId }: DomainStepProps) {
  const updateAnswer = useAssessments((state) => state.updateAnswer);
  const domainIndex = questionSet.domains.findIndex((d) => d.id === domainId);
  const domain = questionSet.domains[domainIndex];
  const questions = useMemo(
    () => questionSet.questions.filter((q) => q.domain === domainId),
    [domainId],
  );
  const heading = useRef<HTMLHeadingElement>(null);

  const { register, subscribe, trigger, formState } = useForm<StepValues>({
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
          if (field === 'choice') void trigger(`answers.${questionId}.note`);
        },
      }),
    [subscribe, trigger, updateAnswer, assessmentId],
  );

  useEffect(() => {
    const target = focusQuestionId
      ? document.getElementById(`question-${focusQuestionId}`)
      : heading.current;
    target?.focus();
    if (focusQuestionId) target?.scrollIntoView?.({ block: 'start' });
  }, [focusQuestionId]);

  const visible = useMemo(() => visibleQuestionIds(questionSet, answers), [answers]);
  if (!domain) return null;
  const previous = questionSet.domains[domainIndex - 1];
  const next = questionSet.domains[domainIndex + 1];
  const shown = questions.filter((q) => visible.has(q.id));
  const hiddenCount = questions.length - shown.length;

  return (
    <section className="domain-step" aria-labelledby="step-title">
      <p className="step-position">
        Step {domainIndex + 1} of {questionSet.domains.length}
      </p>
      <h2 id="step-title" ref={heading} tabIndex={-1}>
        {domain.title}
      </h2>
      <p className="lead">{domain.summary}</p>
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        {shown.map((question) => {
          const answer = answers[question.id];
          return (
            <QuestionCard
              key={question.id}
              question={question}
              register={register}
              choice={answer?.choice ?? ''}
              hasDetails={Boolean(answer?.evidence || answer?.owner || answer?.due)}
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

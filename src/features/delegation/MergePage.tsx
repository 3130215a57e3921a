import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { OutcomeNotice, type Outcome } from '../../components/OutcomeNotice.tsx';
import { AssessmentName } from '../../components/UserText.tsx';
import { questionSetById } from '../../content/questionSets.ts';
import type { Answer } from '../../core/assessment/model.ts';
import { pendingMerge, type MergeDecision, type MergeItem } from '../../core/delegation/merge.ts';
import { attributionOf } from '../../core/delegation/attribution.ts';
import type { ResponseAnswer } from '../../core/delegation/schema.ts';
import { formatDate } from '../../core/format.ts';
import { choiceLabel } from '../../core/questionSet/choiceLabel.ts';
import type { Question, QuestionSet } from '../../core/questionSet/schema.ts';
import { listJoin, plural } from '../../core/text.ts';
import { hrefs } from '../../routing/routes.ts';
import { useAssessments } from '../../store/index.ts';
import './delegation.css';

/** One side of an answer, as the merge review shows it. */
function AnswerSide({
  title,
  question,
  answer,
}: {
  title: ReactNode;
  question: Question | undefined;
  answer: Partial<Answer> | ResponseAnswer | undefined;
}) {
  return (
    <div>
      <h4>{title}</h4>
      <p>
        <strong>{choiceLabel(question, answer?.choice)}</strong>
      </p>
      {answer?.naReason && (
        <p className="small">
          Why not applicable: <bdi>{answer.naReason}</bdi>
        </p>
      )}
      {answer?.note && (
        <p className="small pre-line">
          Note: <bdi>{answer.note}</bdi>
        </p>
      )}
      {answer?.evidence && (
        <p className="small pre-line">
          Evidence: <bdi>{answer.evidence}</bdi>
          {answer.evidenceDate && ` (of ${formatDate(answer.evidenceDate)})`}
        </p>
      )}
    </div>
  );
}

const kindWords: Record<MergeItem['kind'], string> = {
  new: 'new: you had no answer',
  adds: 'the same answer, with a note or evidence you did not have',
  same: 'the same as yours',
  conflict: 'differs from yours',
};

/** "Current answer", saying whose it is when somebody else gave it (another assignee, say). */
function currentTitle(mine: Answer | undefined): ReactNode {
  const answered = attributionOf(mine)?.answered;
  return answered && answered.via !== 'lead' ? (
    <>
      Current answer (<bdi>{answered.by}</bdi>, {formatDate(answered.at)})
    </>
  ) : (
    'Current answer'
  );
}

function questionOf(set: QuestionSet, id: string) {
  return set.questions.find((q) => q.id === id);
}

/**
 * The lead's review of a returned response: answers to unanswered questions are taken; each answer
 * that differs from the lead's is shown mine / theirs with both notes, and nothing is overwritten
 * until the lead chooses for it.
 */
export function MergePage({ id, assigneeId }: { id: string; assigneeId: string }) {
  const stored = useAssessments((state) => state.assessments[id]);
  const mergeResponse = useAssessments((state) => state.mergeResponse);
  const [decisions, setDecisions] = useState<Record<string, MergeDecision>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const set = stored ? questionSetById(stored.assessment.questionSet.id) : undefined;
  const pending = useMemo(
    () => (stored && set ? pendingMerge(stored.assessment, set, assigneeId) : undefined),
    [stored, set, assigneeId],
  );
  useEffect(() => heading.current?.focus(), []);
  if (!stored || !set) return <p>There is no such assessment in this browser.</p>;
  const assignee = stored.assessment.delegation?.assignees.find((a) => a.id === assigneeId);
  if (!assignee) return <p>Nobody by that name has questions of this assessment.</p>;
  const name = assignee.name;
  const items = pending?.items ?? [];
  const conflicts = items.filter((item) => item.kind === 'conflict');
  const taken = items.filter((item) => item.kind === 'new' || item.kind === 'adds');
  const same = items.filter((item) => item.kind === 'same');
  const lastMerged = assignee.rounds.at(-1)?.responses.findLast((r) => r.mergedAt);

  const merge = () => {
    const undecided = conflicts.filter((c) => !decisions[c.questionId]).map((c) => c.questionId);
    setMissing(undecided);
    if (undecided.length > 0) {
      setOutcome({
        ok: false,
        message: (
          <>
            Choose for {plural(undecided.length, 'question')} whether to take <bdi>{name}</bdi>’s
            answer or keep yours.
          </>
        ),
      });
      document.getElementById(`merge-${undecided[0] ?? ''}`)?.focus();
      return;
    }
    const merged = mergeResponse(id, assigneeId, decisions);
    setOutcome(
      merged.ok
        ? {
            ok: true,
            message: (
              <>
                Merged:{' '}
                {plural(
                  taken.length +
                    conflicts.filter((c) => decisions[c.questionId] === 'theirs').length,
                  'answer',
                )}{' '}
                taken from <bdi>{name}</bdi>. Each records that <bdi>{name}</bdi> gave it and you
                merged it.
              </>
            ),
          }
        : { ok: false, message: merged.problems.map((p) => p.message).join(' ') },
    );
    heading.current?.focus();
  };

  return (
    <section className="narrow merge-page" aria-labelledby="merge-title">
      <p>
        <a href={hrefs.delegate(id)}>Back to the people answering</a>
      </p>
      <h1 id="merge-title" ref={heading} tabIndex={-1}>
        Merge <bdi>{name}</bdi>’s answers
      </h1>
      <p className="lead">
        <AssessmentName assessment={stored.assessment} />
      </p>
      <OutcomeNotice outcome={outcome} />
      {!pending ? (
        <p>
          {lastMerged?.mergedAt ? (
            <>
              <bdi>{name}</bdi>’s response was merged on {formatDate(lastMerged.mergedAt)}; nothing
              waits to be merged.
            </>
          ) : (
            <>
              No response from <bdi>{name}</bdi> waits to be merged. Import their response file on
              the import page.
            </>
          )}{' '}
          <a href={hrefs.review(id)}>Review the assessment</a>
        </p>
      ) : (
        <>
          <p>
            Answered by <bdi>{name}</bdi> on {formatDate(pending.response.respondedAt)}, imported{' '}
            {formatDate(pending.response.importedAt)} (round {pending.round.round}):{' '}
            {plural(taken.length, 'answer')} to take,{' '}
            {plural(conflicts.length, 'answer that differs', 'answers that differ')} from the
            current ones, {same.length} the same as the current ones.
          </p>
          {conflicts.length > 0 && (
            <>
              <h2>
                Where <bdi>{name}</bdi>’s answer differs from the current one
              </h2>
              <p>
                Nothing changes unless you choose to take theirs; taken, their answer replaces the
                current one whole, note and evidence included.
              </p>
              {conflicts.map((item) => {
                const question = questionOf(set, item.questionId);
                const fieldsetId = `merge-${item.questionId}`;
                const unanswered = missing.includes(item.questionId) && !decisions[item.questionId];
                return (
                  <fieldset
                    key={item.questionId}
                    id={fieldsetId}
                    tabIndex={-1}
                    className="panel merge-item"
                    aria-invalid={unanswered || undefined}
                    aria-describedby={unanswered ? `${fieldsetId}-error` : undefined}
                  >
                    <legend>
                      {item.questionId} {question?.title}
                    </legend>
                    <div className="merge-sides">
                      <AnswerSide
                        title={currentTitle(item.mine)}
                        question={question}
                        answer={item.mine}
                      />
                      <AnswerSide
                        title={
                          <>
                            <bdi>{name}</bdi>’s, {formatDate(item.theirs.answeredAt)}
                          </>
                        }
                        question={question}
                        answer={item.theirs}
                      />
                    </div>
                    <div
                      className="merge-choices"
                      role="radiogroup"
                      aria-label={`For ${item.questionId}`}
                    >
                      {(
                        [
                          [
                            'theirs',
                            <>
                              Take <bdi>{name}</bdi>’s answer
                            </>,
                          ],
                          ['mine', 'Keep mine'],
                          ...(item.theirs.note
                            ? [
                                [
                                  'mine-and-note',
                                  <>
                                    Keep mine and add <bdi>{name}</bdi>’s note
                                  </>,
                                ],
                              ]
                            : []),
                        ] as [MergeDecision, ReactNode][]
                      ).map(([decision, label]) => (
                        <label key={decision} className="check-option">
                          <input
                            type="radio"
                            name={`decision-${item.questionId}`}
                            value={decision}
                            checked={decisions[item.questionId] === decision}
                            onChange={() =>
                              setDecisions((current) => ({
                                ...current,
                                [item.questionId]: decision,
                              }))
                            }
                          />
                          <span>{label}</span>
                        </label>
                      ))}
                    </div>
                    {unanswered && (
                      <p id={`${fieldsetId}-error`} className="field-error">
                        Choose one.
                      </p>
                    )}
                  </fieldset>
                );
              })}
            </>
          )}
          {taken.length > 0 && (
            <details>
              <summary>{plural(taken.length, 'answer')} to take as they are</summary>
              <ul>
                {taken.map((item) => {
                  const question = questionOf(set, item.questionId);
                  return (
                    <li key={item.questionId}>
                      {item.questionId} {question?.title}:{' '}
                      {choiceLabel(question, item.theirs.choice)}{' '}
                      <span className="muted small">({kindWords[item.kind]})</span>
                    </li>
                  );
                })}
              </ul>
            </details>
          )}
          {pending.leftOpen.length > 0 && (
            <p className="notice warning">
              <bdi>{name}</bdi> left {plural(pending.leftOpen.length, 'question')} unanswered (
              {listJoin(pending.leftOpen)}): they stay as they are; answer them yourself or send{' '}
              <bdi>{name}</bdi> a new questionnaire.
            </p>
          )}
          <div className="button-row">
            <button type="button" className="button primary" onClick={merge}>
              {/* One span: in the flex .button, a bare <bdi> and the text beside it would each be
                  a flex item, and the spaces between them would go. */}
              <span>
                Merge <bdi>{name}</bdi>’s answers
              </span>
            </button>
          </div>
        </>
      )}
    </section>
  );
}

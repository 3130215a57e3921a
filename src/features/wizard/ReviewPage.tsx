import { useEffect, useMemo, useRef } from 'react';
import type { Answer } from '../../core/assessment/model.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import { answerStatus, type AnswerStatus } from '../../core/scoring/answerStatus.ts';
import { isEvidenceStale } from '../../core/cycles/cycles.ts';
import { visibleQuestionIds } from '../../core/scoring/visibility.ts';
import { listJoin, plural } from '../../core/text.ts';
import { DelegationTable } from '../../components/DelegationTable.tsx';
import type { DomainDelegation } from '../../core/delegation/status.ts';
import { useAssessments } from '../../store/index.ts';
import { hrefs } from '../../routing/routes.ts';
import './wizard.css';

const gapStatuses: Partial<Record<AnswerStatus, string>> = {
  unanswered: 'Not answered',
  unknown: "Don't know",
  'na-without-reason': 'Not applicable, no reason given',
  'na-uncompensated': 'Critical, not applicable without a compensating control',
};

/** Counted as the stepper and the results count them, so that the three agree. */
function describeOpen(statuses: readonly AnswerStatus[]): string {
  const count = (...kinds: AnswerStatus[]) => statuses.filter((s) => kinds.includes(s)).length;
  const unanswered = count('unanswered', 'na-without-reason');
  const unverified = count('unknown');
  const uncompensated = count('na-uncompensated');
  const parts = [
    unanswered > 0
      ? plural(unanswered, 'question is not answered', 'questions are not answered')
      : '',
    unverified > 0
      ? plural(unverified, 'answer is "Don\'t know"', 'answers are "Don\'t know"')
      : '',
    uncompensated > 0
      ? plural(
          uncompensated,
          'critical control is not applicable without a compensating control',
          'critical controls are not applicable without a compensating control',
        )
      : '',
  ].filter(Boolean);
  return `${listJoin(parts)}. You can finish now: each of them counts as not in place, and the results will say so.`;
}

/** Everything still open, with a way back to each; finishing with gaps is allowed and said plainly. */
export function ReviewPage({
  set,
  assessmentId,
  answers,
  delegation,
}: {
  set: QuestionSet;
  assessmentId: string;
  answers: Readonly<Record<string, Answer>>;
  /** Where each domain's delegated questions stand; empty when nothing is delegated. */
  delegation?: ReadonlyMap<string, DomainDelegation>;
}) {
  const open = useMemo(() => {
    const visible = visibleQuestionIds(set, answers);
    return set.questions
      .filter((q) => visible.has(q.id))
      .map((q) => ({ question: q, status: answerStatus(q, answers[q.id]) }))
      .filter((row) => row.status in gapStatuses);
  }, [set, answers]);
  const byDomain = set.domains
    .map((domain) => ({ domain, rows: open.filter((row) => row.question.domain === domain.id) }))
    .filter((group) => group.rows.length > 0);
  const staleEvidenceDays = useAssessments((state) => state.settings.staleEvidenceDays);
  const toRecheck = useMemo(() => {
    const visible = visibleQuestionIds(set, answers);
    const today = new Date();
    return set.questions
      .filter((q) => visible.has(q.id))
      .map((q) => ({
        question: q,
        carried: answers[q.id]?.carriedOver === true,
        taken: answers[q.id]?.takenFrom !== undefined,
        stale: isEvidenceStale(answers[q.id], today, staleEvidenceDays),
      }))
      .filter((row) => row.carried || row.stale);
  }, [set, answers, staleEvidenceDays]);
  const notApplicable = useMemo(() => {
    const visible = visibleQuestionIds(set, answers);
    return set.questions.filter(
      (q) => visible.has(q.id) && answerStatus(q, answers[q.id]) === 'na',
    );
  }, [set, answers]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="review" aria-labelledby="review-title">
      <h2 id="review-title" ref={heading} tabIndex={-1}>
        Review
      </h2>
      {open.length === 0 ? (
        <p className="lead">Every question is answered. The results are ready.</p>
      ) : (
        <>
          <p className="lead">{describeOpen(open.map((row) => row.status))}</p>
          {byDomain.map(({ domain, rows }) => (
            <div key={domain.id} className="review-group">
              <h3>{domain.title}</h3>
              <ul>
                {rows.map(({ question, status }) => (
                  <li key={question.id}>
                    <a href={hrefs.step(assessmentId, domain.id, question.id)}>
                      <span className="question-id">{question.id}</span> {question.text}
                    </a>{' '}
                    <span className="tag">{gapStatuses[status]}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
      {toRecheck.length > 0 && (
        <div className="review-group">
          <h3>To confirm or re-check ({toRecheck.length})</h3>
          <p className="muted">
            Answers carried over from the previous cycle or taken from another question set that
            nobody has confirmed yet, and evidence older than {staleEvidenceDays} days. They count
            as answered, but the results are only as current as they are.
          </p>
          <ul>
            {toRecheck.map(({ question, carried, taken, stale }) => (
              <li key={question.id}>
                <a href={hrefs.step(assessmentId, question.domain, question.id)}>
                  <span className="question-id">{question.id}</span> {question.text}
                </a>{' '}
                {carried && (
                  <span className="tag carried">
                    {taken ? 'Taken from another set' : 'Carried over'}
                  </span>
                )}
                {stale && <span className="tag stale">Evidence to re-check</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {delegation && delegation.size > 0 && (
        <div className="review-group">
          <h3>Questions sent to others</h3>
          <DelegationTable set={set} byDomain={delegation} />
          <p>
            <a href={hrefs.delegate(assessmentId)}>Follow up the people answering</a>
          </p>
        </div>
      )}
      {notApplicable.length > 0 && (
        <div className="review-group">
          <h3>Not applicable ({notApplicable.length})</h3>
          <p className="muted">
            These controls are left out of the score for the reasons given. Check that each reason
            still holds.
          </p>
          <ul className="na-reasons">
            {notApplicable.map((question) => (
              <li key={question.id}>
                <a href={hrefs.step(assessmentId, question.domain, question.id)}>
                  <span className="question-id">{question.id}</span> {question.text}
                </a>
                <p className="small">
                  Reason: <bdi>{answers[question.id]?.naReason}</bdi>
                  {answers[question.id]?.compensatingControl && (
                    <>
                      {' '}
                      · Compensating control: <bdi>{answers[question.id]?.compensatingControl}</bdi>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="step-nav">
        <a className="button" href={hrefs.step(assessmentId, set.domains.at(-1)?.id ?? '')}>
          Back
        </a>
        <a className="button primary" href={hrefs.results(assessmentId)}>
          {open.length === 0 ? 'See the results' : 'Finish with these gaps and see the results'}
        </a>
      </div>
    </section>
  );
}

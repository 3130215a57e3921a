import { useMemo, useState } from 'react';
import { withTheirSets } from '../../content/questionSets.ts';
import type { Assessment } from '../../core/assessment/model.ts';
import { sharedAnswers } from '../../core/cycles/sharedAnswers.ts';
import type { QuestionSet } from '../../core/questionSet/schema.ts';
import { setIndex } from '../../core/questionSet/setIndex.ts';
import { listJoin, plural } from '../../core/text.ts';
import { useAssessments } from '../../store/index.ts';

/** An answer's label as the question shows it. */
function choiceLabel(set: QuestionSet, questionId: string, choice: string | undefined): string {
  if (choice === undefined) return 'not answered';
  if (choice === 'unknown') return "Don't know";
  if (choice === 'na') return 'Not applicable';
  return (
    setIndex(set)
      .question.get(questionId)
      ?.options.find((o) => o.id === choice)?.label ?? choice
  );
}

/**
 * Offers the answers an assessment of another set (same organisation and scope) gives to the facts
 * both sets ask, so that nobody answers them twice. Taken answers stay marked until confirmed.
 */
export function SharedAnswersOffer({
  set,
  assessmentId,
  assessment,
  onTaken,
}: {
  set: QuestionSet;
  assessmentId: string;
  assessment: Assessment;
  /** Told once the answers are in the store, so that an open step can show them. */
  onTaken: () => void;
}) {
  const stored = useAssessments((state) => state.assessments);
  const takeAnswers = useAssessments((state) => state.takeAnswers);
  const [dismissed, setDismissed] = useState(false);
  const offers = useMemo(() => {
    const candidates = withTheirSets(Object.values(stored).map((s) => s.assessment));
    // An offer that would change nothing but where the answer came from is not worth a click.
    return sharedAnswers({ set, assessment }, candidates).filter(
      (offer) => offer.replaces?.choice !== offer.answer.choice,
    );
  }, [stored, set, assessment]);
  if (dismissed || offers.length === 0) return null;
  // The offer goes with its buttons: the keyboard resumes at the view's heading, not at the page's
  // top (an open step draws itself again and takes focus to its own heading).
  const resumeAtHeading = () =>
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('.assessment-content h2[tabindex="-1"]')?.focus(),
    );
  const overruled = offers.filter((offer) => offer.replaces && !offer.replaces.carriedOver).length;
  const sources = listJoin([
    ...new Set(offers.map((o) => `${o.source.set.title}, ${o.source.cycle}`)),
  ]);
  return (
    <section className="notice shared-offer" aria-labelledby="shared-offer-title">
      <h2 id="shared-offer-title">
        {plural(offers.length, 'answer', 'answers')} can be taken from {sources}
      </h2>
      <p>
        The same {offers.length === 1 ? 'fact is' : 'facts are'} asked there for this organisation
        and scope
        {overruled > 0 &&
          `; ${overruled === 1 ? 'one differs from an answer' : `${overruled} differ from answers`} confirmed here`}
        :
      </p>
      <ul>
        {offers.map((offer) => (
          <li key={offer.questionId}>
            <span className="question-id">{offer.questionId}</span> {offer.fact}: here{' '}
            <q>{choiceLabel(set, offer.questionId, offer.replaces?.choice)}</q>, there{' '}
            <q>{choiceLabel(set, offer.questionId, offer.answer.choice)}</q>{' '}
            <span className="muted">({offer.source.questionId})</span>
          </li>
        ))}
      </ul>
      <p className="muted small">
        Each taken answer is marked &ldquo;taken from&rdquo; until someone confirms or changes it,
        as carried-over answers are.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button primary"
          onClick={() => {
            takeAnswers(
              assessmentId,
              Object.fromEntries(offers.map((offer) => [offer.questionId, offer.answer])),
            );
            onTaken();
            resumeAtHeading();
          }}
        >
          Take {offers.length === 1 ? 'this answer' : `these ${offers.length} answers`}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDismissed(true);
            resumeAtHeading();
          }}
        >
          Not now
        </button>
      </div>
    </section>
  );
}

import { subjectIdentity } from '../assessment/identity.ts';
import type { Answer, Assessment } from '../assessment/model.ts';
import { sharedFacts, type SharedFact } from '../questionSet/equivalences.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import { compareCycles } from './cycleLabel.ts';

/** An assessment with the set it answers. */
export interface SetAssessment {
  set: QuestionSet;
  assessment: Assessment;
}

/** An answer another set's assessment gives to an equivalent question, read into this set. */
export interface SharedAnswer {
  questionId: string;
  /** The shared fact, as the equivalence names it. */
  fact: string;
  /** Marked carried over (unconfirmed) and `takenFrom` its source, ready to store. */
  answer: Answer;
  source: { set: QuestionSet; cycle: string; questionId: string };
  /** The answer it would replace: unconfirmed and older, or confirmed but saying otherwise. */
  replaces?: Answer;
}

/**
 * The answers this assessment can take from assessments of other sets for the same organisation
 * and scope, one per shared fact: from the other set's latest cycle, up to this assessment's
 * own, that confirmed an answer to it. An answer that is itself unconfirmed is no fact to pass on,
 * and when the latest confirmed one is "don't know" or "not applicable" nothing is offered: an
 * older cycle's answer would claim what the latest no longer knows. A later cycle never rewrites
 * an earlier one, so History keeps each cycle as it was.
 *
 * A question gets an offer when this assessment has not answered it; when its answer is
 * unconfirmed and comes from an earlier cycle, or was taken from an answer that has changed since;
 * or when its confirmed answer disagrees with the other set's answer of the same cycle (read both
 * ways, so a many-to-one mapping is no disagreement), so that two assessments of one organisation
 * never contradict each other unnoticed. Taken, an answer keeps this assessment's owner, due date
 * and its own note.
 */
export function sharedAnswers(
  target: SetAssessment,
  candidates: readonly SetAssessment[],
): SharedAnswer[] {
  const subject = subjectIdentity(target.assessment);
  const others = candidates
    .filter((c) => c.set.id !== target.set.id && subjectIdentity(c.assessment) === subject)
    .sort((a, b) => laterFirst(a.assessment, b.assessment));
  const offers: SharedAnswer[] = [];
  for (const source of uniqueSets(others)) {
    for (const fact of sharedFacts(target.set, source)) {
      if (offers.some((offer) => offer.questionId === fact.question)) continue;
      const from = others.find((c) => {
        const given = c.assessment.answers[fact.sourceQuestion];
        return (
          c.set.id === source.id &&
          compareCycles(c.assessment.cycle, target.assessment.cycle) <= 0 &&
          given?.choice !== undefined &&
          !given.carriedOver
        );
      });
      const given = from?.assessment.answers[fact.sourceQuestion];
      if (!from || !given?.choice || !Object.hasOwn(fact.options, given.choice)) continue;
      const choice = fact.options[given.choice] as string;
      const current = target.assessment.answers[fact.question];
      const offer = {
        source: source.id,
        question: fact.sourceQuestion,
        cycle: from.assessment.cycle,
      };
      if (!offered(current, { ...offer, choice, given: given.choice }, fact, target.assessment))
        continue;
      const note = current?.note ?? given.note;
      const evidence = given.evidence ? given : (current ?? {});
      offers.push({
        questionId: fact.question,
        fact: fact.fact,
        ...(current?.choice !== undefined ? { replaces: current } : {}),
        answer: {
          choice,
          ...(note ? { note } : {}),
          ...(evidence.evidence ? { evidence: evidence.evidence } : {}),
          ...(evidence.evidenceDate ? { evidenceDate: evidence.evidenceDate } : {}),
          // The plan of this assessment goes on: whoever owned the gap still owns it.
          ...(current?.owner ? { owner: current.owner } : {}),
          ...(current?.due ? { due: current.due } : {}),
          carriedOver: true,
          takenFrom: {
            set: source.id,
            cycle: from.assessment.cycle,
            question: fact.sourceQuestion,
          },
        },
        source: { set: source, cycle: from.assessment.cycle, questionId: fact.sourceQuestion },
      });
    }
  }
  return offers;
}

/** The assessment's answers with the offers in place. */
export function withSharedAnswers(
  assessment: Assessment,
  offers: readonly SharedAnswer[],
): Assessment {
  if (offers.length === 0) return assessment;
  const answers = { ...assessment.answers };
  for (const offer of offers) answers[offer.questionId] = offer.answer;
  return { ...assessment, answers };
}

const laterFirst = (a: Assessment, b: Assessment) =>
  compareCycles(b.cycle, a.cycle) || b.updatedAt.localeCompare(a.updatedAt);

function uniqueSets(list: readonly SetAssessment[]): QuestionSet[] {
  const sets = new Map<string, QuestionSet>();
  for (const item of list) if (!sets.has(item.set.id)) sets.set(item.set.id, item.set);
  return [...sets.values()];
}

/** The other set's answer as an offer sees it: where from, as given there and as read here. */
interface Candidate {
  source: string;
  question: string;
  cycle: string;
  /** Its choice there. */
  given: string;
  /** Its choice read as this question's. */
  choice: string;
}

/** Whether the other set's answer is worth offering in place of `current`. */
function offered(
  current: Answer | undefined,
  candidate: Candidate,
  fact: SharedFact,
  holder: Assessment,
): boolean {
  if (current?.choice === undefined) return true;
  if (current.carriedOver) {
    const taken = current.takenFrom;
    const sameOrigin = taken?.set === candidate.source && taken.question === candidate.question;
    if (!sameOrigin || taken === undefined) return isOlder(current, holder, candidate.cycle);
    // Taken from this very answer: offered again when a later cycle answered, or it changed since.
    const order = compareCycles(candidate.cycle, taken.cycle);
    return order > 0 || (order === 0 && current.choice !== candidate.choice);
  }
  return (
    compareCycles(candidate.cycle, holder.cycle) === 0 &&
    current.choice !== candidate.choice &&
    fact.back[current.choice] !== candidate.given
  );
}

/** Whether an unconfirmed answer comes from an earlier cycle than `cycle`. */
function isOlder(answer: Answer, holder: Assessment, cycle: string): boolean {
  const from = answer.takenFrom?.cycle ?? holder.carriedFrom;
  return from === undefined || compareCycles(from, cycle) < 0;
}

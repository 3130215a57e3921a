import { subjectIdentity } from '../assessment/identity.ts';
import type { Answer, Assessment } from '../assessment/model.ts';
import { sharedFacts } from '../questionSet/equivalences.ts';
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
 * and scope, one per shared fact: from the latest cycle whose answer was confirmed there (an
 * answer that is itself unconfirmed is no fact to pass on; "don't know" and "not applicable" say
 * nothing about the other set's question). A question gets one when this assessment has not
 * answered it; when its answer is unconfirmed and comes from an earlier cycle than the offer; or
 * when its confirmed answer says otherwise than the other set's answer of this cycle or a later
 * one, so that two assessments of the same organisation never disagree about one fact unnoticed.
 * Taken, an answer keeps this assessment's owner, due date and its own note.
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
        if (c.set.id !== source.id) return false;
        const given = c.assessment.answers[fact.sourceQuestion];
        return (
          given?.choice !== undefined &&
          !given.carriedOver &&
          Object.hasOwn(fact.options, given.choice)
        );
      });
      if (!from) continue;
      const given = from.assessment.answers[fact.sourceQuestion] as Answer;
      const choice = fact.options[given.choice ?? ''] as string;
      const current = target.assessment.answers[fact.question];
      if (!offered(current, choice, target.assessment, from.assessment.cycle)) continue;
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

/** Whether the other set's answer (of `cycle`, read as `choice`) is worth offering in place of `current`. */
function offered(
  current: Answer | undefined,
  choice: string,
  holder: Assessment,
  cycle: string,
): boolean {
  if (current?.choice === undefined) return true;
  if (current.carriedOver) return isOlder(current, holder, cycle);
  return current.choice !== choice && compareCycles(cycle, holder.cycle) >= 0;
}

/** Whether an unconfirmed answer comes from an earlier cycle than `cycle`. */
function isOlder(answer: Answer, holder: Assessment, cycle: string): boolean {
  const from = answer.takenFrom?.cycle ?? holder.carriedFrom;
  return from === undefined || compareCycles(from, cycle) < 0;
}

import type { Equivalence, EquivalencePair } from './equivalenceSchema.ts';
import type { SetProblem } from './problems.ts';
import type { Question, QuestionSet } from './schema.ts';

export const equivalenceFileName = 'equivalences.yaml';

/**
 * Checks what a set declares it shares with another: both questions exist and ask in the same way,
 * each option map covers its side exactly, and no map turns a better answer into a worse one than
 * it turns a lesser answer (a ladder read in the other set keeps its order).
 */
export function checkEquivalence(
  set: QuestionSet,
  equivalence: Equivalence,
  other: QuestionSet | undefined,
): SetProblem[] {
  const problems: SetProblem[] = [];
  const report = (field: string, message: string) =>
    problems.push({ file: equivalenceFileName, field, message });
  if (equivalence.with === set.id) {
    report('with', 'names this set itself; name the other set');
    return problems;
  }
  if (!other) {
    report('with', `there is no question set "${equivalence.with}" beside this one`);
    return problems;
  }
  const seenHere = new Set<string>();
  const seenThere = new Set<string>();
  equivalence.pairs.forEach((pair, index) => {
    const at = `pairs[${index}]`;
    const here = set.questions.find((q) => q.id === pair.here);
    const there = other.questions.find((q) => q.id === pair.there);
    if (seenHere.has(pair.here)) report(`${at}.here`, `${pair.here} is already in another pair`);
    if (seenThere.has(pair.there))
      report(`${at}.there`, `${pair.there} is already in another pair`);
    seenHere.add(pair.here);
    seenThere.add(pair.there);
    if (!here) report(`${at}.here`, `${pair.here} is not a question of ${set.id}`);
    if (!there) report(`${at}.there`, `${pair.there} is not a question of ${other.id}`);
    if (!here || !there) return;
    if (here.kind !== there.kind) {
      report(at, `${pair.here} is a ${here.kind} question and ${pair.there} a ${there.kind} one`);
      return;
    }
    for (const problem of mapProblems(here, there, pair.toThere)) report(`${at}.toThere`, problem);
    for (const problem of mapProblems(there, here, pair.toHere)) report(`${at}.toHere`, problem);
  });
  return problems;
}

function mapProblems(from: Question, to: Question, map: EquivalencePair['toThere']): string[] {
  const problems: string[] = [];
  const fromIds = from.options.map((o) => o.id);
  const toIds = to.options.map((o) => o.id);
  const missing = fromIds.filter((id) => !(id in map));
  if (missing.length > 0)
    problems.push(`must map every option of ${from.id}; ${missing.join(', ')} missing`);
  for (const [key, value] of Object.entries(map)) {
    if (!fromIds.includes(key)) problems.push(`${key} is not an option of ${from.id}`);
    if (!toIds.includes(value)) problems.push(`${value} is not an option of ${to.id}`);
  }
  if (problems.length > 0 || from.kind !== 'control') return problems;
  // Options are listed from the weakest to the strongest, so their mapped places may never fall.
  const places = fromIds.map((id) => toIds.indexOf(map[id] ?? ''));
  places.forEach((place, index) => {
    const before = places[index - 1];
    if (before !== undefined && place < before)
      problems.push(
        `keeps no order: ${fromIds[index]} maps to ${map[fromIds[index] ?? '']}, below what the weaker ${fromIds[index - 1]} maps to`,
      );
  });
  return problems;
}

/** A question of one set whose answer can stand for a question of another. */
export interface SharedFact {
  fact: string;
  /** The question that gets the answer. */
  question: string;
  /** The question whose answer is taken. */
  sourceQuestion: string;
  /** The source question's options read as the target question's options. */
  options: Readonly<Record<string, string>>;
  /** The target question's options read as the source question's: to tell a real disagreement. */
  back: Readonly<Record<string, string>>;
}

/**
 * The facts `target` shares with `source`, whichever of the two declared them, read in the
 * direction the answers go: from `source` into `target`.
 */
export function sharedFacts(target: QuestionSet, source: QuestionSet): SharedFact[] {
  const pairsOf = (declaring: QuestionSet, other: QuestionSet) =>
    declaring.equivalences.filter((e) => e.with === other.id).flatMap((e) => e.pairs);
  return [
    ...pairsOf(target, source).map((pair) => ({
      fact: pair.fact,
      question: pair.here,
      sourceQuestion: pair.there,
      options: pair.toHere,
      back: pair.toThere,
    })),
    // Declared by the source: its "here" is where the answer comes from.
    ...pairsOf(source, target).map((pair) => ({
      fact: pair.fact,
      question: pair.there,
      sourceQuestion: pair.here,
      options: pair.toThere,
      back: pair.toHere,
    })),
  ];
}

/** Every declared equivalence of every set checked against the set it names. */
export function checkLibrary(
  sets: readonly QuestionSet[],
): { set: string; problems: SetProblem[] }[] {
  return sets.map((set) => ({
    set: set.id,
    problems: set.equivalences.flatMap((equivalence) =>
      checkEquivalence(
        set,
        equivalence,
        sets.find((s) => s.id === equivalence.with),
      ),
    ),
  }));
}

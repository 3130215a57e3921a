import type { Question, QuestionSet, Recommendation, Source } from './schema.ts';

/** A set's parts by id, for pages that look many of them up while they draw. */
export interface SetIndex {
  question: ReadonlyMap<string, Question>;
  recommendation: ReadonlyMap<string, Recommendation>;
  source: ReadonlyMap<string, Source>;
  phaseTitle: ReadonlyMap<string, string>;
  programmeTitle: ReadonlyMap<string, string>;
}

const built = new WeakMap<QuestionSet, SetIndex>();

/** Built once per set: a set never changes while the app runs. */
export function setIndex(set: QuestionSet): SetIndex {
  let index = built.get(set);
  if (!index) {
    index = {
      question: new Map(set.questions.map((q) => [q.id, q])),
      recommendation: new Map(set.recommendations.map((r) => [r.id, r])),
      source: new Map(set.sources.map((s) => [s.id, s])),
      phaseTitle: new Map(set.phases.map((p) => [p.id, p.title])),
      programmeTitle: new Map(set.programmes.map((p) => [p.id, p.title])),
    };
    built.set(set, index);
  }
  return index;
}

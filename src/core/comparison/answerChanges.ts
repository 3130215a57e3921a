import { plural } from '../text.ts';
import type { Answer, Assessment } from '../assessment/model.ts';
import { controlQuestions } from '../questionSet/coverage.ts';
import type { ControlQuestion, QuestionSet } from '../questionSet/schema.ts';
import type { AnswerStatus } from '../scoring/answerStatus.ts';
import type { QuestionScore, ScoreResult } from '../scoring/score.ts';
import type { Comparison } from './compare.ts';

/** One control whose answer differs between two cycles. */
export interface AnswerChange {
  questionId: string;
  /** The answer before and now in the words the assessor chose from: "Some, blocking", "Don't know". */
  from: string;
  to: string;
  /**
   * What this one answer did to the risk score, in risk points: its contribution now minus its
   * contribution before (a control out of scope contributes 0). Negative lowers the risk. The
   * effects of all changes need not add up to the score's move: when the applicable weight changes
   * (an answer becomes or stops being "not applicable"), every unchanged answer's share moves too.
   */
  effect: number;
}

/** Every changed answer, grouped by what it did to the control's coverage, in question-set order. */
export interface AnswerChanges {
  /** Coverage rose, to full coverage or not. */
  improved: AnswerChange[];
  /** Coverage fell: the comparison's regressions. */
  worse: AnswerChange[];
  /** Not answered (or out of scope) before, answered now. */
  newlyAnswered: AnswerChange[];
  /** Changed without a coverage to compare: now or before not applicable or out of scope, or the same coverage. */
  other: AnswerChange[];
  /** The comparison's closed and new gaps, each with its answers before and now. */
  closedGaps: AnswerChange[];
  newGaps: AnswerChange[];
}

interface ScoredCycle {
  assessment: Pick<Assessment, 'answers'>;
  result: ScoreResult;
}

const statusWords: Partial<Record<AnswerStatus, string>> = {
  unanswered: 'Not answered',
  unknown: "Don't know",
  na: 'Not applicable',
  'na-without-reason': 'Not applicable, no reason given',
  'na-uncompensated': 'Not applicable, no compensating control',
};

/** A control's answer in words; a control a scoping answer hides is out of scope. */
function answerWords(
  question: ControlQuestion,
  scored: QuestionScore | undefined,
  answer: Answer | undefined,
): string {
  if (!scored) return 'Out of scope';
  const chosen = question.options.find((option) => option.id === answer?.choice);
  return statusWords[scored.status] ?? chosen?.label ?? 'Not answered';
}

const unassessed = (scored: QuestionScore | undefined) =>
  scored === undefined || scored.status === 'unanswered';

function groupOf(before: QuestionScore | undefined, now: QuestionScore | undefined) {
  if (unassessed(before) && !unassessed(now)) return 'newlyAnswered';
  const from = before?.coverage ?? null;
  const to = now?.coverage ?? null;
  if (from === null || to === null || from === to) return 'other';
  return to > from ? 'improved' : 'worse';
}

/**
 * What changed answer by answer between two cycles scored with the same question set: the one
 * source of the compare page and of the report's "Since …" section.
 */
export function answerChanges(
  set: QuestionSet,
  comparison: Pick<Comparison, 'closedGaps' | 'newGaps'>,
  previous: ScoredCycle,
  current: ScoredCycle,
): AnswerChanges {
  const before = new Map(previous.result.questions.map((q) => [q.questionId, q]));
  const now = new Map(current.result.questions.map((q) => [q.questionId, q]));
  const changes: AnswerChanges = {
    improved: [],
    worse: [],
    newlyAnswered: [],
    other: [],
    closedGaps: [],
    newGaps: [],
  };
  const byId = new Map<string, AnswerChange>();
  for (const question of controlQuestions(set)) {
    const then = before.get(question.id);
    const scored = now.get(question.id);
    const from = answerWords(question, then, previous.assessment.answers[question.id]);
    const to = answerWords(question, scored, current.assessment.answers[question.id]);
    if (from === to) continue;
    const change = {
      questionId: question.id,
      from,
      to,
      effect: (scored?.contribution ?? 0) - (then?.contribution ?? 0),
    };
    byId.set(question.id, change);
    changes[groupOf(then, scored)].push(change);
  }
  const described = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const change = byId.get(id);
      return change ? [change] : [];
    });
  changes.closedGaps = described(comparison.closedGaps);
  changes.newGaps = described(comparison.newGaps);
  return changes;
}

export interface ChangeGroup {
  title: string;
  /** What to say when the group is empty. */
  empty: string;
  changes: AnswerChange[];
}

/**
 * The groups as the compare page and the report show them, in this order. "Other changes" appears
 * only when there is one: it is the rare case, and "none" there would say nothing.
 */
export function changeGroups(changes: AnswerChanges): ChangeGroup[] {
  return [
    { title: 'Improved', empty: 'No answer improved.', changes: changes.improved },
    { title: 'Worse', empty: 'No answer got worse.', changes: changes.worse },
    { title: 'Newly answered', empty: 'No answer was added.', changes: changes.newlyAnswered },
    ...(changes.other.length > 0
      ? [{ title: 'Other changes', empty: '', changes: changes.other }]
      : []),
  ];
}

/** How the page and the report explain an answer's score effect. */
export const effectExplanation =
  'Risk points: what each answer alone moved the risk score; negative is lower risk. Rounded, and partly dependent on each other (a control counts only with what it requires), they need not add up to the change in the score.';

/**
 * One sentence for management: "3 answers improved (1 of them closing a gap), 1 got worse (1
 * opening a new gap) and 2 were answered for the first time."
 */
export function changesSummary(changes: AnswerChanges): string {
  const { improved, worse, newlyAnswered, closedGaps, newGaps } = changes;
  const closing = closedGaps.length > 0 ? ` (${closedGaps.length} of them closing a gap)` : '';
  const opening = newGaps.length > 0 ? ` (${newGaps.length} of them opening a new gap)` : '';
  return `${plural(improved.length, 'answer', 'answers')} improved${closing}, ${worse.length} got worse${opening} and ${newlyAnswered.length} ${newlyAnswered.length === 1 ? 'was' : 'were'} answered for the first time.`;
}

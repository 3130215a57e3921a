import type { Assessment } from '../assessment/model.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import { assignedQuestions } from './questionnaireBuild.ts';
import type { Assignee, Round } from './schema.ts';

/**
 * Where a question stands in its delegation: nobody has it; it is assigned but not yet sent; a
 * questionnaire holding it was sent; a response came back and waits to be merged; it was merged.
 */
export type DelegationStage =
  'not-assigned' | 'assigned' | 'sent' | 'left-open' | 'returned' | 'merged';

const order: readonly DelegationStage[] = [
  'not-assigned',
  'assigned',
  'sent',
  // Before "left open": a response waiting to be merged is what the lead acts on first.
  'returned',
  'left-open',
  'merged',
];

export const stageLabel: Readonly<Record<DelegationStage, string>> = {
  'not-assigned': 'Not assigned',
  assigned: 'Assigned, not sent',
  sent: 'Sent',
  'left-open': 'Returned unanswered',
  returned: 'Returned, to merge',
  merged: 'Merged',
};

const covers = (assignee: Assignee, question: { id: string; domain: string }) =>
  assignee.domains.includes(question.domain) || assignee.questions.includes(question.id);

/**
 * Whether a response of this person waits to be merged, in any round: it stays mergeable when a
 * later round was sent.
 */
export const hasWaitingResponse = (assignee: Assignee): boolean =>
  assignee.rounds.some((round) => round.responses.some((response) => !response.mergedAt));

/** What the merged responses of a round answered, together: a later correction adds to the first. */
const mergedAnswers = (round: Round): Set<string> =>
  new Set(round.responses.filter((r) => r.mergedAt).flatMap((r) => r.answered ?? []));

/**
 * Where one question stands with one person: returned when a response waiting to be merged
 * answers it; otherwise as the latest round holding it says (sent; merged, or returned unanswered
 * when its response left it open). Nothing for a question never sent that would not be sent now
 * either (its scope does not apply), which must not hold its domain back.
 */
function stageWith(
  assignee: Assignee,
  questionId: string,
  askable: ReadonlySet<string>,
): DelegationStage | undefined {
  const answeredInWaiting = assignee.rounds.some((round) =>
    round.responses.some(
      (response) => !response.mergedAt && response.answered?.includes(questionId),
    ),
  );
  if (answeredInWaiting) return 'returned';
  const round = assignee.rounds.findLast((r) => r.questionIds.includes(questionId));
  if (!round) return askable.has(questionId) ? 'assigned' : undefined;
  const latest = round.responses.at(-1);
  if (!latest) return 'sent';
  return latest.answered?.includes(questionId)
    ? latest.mergedAt
      ? 'merged'
      : 'returned'
    : 'left-open';
}

export interface DomainDelegation {
  domainId: string;
  /** The least advanced stage of the domain's assigned questions. */
  stage: DelegationStage;
  /** Who has questions of this domain, by name. */
  people: string[];
  /** How many of the domain's questions are assigned to somebody. */
  assigned: number;
  questions: number;
}

/** Per domain: how far its assigned questions have come, and who has them. Empty without delegation. */
export function delegationByDomain(
  assessment: Pick<Assessment, 'delegation' | 'answers'>,
  set: QuestionSet,
): Map<string, DomainDelegation> {
  const assignees = assessment.delegation?.assignees ?? [];
  const result = new Map<string, DomainDelegation>();
  if (assignees.length === 0) return result;
  const askable = new Map(
    assignees.map((a) => [
      a.id,
      new Set(assignedQuestions(a, set, assessment.answers).map((q) => q.id)),
    ]),
  );
  for (const domain of set.domains) {
    const questions = set.questions.filter((q) => q.domain === domain.id);
    const people = new Set<string>();
    let least: DelegationStage | undefined;
    let assigned = 0;
    for (const question of questions) {
      const holders = assignees.filter((a) => covers(a, question));
      if (holders.length === 0) continue;
      assigned += 1;
      for (const holder of holders) {
        people.add(holder.name);
        const stage = stageWith(holder, question.id, askable.get(holder.id) ?? new Set());
        if (!stage) continue;
        if (!least || order.indexOf(stage) < order.indexOf(least)) least = stage;
      }
    }
    result.set(domain.id, {
      domainId: domain.id,
      stage: least ?? (assigned > 0 ? 'assigned' : 'not-assigned'),
      people: [...people],
      assigned,
      questions: questions.length,
    });
  }
  return result;
}

/**
 * Where a person's questions stand as a whole: a response waits to be merged; some of their
 * questions were never sent (assigned since); or as their latest round says.
 */
export function assigneeStage(
  assignee: Assignee,
  set: QuestionSet,
  answers: Assessment['answers'],
): DelegationStage {
  if (hasWaitingResponse(assignee)) return 'returned';
  const latest = assignee.rounds.at(-1);
  if (!latest || unsentQuestions(assignee, set, answers).length > 0) return 'assigned';
  if (latest.responses.length === 0) return 'sent';
  const answered = mergedAnswers(latest);
  return latest.questionIds.every((id) => answered.has(id)) ? 'merged' : 'left-open';
}

/** The questions assigned to a person that no questionnaire has carried yet. */
export function unsentQuestions(
  assignee: Assignee,
  set: QuestionSet,
  answers: Assessment['answers'],
): string[] {
  const sent = new Set(assignee.rounds.flatMap((round) => round.questionIds));
  return assignedQuestions(assignee, set, answers)
    .map((q) => q.id)
    .filter((id) => !sent.has(id));
}

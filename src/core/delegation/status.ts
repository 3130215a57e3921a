import type { Assessment } from '../assessment/model.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import { assignedQuestions } from './questionnaireBuild.ts';
import type { Assignee, Round } from './schema.ts';

/**
 * Where a question stands in its delegation: nobody has it; it is assigned but not yet sent; a
 * questionnaire holding it was sent; a response came back and waits to be merged; it was merged.
 */
export type DelegationStage = 'not-assigned' | 'assigned' | 'sent' | 'returned' | 'merged';

const order: readonly DelegationStage[] = [
  'not-assigned',
  'assigned',
  'sent',
  'returned',
  'merged',
];

export const stageLabel: Readonly<Record<DelegationStage, string>> = {
  'not-assigned': 'Not assigned',
  assigned: 'Assigned, not sent',
  sent: 'Sent',
  returned: 'Returned, to merge',
  merged: 'Merged',
};

const covers = (assignee: Assignee, question: { id: string; domain: string }) =>
  assignee.domains.includes(question.domain) || assignee.questions.includes(question.id);

/** Where the questions of a round stand: its latest response decides. */
function stageOfRound(round: Round | undefined): DelegationStage {
  if (!round) return 'assigned';
  const latest = round.responses.at(-1);
  if (!latest) return 'sent';
  return latest.mergedAt ? 'merged' : 'returned';
}

/**
 * Where one question stands with one person; nothing for a question never sent that would not be
 * sent now either (its scope does not apply), which must not hold its domain back.
 */
function stageWith(
  assignee: Assignee,
  questionId: string,
  askable: ReadonlySet<string>,
): DelegationStage | undefined {
  const round = assignee.rounds.findLast((r) => r.questionIds.includes(questionId));
  return round || askable.has(questionId) ? stageOfRound(round) : undefined;
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

/** Where a person's questions stand as a whole: their latest round, or assigned when none was sent. */
export const assigneeStage = (assignee: Assignee): DelegationStage =>
  stageOfRound(assignee.rounds.at(-1));

import type { Assessment } from '../assessment/model.ts';
import { sha256Hex } from '../integrity/sha256.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import type { Assignee, Delegation, Round } from './schema.ts';

/** What the lead types when assigning questions to a person. */
export interface AssigneeDraft {
  name: string;
  role?: string;
  email?: string;
  note?: string;
  domains: readonly string[];
  questions: readonly string[];
}

const trimmed = (value: string | undefined) => value?.trim() || undefined;

function fieldsOf(draft: AssigneeDraft, set: QuestionSet): Omit<Assignee, 'id' | 'rounds'> {
  const role = trimmed(draft.role);
  const email = trimmed(draft.email);
  const note = trimmed(draft.note);
  // In the set's order, and only what the set has, whatever order they were ticked in.
  const domains = set.domains.map((d) => d.id).filter((id) => draft.domains.includes(id));
  const questions = set.questions
    .map((q) => q.id)
    .filter(
      (id) =>
        draft.questions.includes(id) &&
        !domains.includes(set.questions.find((q) => q.id === id)?.domain ?? ''),
    );
  return {
    name: draft.name.trim(),
    ...(role ? { role } : {}),
    ...(email ? { email } : {}),
    ...(note ? { note } : {}),
    domains,
    questions,
  };
}

const delegationOf = (assessment: Assessment, key: string): Delegation =>
  assessment.delegation ?? { key, assignees: [] };

/** The assessment with one more person to send questions to; `key` names the assessment if it has none yet. */
export function withNewAssignee(
  assessment: Assessment,
  set: QuestionSet,
  draft: AssigneeDraft,
  ids: { assigneeId: string; key: string },
): Assessment {
  const delegation = delegationOf(assessment, ids.key);
  const assignee: Assignee = { id: ids.assigneeId, ...fieldsOf(draft, set), rounds: [] };
  return {
    ...assessment,
    delegation: { ...delegation, assignees: [...delegation.assignees, assignee] },
  };
}

function withAssignees(
  assessment: Assessment,
  change: (assignees: readonly Assignee[]) => Assignee[],
): Assessment {
  const { delegation } = assessment;
  if (!delegation) return assessment;
  return { ...assessment, delegation: { ...delegation, assignees: change(delegation.assignees) } };
}

/** The assessment with a person's details or questions changed; what was sent stays as it was. */
export function withAssigneeChanged(
  assessment: Assessment,
  set: QuestionSet,
  assigneeId: string,
  draft: AssigneeDraft,
): Assessment {
  return withAssignees(assessment, (assignees) =>
    assignees.map((a) =>
      a.id === assigneeId ? { ...withoutOptional(a), ...fieldsOf(draft, set) } : a,
    ),
  );
}

/** An assignee without the fields a draft may leave out, so that clearing one in the form clears it. */
function withoutOptional({ role: _r, email: _e, note: _n, ...rest }: Assignee): Assignee {
  return rest;
}

/** The assessment without a person; answers merged from them stay, with their history. */
export function withoutAssignee(assessment: Assessment, assigneeId: string): Assessment {
  return withAssignees(assessment, (assignees) => assignees.filter((a) => a.id !== assigneeId));
}

/** The assessment with a questionnaire recorded as sent to a person: their next round. */
export function withRoundSent(
  assessment: Assessment,
  assigneeId: string,
  round: Omit<Round, 'responses'>,
): Assessment {
  return withAssignees(assessment, (assignees) =>
    assignees.map((a) =>
      a.id === assigneeId ? { ...a, rounds: [...a.rounds, { ...round, responses: [] }] } : a,
    ),
  );
}

/** The round a new questionnaire to this person would be. */
export const nextRound = (assignee: Assignee): number => (assignee.rounds.at(-1)?.round ?? 0) + 1;

export const assigneeById = (assessment: Assessment, assigneeId: string): Assignee | undefined =>
  assessment.delegation?.assignees.find((a) => a.id === assigneeId);

/**
 * A new cycle keeps who answers what, not what was sent: the people and their questions carry
 * over with no rounds, under a key of their own (derived from the old key and the new cycle, so
 * that carrying forward stays a pure function), and a response to the old cycle never merges here.
 */
export function delegationForCycle(
  delegation: Delegation | undefined,
  cycle: string,
): Delegation | undefined {
  if (!delegation || delegation.assignees.length === 0) return undefined;
  return {
    key: sha256Hex(`${delegation.key}\n${cycle}`).slice(0, 24),
    assignees: delegation.assignees.map((a) => ({ ...a, rounds: [] })),
  };
}

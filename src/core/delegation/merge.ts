import { checkAnswers } from '../assessment/checkAnswers.ts';
import { clipText } from '../assessment/limits.ts';
import type { Answer, Assessment } from '../assessment/model.ts';
import { formatDate, formatDateTime } from '../format.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import { fail, succeed, type Problem, type Result } from '../result.ts';
import { assessmentTitle, listJoin } from '../text.ts';
import { historyAfterChoice, historyWith, leadOf, withHistory, type Actor } from './attribution.ts';
import type { ResponseFile } from './response.ts';
import { respondentFields, type RespondentField } from './fields.ts';
import type { Assignee, ReceivedResponse, ResponseAnswer, Round } from './schema.ts';

/**
 * Receiving an assignee's response and merging it into the assessment. Nothing the lead wrote is
 * overwritten without the lead's choice: answers to unanswered questions are taken, and where the
 * lead's answer differs the lead decides per question (docs/file-formats.md, "Merging").
 */

/** The assessment a response belongs to among those on this device, by the key it carries. */
export function recipientOf<T extends { assessment: Assessment }>(
  candidates: readonly T[],
  response: Pick<ResponseFile, 'assessment' | 'questionnaireId'>,
): T | undefined {
  const withKey = candidates.filter(
    (c) => c.assessment.delegation?.key === response.assessment.key,
  );
  return (
    withKey.find((c) =>
      c.assessment.delegation?.assignees.some((a) =>
        a.rounds.some((r) => r.questionnaireId === response.questionnaireId),
      ),
    ) ?? withKey[0]
  );
}

/** A response that names no assessment on this device, in plain words. */
export function noRecipient(response: Pick<ResponseFile, 'assessment' | 'from'>): Problem {
  return {
    path: 'assessment',
    message: `This response from ${response.from.name} answers questions of ${assessmentTitle(response.assessment)} (${response.assessment.questionSet.title}), and no assessment in this browser sent them. Import it where that assessment is kept.`,
  };
}

export interface Received {
  assessment: Assessment;
  assignee: Assignee;
  round: number;
  /** 'received': kept for merging; otherwise this very file was imported before and nothing changed. */
  outcome: 'received' | 'already-received' | 'already-merged';
  /** Answers to questions that were not sent to this person: left out. */
  notAssigned: string[];
}

const long = (iso: string) => formatDate(iso);

/**
 * The assessment with a response kept for merging, after every check that it is this assessment's,
 * for this person's latest questionnaire, and about questions they were sent. The same file a
 * second time changes nothing. Never throws.
 */
export function receiveResponse(
  assessment: Assessment,
  set: QuestionSet,
  response: ResponseFile,
  digest: string,
  now: Date,
): Result<Received> {
  const { delegation } = assessment;
  if (!delegation || delegation.key !== response.assessment.key)
    return fail({
      path: 'assessment.key',
      message: `This response answers questions of ${assessmentTitle(response.assessment)} (${response.assessment.questionSet.title}), not of this assessment (${assessmentTitle(assessment)}). Nothing was changed.`,
    });
  const assignee = delegation.assignees.find((a) => a.id === response.from.id);
  if (!assignee)
    return fail({
      path: 'from.id',
      message: `This response is from ${response.from.name}, who is no longer among the people this assessment's questions are assigned to. Nothing was changed.`,
    });
  const round = assignee.rounds.find(
    (r) => r.round === response.round && r.questionnaireId === response.questionnaireId,
  );
  if (!round)
    return fail({
      path: 'questionnaireId',
      message: `This response answers a questionnaire this assessment did not send to ${assignee.name}. Nothing was changed.`,
    });
  const known = round.responses.find((r) => r.digest === digest);
  if (known)
    return succeed({
      assessment,
      assignee,
      round: round.round,
      outcome: known.mergedAt ? 'already-merged' : 'already-received',
      notAssigned: [],
    });
  const latest = assignee.rounds.at(-1);
  if (latest && latest.round > round.round)
    return fail({
      path: 'round',
      message: `This response answers an older questionnaire: round ${round.round}, sent to ${assignee.name} on ${long(round.sentAt)}. Round ${latest.round} was sent on ${long(latest.sentAt)}; ask ${assignee.name} for the response to that one. Nothing was changed.`,
    });
  const pending = round.responses.find((r) => !r.mergedAt);
  if (pending && Date.parse(pending.respondedAt) > Date.parse(response.respondedAt))
    return fail({
      path: 'respondedAt',
      message: `This response from ${assignee.name} was written on ${formatDateTime(response.respondedAt)}, before the one already waiting to be merged (${formatDateTime(pending.respondedAt)}). Nothing was changed.`,
    });
  const sent = new Set(round.questionIds);
  const notAssigned = Object.keys(response.answers).filter((id) => !sent.has(id));
  const answers = Object.fromEntries(
    Object.entries(response.answers).filter(([id]) => sent.has(id)),
  );
  const problems = checkAnswers({ answers }, set);
  if (problems.length > 0) return fail(...problems);
  const received: ReceivedResponse = {
    digest,
    respondedAt: response.respondedAt,
    importedAt: now.toISOString(),
    answered: Object.keys(answers).filter((id) => hasAnswer(answers[id])),
    answers,
  };
  const rounds: Round[] = assignee.rounds.map((r) =>
    r === round ? { ...r, responses: [...r.responses.filter((x) => x.mergedAt), received] } : r,
  );
  return succeed({
    assessment: withAssignee(assessment, { ...assignee, rounds }),
    assignee,
    round: round.round,
    outcome: 'received',
    notAssigned,
  });
}

function withAssignee(assessment: Assessment, assignee: Assignee): Assessment {
  const delegation = assessment.delegation;
  if (!delegation) return assessment;
  return {
    ...assessment,
    delegation: {
      ...delegation,
      assignees: delegation.assignees.map((a) => (a.id === assignee.id ? assignee : a)),
    },
  };
}

/**
 * How an assignee's answer stands against the lead's. `new`: the lead has no answer yet. `adds`:
 * the same choice, and the assignee fills fields the lead left empty. `same`: nothing new.
 * `conflict`: a field both gave differently; the lead decides.
 */
export type MergeKind = 'new' | 'adds' | 'same' | 'conflict';

export interface MergeItem {
  questionId: string;
  kind: MergeKind;
  mine: Answer | undefined;
  theirs: ResponseAnswer;
  /** The fields both gave, differently. */
  differing: RespondentField[];
}

export interface PendingMerge {
  assignee: Assignee;
  round: Round;
  response: ReceivedResponse;
  items: MergeItem[];
  /** Questions of the round the assignee did not answer: still theirs to answer, or the lead's. */
  leftOpen: string[];
}

/** An answer that gives something: a choice, a note, evidence… */
const hasAnswer = (answer: ResponseAnswer | undefined): boolean =>
  answer !== undefined && respondentFields.some((field) => given(answer[field]));

const given = (value: string | undefined): value is string =>
  value !== undefined && value.trim() !== '';

function itemOf(questionId: string, mine: Answer | undefined, theirs: ResponseAnswer): MergeItem {
  const differing = respondentFields.filter(
    (field) =>
      given(mine?.[field]) && given(theirs[field]) && mine[field]?.trim() !== theirs[field]?.trim(),
  );
  const adds = respondentFields.some((field) => given(theirs[field]) && !given(mine?.[field]));
  const kind: MergeKind =
    differing.length > 0
      ? 'conflict'
      : !given(mine?.choice) && given(theirs.choice)
        ? 'new'
        : adds
          ? 'adds'
          : 'same';
  return { questionId, kind, mine, theirs, differing };
}

/** The response of this person waiting to be merged, and how each of its answers stands. */
export function pendingMerge(
  assessment: Assessment,
  set: QuestionSet,
  assigneeId: string,
): PendingMerge | undefined {
  const assignee = assessment.delegation?.assignees.find((a) => a.id === assigneeId);
  // Latest round first: a response that waits stays mergeable when a later questionnaire was sent.
  const round = assignee?.rounds.findLast((r) => r.responses.some((x) => !x.mergedAt));
  const response = round?.responses.find((r) => !r.mergedAt);
  if (!assignee || !round || !response) return undefined;
  const order = new Map(set.questions.map((q, i) => [q.id, i]));
  const items = Object.entries(response.answers ?? {})
    .filter(([, theirs]) => respondentFields.some((field) => given(theirs[field])))
    .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .map(([id, theirs]) => itemOf(id, assessment.answers[id], theirs));
  const leftOpen = round.questionIds.filter((id) => !hasAnswer(response.answers?.[id]));
  return { assignee, round, response, items, leftOpen };
}

/** How the lead settles a conflict: their answer, mine, or mine with their note appended. */
export type MergeDecision = 'theirs' | 'mine' | 'mine-and-note';

const actorOf = (assignee: Assignee): Actor => ({
  name: assignee.name,
  ...(assignee.role ? { role: assignee.role } : {}),
  via: 'questionnaire',
});

/** The choice and what belongs to it: kept when the assignee gave no choice of their own. */
const choiceFields: readonly RespondentField[] = ['choice', 'naReason', 'compensatingControl'];

/** Fields that belong to "not applicable" only: gone once the answer is something else. */
const naOnly = ['naReason', 'compensatingControl', 'riskAcceptedBy'] as const;

/**
 * Their answer over mine. Where mine was empty (`onlyEmpty`), the fields they gave fill it; taken
 * over mine, their answer is theirs whole, because a note of mine about my answer would
 * contradict it. Plan fields (owner, due) stay mine either way.
 */
function taken(mine: Answer | undefined, theirs: ResponseAnswer, onlyEmpty: boolean): Answer {
  const fromThem = (field: RespondentField) =>
    given(theirs[field]) && (!onlyEmpty || !given(mine?.[field]));
  // Without a choice of theirs, their note or evidence goes with the choice already given.
  const keepsChoice = !given(theirs.choice);
  const dropped = new Set<string>([
    ...respondentFields.filter(
      (field) => !onlyEmpty && !fromThem(field) && !(keepsChoice && choiceFields.includes(field)),
    ),
    ...(!onlyEmpty && !fromThem('evidence') ? ['evidenceEnteredAt'] : []),
    // Given for this cycle by the person who knows: no longer carried over or taken from another
    // set. A note or evidence alone confirms nothing of the choice.
    ...(given(theirs.choice) ? ['carriedOver', 'takenFrom'] : []),
  ]);
  const merged: Answer = Object.fromEntries(
    Object.entries(mine ?? {}).filter(([field]) => !dropped.has(field)),
  );
  for (const field of respondentFields) if (fromThem(field)) merged[field] = theirs[field];
  const kept: Answer =
    merged.choice === 'na'
      ? merged
      : (Object.fromEntries(
          Object.entries(merged).filter(
            ([field]) => !(naOnly as readonly string[]).includes(field),
          ),
        ) as Answer);
  // Their evidence is dated when they answered; the lead's own evidence keeps its date.
  if (fromThem('evidence') && mine?.evidence !== theirs.evidence)
    kept.evidenceEnteredAt = theirs.answeredAt;
  return kept;
}

/** Mine, with their note after it, signed and dated. */
function withTheirNote(mine: Answer, theirs: ResponseAnswer, assignee: Assignee): Answer {
  if (!given(theirs.note) || mine.note?.includes(theirs.note.trim())) return mine;
  const signed = `${assignee.name} (${formatDate(theirs.answeredAt)}): ${theirs.note.trim()}`;
  const note = given(mine.note) ? `${mine.note.trimEnd()}\n\n${signed}` : signed;
  return { ...mine, note: clipText(note, 'note') };
}

/**
 * The assessment with a pending response merged: every answer the lead has none of taken, every
 * conflict settled as decided, each change recorded in the answer's history (answered by the
 * assignee when they answered, merged by the lead now). Fails, changing nothing, when a conflict
 * has no decision. Merging a response already merged changes nothing.
 */
export function applyMerge(
  assessment: Assessment,
  set: QuestionSet,
  assigneeId: string,
  decisions: Readonly<Record<string, MergeDecision>>,
  now: Date,
): Result<Assessment> {
  const pending = pendingMerge(assessment, set, assigneeId);
  if (!pending) return succeed(assessment);
  const undecided = pending.items
    .filter((item) => item.kind === 'conflict' && !decisions[item.questionId])
    .map((item) => item.questionId);
  if (undecided.length > 0)
    return fail({
      path: 'decisions',
      message: `Decide for ${listJoin(undecided)} whether to take ${pending.assignee.name}'s answer or keep yours.`,
    });
  const them = actorOf(pending.assignee);
  const lead = leadOf(assessment);
  const answers = { ...assessment.answers };
  for (const item of pending.items) {
    const { mine, theirs, questionId } = item;
    const answeredAt = new Date(theirs.answeredAt);
    const decision = item.kind === 'conflict' ? decisions[questionId] : undefined;
    if (decision === 'mine') continue;
    if (decision === 'mine-and-note' && mine) {
      const noted = withTheirNote(mine, theirs, pending.assignee);
      if (noted !== mine)
        answers[questionId] = withHistory(
          noted,
          historyWith(mine.history ?? [], 'note', them, answeredAt),
        );
      continue;
    }
    // The same answer returned without a choice says nothing; with one, they confirmed it.
    if (item.kind === 'same' && !given(theirs.choice)) continue;
    const next = taken(mine, theirs, item.kind !== 'conflict');
    let history = mine?.history ?? [];
    if (next.choice !== mine?.choice)
      history = historyAfterChoice(history, mine?.choice, next.choice, them, answeredAt);
    else if (given(theirs.choice)) history = historyWith(history, 'confirmed', them, answeredAt);
    answers[questionId] = withHistory(next, historyWith(history, 'merged', lead, now));
  }
  const rounds = pending.assignee.rounds.map((r) =>
    r === pending.round
      ? {
          ...r,
          responses: r.responses.map((x) => {
            if (x !== pending.response) return x;
            const { answers: _merged, ...kept } = x;
            return { ...kept, mergedAt: now.toISOString() };
          }),
        }
      : r,
  );
  return succeed(
    withAssignee(
      { ...assessment, answers, updatedAt: now.toISOString() },
      { ...pending.assignee, rounds },
    ),
  );
}

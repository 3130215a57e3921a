import { z } from '../shared/zod.ts';
import { changeRoutes, respondentFields } from './fields.ts';
import {
  dateField,
  hexId,
  limited,
  nonBlank,
  questionIdField,
  timestampField,
} from '../assessment/fieldSchemas.ts';

/**
 * Format 6 of the assessment file: who answered what and when, and the questions the lead sent to
 * other people. See docs/file-formats.md ("Delegation").
 */

/**
 * One change in an answer's history. `answered`: the choice went from `from` to `to` (no `from`
 * for a first answer, no `to` when it was cleared). `confirmed`: an unconfirmed answer was
 * confirmed as it is. `merged`: the lead took an assignee's answer in. `note`: an assignee's note
 * was appended to the lead's.
 */
export const historyEntrySchema = z.strictObject({
  at: timestampField,
  event: z.enum(['answered', 'confirmed', 'merged', 'note']),
  by: nonBlank('person'),
  role: limited('role').optional(),
  via: z.enum(changeRoutes),
  from: limited('choice').optional(),
  to: limited('choice').optional(),
});

export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** An answer as an assignee gives it: no plan fields (owner, due), which stay the lead's. */
export const responseAnswerSchema = z.strictObject({
  choice: limited('choice').optional(),
  note: limited('note').optional(),
  naReason: limited('naReason').optional(),
  evidence: limited('evidence').optional(),
  evidenceDate: dateField.optional(),
  compensatingControl: limited('compensatingControl').optional(),
  /** When the assignee last changed this answer. */
  answeredAt: timestampField,
});

export type ResponseAnswer = z.infer<typeof responseAnswerSchema>;

// Every field an assignee may give is a field of their answer.
respondentFields satisfies readonly (keyof ResponseAnswer)[];

const maxQuestions = 500;

/** A response file received for a round: its answers are kept until the lead has merged them. */
export const receivedResponseSchema = z.strictObject({
  /** The response file's SHA-256 digest: the same file imported twice is recognised. */
  digest: hexId(64),
  respondedAt: timestampField,
  importedAt: timestampField,
  mergedAt: timestampField.optional(),
  /** The questions it answered; kept after the merge, to tell those the assignee left open. */
  answered: z.array(questionIdField).max(500).optional(),
  /** Its answers, until they are merged. */
  answers: z.record(questionIdField, responseAnswerSchema).optional(),
});

export type ReceivedResponse = z.infer<typeof receivedResponseSchema>;

/** One questionnaire file sent to an assignee. */
export const roundSchema = z.strictObject({
  round: z.number().int().min(1).max(1000),
  questionnaireId: hexId(24),
  sentAt: timestampField,
  questionIds: z.array(questionIdField).max(maxQuestions),
  responses: z.array(receivedResponseSchema).max(100),
});

export type Round = z.infer<typeof roundSchema>;

export const assigneeSchema = z.strictObject({
  id: hexId(12),
  name: nonBlank('person'),
  role: limited('role').optional(),
  /** Only for the user's own mail client: Cellguard sends nothing. */
  email: limited('email').optional(),
  /** The lead's note to this person, written into each questionnaire. */
  note: limited('note').optional(),
  domains: z.array(z.string().min(1).max(64)).max(100),
  questions: z.array(questionIdField).max(maxQuestions),
  rounds: z.array(roundSchema).max(1000),
});

export type Assignee = z.infer<typeof assigneeSchema>;

export const delegationSchema = z.strictObject({
  /**
   * Names this assessment in its questionnaires and responses: a response is merged only into the
   * assessment whose key it carries, whatever the organisation, scope and cycle say.
   */
  key: hexId(24),
  assignees: z.array(assigneeSchema).max(100),
});

export type Delegation = z.infer<typeof delegationSchema>;

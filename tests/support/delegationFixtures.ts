import type { Answer, Assessment } from '../../src/core/assessment/model.ts';
import { withNewAssignee, type AssigneeDraft } from '../../src/core/delegation/assignments.ts';
import { receiveResponse, type Received } from '../../src/core/delegation/merge.ts';
import {
  parseQuestionnaireValue,
  serializeQuestionnaire,
  type Questionnaire,
} from '../../src/core/delegation/questionnaire.ts';
import {
  buildResponse,
  parseResponseValue,
  serializeResponse,
  type ResponseFile,
} from '../../src/core/delegation/response.ts';
import type { ResponseAnswer } from '../../src/core/delegation/schema.ts';
import { prepareQuestionnaire } from '../../src/core/delegation/send.ts';
import { formatProblem, type Result } from '../../src/core/result.ts';
import { loadShippedSet } from './shippedSet.ts';
import { fixtureAssessment } from './storeFixtures.ts';

/** The shipped softcell set, and the people, ids and dates the delegation tests share. */
export const set = loadShippedSet();

export const key = '0123456789abcdef01234567';
export const anaId = 'aaaaaaaaaaa1';
export const benId = 'bbbbbbbbbbb2';
export const questionnaireIds = [
  '111111111111111111111111',
  '222222222222222222222222',
  '333333333333333333333333',
] as const;

export const sentAt = new Date('2026-03-10T09:00:00.000Z');
export const answeredAt = '2026-03-12T14:00:00.000Z';
export const respondedAt = new Date('2026-03-12T15:00:00.000Z');
export const mergedAt = new Date('2026-03-14T10:00:00.000Z');

export const ana: AssigneeDraft = {
  name: 'Ana Ruiz',
  role: 'network operations',
  note: 'Please answer by Friday.',
  domains: ['EXP'],
  questions: [],
};

export const ben: AssigneeDraft = { name: 'Ben Okafor', domains: ['CRD'], questions: ['LOG-01'] };

/** The value of a result that must have succeeded; its problems in the failure otherwise. */
export function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('; '));
  return result.value;
}

/** The problems' messages of a result that must have failed. */
export function messages(result: Result<unknown>): string[] {
  if (result.ok) throw new Error('expected a failure, got a success');
  return result.problems.map((problem) => problem.message);
}

/** The middle-profile fixture run by J. Smith, with the given answers and no delegation. */
export function leadAssessment(answers: Record<string, Answer> = {}): Assessment {
  const { delegation: _none, ...assessment } = fixtureAssessment('middle-profile');
  return { ...assessment, assessor: 'J. Smith', answers };
}

/** The assessment with Ana (EXP) and, if asked, Ben (CRD and LOG-01) as assignees. */
export function withPeople(assessment: Assessment, people: 'ana' | 'both' = 'ana'): Assessment {
  const withAna = withNewAssignee(assessment, set, ana, { assigneeId: anaId, key });
  return people === 'both'
    ? withNewAssignee(withAna, set, ben, { assigneeId: benId, key })
    : withAna;
}

export interface Sent {
  assessment: Assessment;
  questionnaire: Questionnaire;
  text: string;
}

/** The next questionnaire to one person, sealed as the app writes it and read back. */
export function send(
  assessment: Assessment,
  assigneeId = anaId,
  questionnaireId: string = questionnaireIds[0],
  at = sentAt,
): Sent {
  const prepared = ok(prepareQuestionnaire(assessment, set, assigneeId, questionnaireId, at));
  const text = serializeQuestionnaire(prepared.questionnaire, at);
  const { questionnaire } = ok(parseQuestionnaireValue(JSON.parse(text)));
  return { assessment: prepared.assessment, questionnaire, text };
}

export interface Responded {
  response: ResponseFile;
  digest: string;
  text: string;
}

/** An assignee's response to a questionnaire, sealed as the app writes it and read back. */
export function respond(
  questionnaire: Questionnaire,
  answers: Record<string, Omit<ResponseAnswer, 'answeredAt'> & { answeredAt?: string }>,
  at = respondedAt,
): Responded {
  const stamped = Object.fromEntries(
    Object.entries(answers).map(([id, answer]) => [id, { answeredAt, ...answer }]),
  );
  const text = serializeResponse(buildResponse(questionnaire, stamped, at), at);
  return { ...ok(parseResponseValue(JSON.parse(text))), text };
}

/** The assessment with a response received, which must succeed. */
export function receive(
  assessment: Assessment,
  responded: Pick<Responded, 'response' | 'digest'>,
  at = respondedAt,
): Received {
  return ok(receiveResponse(assessment, set, responded.response, responded.digest, at));
}

/** A value frozen all the way down: any change to it throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The date as the attribution line and the messages show it. */
export const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { year: 'numeric', month: 'short', day: 'numeric' });

/**
 * The lead's assessment as the respondent's tests start from it: the middle-profile fixture run by
 * J. Smith with these answers and Ana (EXP) assigned, under a key and an organisation of choice.
 */
export function leadWithAna(
  answers: Record<string, Answer> = {},
  assessmentKey = key,
  organisation?: string,
): Assessment {
  const lead = leadAssessment(answers);
  return withNewAssignee({ ...lead, ...(organisation ? { organisation } : {}) }, set, ana, {
    assigneeId: anaId,
    key: assessmentKey,
  });
}

/** The next questionnaire to Ana (see send). */
export const sendToAna = (
  assessment: Assessment,
  questionnaireId: string = questionnaireIds[0],
  at = sentAt,
): Sent => send(assessment, anaId, questionnaireId, at);

/** Ana's response file's text, as the respondent's page writes it. */
export function responseText(
  questionnaire: Questionnaire,
  answers: Record<string, Omit<ResponseAnswer, 'answeredAt'>>,
  at = respondedAt,
): string {
  return respond(questionnaire, answers, at).text;
}

import type { Answer, Assessment } from '../../../src/core/assessment/model.ts';
import { withNewAssignee, type AssigneeDraft } from '../../../src/core/delegation/assignments.ts';
import {
  parseQuestionnaireValue,
  serializeQuestionnaire,
  type Questionnaire,
} from '../../../src/core/delegation/questionnaire.ts';
import { buildResponse, serializeResponse } from '../../../src/core/delegation/response.ts';
import type { ResponseAnswer } from '../../../src/core/delegation/schema.ts';
import { prepareQuestionnaire } from '../../../src/core/delegation/send.ts';
import { formatProblem, type Result } from '../../../src/core/result.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';
import { fixtureAssessment } from '../../support/storeFixtures.ts';

/** A lead (J. Smith) who sends the EXP domain of the middle-profile assessment to Ana Ruiz. */
export const set = loadShippedSet();
export const key = '0123456789abcdef01234567';
export const anaId = 'aaaaaaaaaaa1';
export const questionnaireIds = ['111111111111111111111111', '222222222222222222222222'] as const;
export const sentAt = new Date('2026-03-10T09:00:00.000Z');

export const ana: AssigneeDraft = {
  name: 'Ana Ruiz',
  role: 'network operations',
  note: 'Please answer by Friday.',
  domains: ['EXP'],
  questions: [],
};

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('; '));
  return result.value;
}

/** The middle-profile assessment run by J. Smith, with these answers and Ana as an assignee. */
export function leadAssessment(
  answers: Record<string, Answer> = {},
  assessmentKey = key,
  organisation?: string,
): Assessment {
  const { delegation: _none, ...assessment } = fixtureAssessment('middle-profile');
  return withNewAssignee(
    {
      ...assessment,
      ...(organisation ? { organisation } : {}),
      assessor: 'J. Smith',
      answers,
    },
    set,
    ana,
    { assigneeId: anaId, key: assessmentKey },
  );
}

export interface Sent {
  /** The assessment with the round recorded as sent. */
  assessment: Assessment;
  questionnaire: Questionnaire;
  text: string;
}

/** The next questionnaire to Ana, sealed as the app writes it, and read back. */
export function send(
  assessment: Assessment,
  questionnaireId: string = questionnaireIds[0],
  at = sentAt,
): Sent {
  const prepared = ok(prepareQuestionnaire(assessment, set, anaId, questionnaireId, at));
  const text = serializeQuestionnaire(prepared.questionnaire, at);
  const { questionnaire } = ok(parseQuestionnaireValue(JSON.parse(text)));
  return { assessment: prepared.assessment, questionnaire, text };
}

/** Ana's response file to a questionnaire, as the respondent's page writes it. */
export function responseText(
  questionnaire: Questionnaire,
  answers: Record<string, Omit<ResponseAnswer, 'answeredAt'>>,
  at = new Date('2026-03-12T15:00:00.000Z'),
): string {
  const stamped = Object.fromEntries(
    Object.entries(answers).map(([id, answer]) => [
      id,
      { answeredAt: '2026-03-12T14:00:00.000Z', ...answer },
    ]),
  );
  return serializeResponse(buildResponse(questionnaire, stamped, at), at);
}

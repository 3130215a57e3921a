import type { Assessment } from '../assessment/model.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import { fail, succeed, type Result } from '../result.ts';
import { assigneeById, nextRound, withRoundSent } from './assignments.ts';
import type { Questionnaire } from './questionnaire.ts';
import { assignedQuestions, buildQuestionnaire } from './questionnaireBuild.ts';

export interface PreparedQuestionnaire {
  /** The questionnaire, to be sealed (and perhaps encrypted) and handed to the person. */
  questionnaire: Omit<Questionnaire, 'integrity'>;
  /** The assessment with the round recorded as sent: kept once the file is written. */
  assessment: Assessment;
}

/**
 * The next questionnaire for one person and the assessment that records it: their assigned
 * questions, the current answers and the lead's note. Never throws.
 */
export function prepareQuestionnaire(
  assessment: Assessment,
  set: QuestionSet,
  assigneeId: string,
  questionnaireId: string,
  now: Date,
): Result<PreparedQuestionnaire> {
  const assignee = assigneeById(assessment, assigneeId);
  const key = assessment.delegation?.key;
  if (!assignee || !key)
    return fail({
      path: 'assignee',
      message: 'Nobody by that name has questions of this assessment.',
    });
  const questions = assignedQuestions(assignee, set, assessment.answers);
  if (questions.length === 0)
    return fail({
      path: 'assignee',
      message: `${assignee.name} has no questions to answer at present: assign a domain or questions first.`,
    });
  const round = nextRound(assignee);
  const questionnaire = buildQuestionnaire({
    assessment,
    set,
    key,
    assignee,
    round,
    questionnaireId,
    questions,
    now,
  });
  return succeed({
    questionnaire,
    assessment: withRoundSent(assessment, assigneeId, {
      round,
      questionnaireId,
      sentAt: now.toISOString(),
      questionIds: questions.map((q) => q.id),
    }),
  });
}

import { describe, expect, it } from 'vitest';
import { withNewAssignee } from '../../../src/core/delegation/assignments.ts';
import {
  assignedQuestions,
  buildQuestionnaire,
} from '../../../src/core/delegation/questionnaireBuild.ts';
import { prepareQuestionnaire } from '../../../src/core/delegation/send.ts';
import {
  anaId,
  benId,
  deepFreeze,
  key,
  leadAssessment,
  messages,
  ok,
  questionnaireIds,
  sentAt,
  set,
  withPeople,
} from '../../support/delegationFixtures.ts';

describe('prepareQuestionnaire', () => {
  it("writes the person's next questionnaire and records it as sent, leaving the given assessment alone", () => {
    const assessment = deepFreeze(withPeople(leadAssessment({ 'EXP-01': { choice: 'yes' } })));
    const copy = structuredClone(assessment);
    const prepared = ok(prepareQuestionnaire(assessment, set, anaId, questionnaireIds[0], sentAt));
    expect(assessment).toEqual(copy);
    const assignee = assessment.delegation?.assignees[0];
    if (!assignee) throw new Error('no assignee');
    const questions = assignedQuestions(assignee, set, assessment.answers);
    expect(prepared.questionnaire).toEqual(
      buildQuestionnaire({
        assessment,
        set,
        key,
        assignee,
        round: 1,
        questionnaireId: questionnaireIds[0],
        questions,
        now: sentAt,
      }),
    );
    expect(prepared.assessment.delegation?.assignees[0]?.rounds).toEqual([
      {
        round: 1,
        questionnaireId: questionnaireIds[0],
        sentAt: sentAt.toISOString(),
        questionIds: questions.map((q) => q.id),
        responses: [],
      },
    ]);
    // Nothing else of the assessment changes.
    expect({ ...prepared.assessment, delegation: undefined }).toEqual({
      ...assessment,
      delegation: undefined,
    });
  });

  it('numbers the rounds of each person on from their last', () => {
    const first = ok(
      prepareQuestionnaire(
        withPeople(leadAssessment(), 'both'),
        set,
        anaId,
        questionnaireIds[0],
        sentAt,
      ),
    );
    const second = ok(
      prepareQuestionnaire(
        first.assessment,
        set,
        anaId,
        questionnaireIds[1],
        new Date('2026-03-20T09:00:00Z'),
      ),
    );
    expect(second.questionnaire.round).toBe(2);
    expect(
      second.assessment.delegation?.assignees[0]?.rounds.map((r) => r.questionnaireId),
    ).toEqual([questionnaireIds[0], questionnaireIds[1]]);
    const ben = ok(
      prepareQuestionnaire(second.assessment, set, benId, questionnaireIds[2], sentAt),
    );
    expect(ben.questionnaire.round).toBe(1);
  });

  it('refuses, in plain words, a person the assessment does not have', () => {
    expect(
      messages(prepareQuestionnaire(leadAssessment(), set, anaId, questionnaireIds[0], sentAt)),
    ).toEqual(['Nobody by that name has questions of this assessment.']);
    expect(
      messages(
        prepareQuestionnaire(withPeople(leadAssessment()), set, benId, questionnaireIds[0], sentAt),
      ),
    ).toEqual(['Nobody by that name has questions of this assessment.']);
  });

  it('refuses a person with nothing to answer at present', () => {
    const nothing = withNewAssignee(
      leadAssessment({ 'EXP-01': { choice: 'no' } }),
      set,
      { name: 'Ben Okafor', domains: [], questions: ['EXP-02'] },
      { assigneeId: benId, key },
    );
    expect(
      messages(prepareQuestionnaire(nothing, set, benId, questionnaireIds[0], sentAt)),
    ).toEqual([
      'Ben Okafor has no questions to answer at present: assign a domain or questions first.',
    ]);
    const none = withNewAssignee(
      leadAssessment(),
      set,
      { name: 'Ben Okafor', domains: [], questions: [] },
      { assigneeId: benId, key },
    );
    expect(prepareQuestionnaire(none, set, benId, questionnaireIds[0], sentAt).ok).toBe(false);
  });
});

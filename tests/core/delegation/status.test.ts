import { describe, expect, it } from 'vitest';
import { withAssigneeChanged, withNewAssignee } from '../../../src/core/delegation/assignments.ts';
import { applyMerge } from '../../../src/core/delegation/merge.ts';
import type { Assessment } from '../../../src/core/assessment/model.ts';
import {
  assigneeStage,
  delegationByDomain,
  hasWaitingResponse,
  stageLabel,
  unsentQuestions,
} from '../../../src/core/delegation/status.ts';
import {
  ana,
  anaId,
  benId,
  key,
  leadAssessment,
  mergedAt,
  ok,
  questionnaireIds,
  receive,
  respond,
  send,
  set,
  withPeople,
} from '../../support/delegationFixtures.ts';

const count = (domain: string) => set.questions.filter((q) => q.domain === domain).length;
const stages = (assessment: Parameters<typeof delegationByDomain>[0]) =>
  Object.fromEntries([...delegationByDomain(assessment, set)].map(([id, d]) => [id, d.stage]));
/** Every question of a questionnaire answered with its first option. */
const everything = (questionnaire: ReturnType<typeof send>['questionnaire']) =>
  Object.fromEntries(
    questionnaire.questions.map((q) => [q.id, { choice: q.options[0]?.id ?? 'unknown' }]),
  );
/** Where a person's questions stand as a whole, in this assessment. */
const personStage = (assessment: Assessment, assigneeId = anaId) => {
  const assignee = assessment.delegation?.assignees.find((a) => a.id === assigneeId);
  if (!assignee) throw new Error(`no assignee ${assigneeId}`);
  return assigneeStage(assignee, set, assessment.answers);
};

describe('where each domain stands in its delegation', () => {
  it('is empty while nobody has questions of the assessment', () => {
    expect(delegationByDomain(leadAssessment(), set).size).toBe(0);
  });

  it('names who has questions of each domain, and how many of them', () => {
    const byDomain = delegationByDomain(withPeople(leadAssessment(), 'both'), set);
    expect(byDomain.get('EXP')).toEqual({
      domainId: 'EXP',
      stage: 'assigned',
      people: ['Ana Ruiz'],
      assigned: count('EXP'),
      questions: count('EXP'),
    });
    expect(byDomain.get('LOG')).toMatchObject({
      stage: 'assigned',
      people: ['Ben Okafor'],
      assigned: 1,
      questions: count('LOG'),
    });
    expect(byDomain.get('SUB')).toEqual({
      domainId: 'SUB',
      stage: 'not-assigned',
      people: [],
      assigned: 0,
      questions: count('SUB'),
    });
    expect(byDomain.size).toBe(set.domains.length);
  });

  it('follows a questionnaire from assigned to sent, returned and merged', () => {
    const assigned = withPeople(leadAssessment(), 'both');
    const sent = send(assigned);
    expect(stages(sent.assessment)).toMatchObject({
      EXP: 'sent',
      CRD: 'assigned',
      LOG: 'assigned',
    });
    const returned = receive(
      sent.assessment,
      respond(sent.questionnaire, { 'EXP-03': { choice: 'month' } }),
    ).assessment;
    expect(stages(returned)).toMatchObject({ EXP: 'returned', CRD: 'assigned' });
    const merged = ok(applyMerge(returned, set, anaId, {}, mergedAt));
    // Ana answered one question of EXP: the others are hers still, returned unanswered.
    expect(stages(merged)).toMatchObject({ EXP: 'left-open', CRD: 'assigned' });
    expect(stageLabel['left-open']).toBe('Returned unanswered');
    const [anaNow, benNow] = merged.delegation?.assignees ?? [];
    expect(anaNow && assigneeStage(anaNow, set, merged.answers)).toBe('left-open');
    expect(benNow && assigneeStage(benNow, set, merged.answers)).toBe('assigned');

    // Every question answered: merged.
    const all = Object.fromEntries(
      sent.questionnaire.questions.map((q) => [q.id, { choice: q.options[0]?.id ?? 'unknown' }]),
    );
    const complete = ok(
      applyMerge(
        receive(sent.assessment, respond(sent.questionnaire, all)).assessment,
        set,
        anaId,
        {},
        mergedAt,
      ),
    );
    expect(stages(complete)).toMatchObject({ EXP: 'merged' });
    expect(stageLabel.merged).toBe('Merged');
    const anaDone = complete.delegation?.assignees[0];
    expect(anaDone && assigneeStage(anaDone, set, complete.answers)).toBe('merged');
  });

  it('shows the least advanced stage of a domain whose questions several people have', () => {
    // Ana returns nothing: her questions are returned unanswered, and Ben's, not sent, hold EXP back.
    const sent = send(withPeople(leadAssessment()));
    const merged = ok(
      applyMerge(
        receive(sent.assessment, respond(sent.questionnaire, {})).assessment,
        set,
        anaId,
        {},
        mergedAt,
      ),
    );
    const withBen = withNewAssignee(
      merged,
      set,
      { name: 'Ben Okafor', domains: [], questions: ['EXP-02'] },
      { assigneeId: benId, key },
    );
    const exp = delegationByDomain(withBen, set).get('EXP');
    expect(exp).toMatchObject({
      stage: 'assigned',
      people: ['Ana Ruiz', 'Ben Okafor'],
      assigned: count('EXP'),
    });
    const benSent = send(withBen, benId, questionnaireIds[1]);
    expect(stages(benSent.assessment).EXP).toBe('sent');
  });

  it('shows a question assigned after the questionnaire was sent as not yet sent', () => {
    const sent = send(
      withNewAssignee(
        leadAssessment(),
        set,
        { name: 'Ben', domains: [], questions: ['CRD-01'] },
        { assigneeId: benId, key },
      ),
      benId,
    );
    const assignee = sent.assessment.delegation?.assignees[0];
    if (!assignee) throw new Error('no assignee');
    const widened = {
      ...sent.assessment,
      delegation: { key, assignees: [{ ...assignee, questions: ['CRD-01', 'CRD-02'] }] },
    };
    expect(stages(widened).CRD).toBe('assigned');
  });

  it('is not held back by a gated question that was not asked because its scope does not apply', () => {
    // EDR-03 and EDR-04 apply only when EXP-01 is yes: with "no", they are never sent.
    const assessment = withNewAssignee(
      leadAssessment({ 'EXP-01': { choice: 'no' } }),
      set,
      { name: 'Eve', domains: ['EDR'], questions: [] },
      { assigneeId: 'eeeeeeeeeeee', key },
    );
    expect(stages(assessment).EDR).toBe('assigned');
    const sent = send(assessment, 'eeeeeeeeeeee');
    expect(sent.questionnaire.questions.map((q) => q.id)).not.toContain('EDR-03');
    expect(stages(sent.assessment).EDR).toBe('sent');
    const returned = receive(
      sent.assessment,
      respond(sent.questionnaire, { 'EDR-01': { choice: 'all' } }),
    ).assessment;
    expect(stages(returned).EDR).toBe('returned');
    // Only EDR-01 answered: the others of EDR were returned unanswered.
    expect(stages(ok(applyMerge(returned, set, 'eeeeeeeeeeee', {}, mergedAt))).EDR).toBe(
      'left-open',
    );
    // Every question sent answered: merged, EDR-03 and EDR-04 (never asked) not holding it back.
    const complete = receive(
      sent.assessment,
      respond(sent.questionnaire, everything(sent.questionnaire)),
    ).assessment;
    expect(stages(complete).EDR).toBe('returned');
    expect(stages(ok(applyMerge(complete, set, 'eeeeeeeeeeee', {}, mergedAt))).EDR).toBe('merged');
    // Once the scope applies again, the gated questions wait to be sent.
    const rescoped = { ...sent.assessment, answers: { 'EXP-01': { choice: 'yes' } } };
    expect(stages(rescoped).EDR).toBe('assigned');
  });

  it('ranks "returned unanswered" after "returned" and before "merged"', () => {
    const sent = send(withPeople(leadAssessment()));
    // Ana answers EXP-03 only: merged, the other seven of EXP left open.
    const anaMerged = ok(
      applyMerge(
        receive(sent.assessment, respond(sent.questionnaire, { 'EXP-03': { choice: 'month' } }))
          .assessment,
        set,
        anaId,
        {},
        mergedAt,
      ),
    );
    expect(stages(anaMerged).EXP).toBe('left-open');
    // Ben gets EXP-02 too: assigned, then sent, hold the domain back…
    const withBen = withNewAssignee(
      anaMerged,
      set,
      { name: 'Ben Okafor', domains: [], questions: ['EXP-02'] },
      { assigneeId: benId, key },
    );
    expect(stages(withBen).EXP).toBe('assigned');
    const benSent = send(withBen, benId, questionnaireIds[1]);
    expect(stages(benSent.assessment).EXP).toBe('sent');
    // …so does his response waiting to be merged…
    const benReturned = receive(
      benSent.assessment,
      respond(benSent.questionnaire, { 'EXP-02': { choice: 'all' } }),
    ).assessment;
    expect(stages(benReturned).EXP).toBe('returned');
    // …and once it is merged, what Ana left open is the least advanced.
    expect(stages(ok(applyMerge(benReturned, set, benId, {}, mergedAt))).EXP).toBe('left-open');
  });

  it('shows a question returned while its response waits, even after a later round was sent', () => {
    const sent = send(withPeople(leadAssessment()));
    const waiting = receive(
      sent.assessment,
      respond(sent.questionnaire, everything(sent.questionnaire)),
    ).assessment;
    expect(stages(waiting).EXP).toBe('returned');
    const second = send(waiting, anaId, questionnaireIds[1], new Date('2026-03-13T09:00:00Z'));
    expect(stages(second.assessment).EXP).toBe('returned');
    expect(stages(ok(applyMerge(second.assessment, set, anaId, {}, mergedAt))).EXP).toBe('sent');
  });
});

describe("where a person's questions stand as a whole", () => {
  it('goes from assigned to sent, returned and merged, or returned unanswered', () => {
    const assigned = withPeople(leadAssessment());
    expect(personStage(assigned)).toBe('assigned');
    const anaNow = assigned.delegation?.assignees[0];
    expect(anaNow && hasWaitingResponse(anaNow)).toBe(false);
    expect(anaNow && unsentQuestions(anaNow, set, assigned.answers)).toEqual([
      'EXP-01',
      'EXP-02',
      'EXP-03',
      'EXP-08',
      'EXP-04',
      'EXP-05',
      'EXP-06',
      'EXP-07',
    ]);
    const sent = send(assigned);
    expect(personStage(sent.assessment)).toBe('sent');
    const partly = receive(
      sent.assessment,
      respond(sent.questionnaire, { 'EXP-03': { choice: 'month' } }),
    ).assessment;
    expect(personStage(partly)).toBe('returned');
    expect(stageLabel.returned).toBe('Returned, to merge');
    expect(personStage(ok(applyMerge(partly, set, anaId, {}, mergedAt)))).toBe('left-open');
    const whole = receive(
      sent.assessment,
      respond(sent.questionnaire, everything(sent.questionnaire)),
    ).assessment;
    expect(personStage(ok(applyMerge(whole, set, anaId, {}, mergedAt)))).toBe('merged');
  });

  it('is returned while any response waits, even one to an earlier round', () => {
    const sent = send(withPeople(leadAssessment()));
    const waiting = receive(
      sent.assessment,
      respond(sent.questionnaire, { 'EXP-03': { choice: 'month' } }),
    ).assessment;
    const second = send(waiting, anaId, questionnaireIds[1], new Date('2026-03-13T09:00:00Z'));
    const anaNow = second.assessment.delegation?.assignees[0];
    expect(anaNow?.rounds.map((r) => r.responses.length)).toEqual([1, 0]);
    expect(anaNow && hasWaitingResponse(anaNow)).toBe(true);
    expect(personStage(second.assessment)).toBe('returned');
    // Merged: the latest round, not answered yet, decides.
    const merged = ok(applyMerge(second.assessment, set, anaId, {}, mergedAt));
    const anaAfter = merged.delegation?.assignees[0];
    expect(anaAfter && hasWaitingResponse(anaAfter)).toBe(false);
    expect(personStage(merged)).toBe('sent');
  });

  it('is assigned when questions were given to the person after their last round', () => {
    const sent = send(withPeople(leadAssessment()));
    const merged = ok(
      applyMerge(
        receive(sent.assessment, respond(sent.questionnaire, everything(sent.questionnaire)))
          .assessment,
        set,
        anaId,
        {},
        mergedAt,
      ),
    );
    expect(personStage(merged)).toBe('merged');
    const widened = withAssigneeChanged(merged, set, anaId, { ...ana, questions: ['CRD-01'] });
    const anaNow = widened.delegation?.assignees[0];
    expect(anaNow && unsentQuestions(anaNow, set, widened.answers)).toEqual(['CRD-01']);
    expect(personStage(widened)).toBe('assigned');
    expect(stages(widened)).toMatchObject({ EXP: 'merged', CRD: 'assigned' });
    // Sent in a round of its own: the person's stage follows that round again.
    const resent = send(widened, anaId, questionnaireIds[1], new Date('2026-03-20T09:00:00Z'));
    expect(resent.questionnaire.questions.map((q) => q.id)).toContain('CRD-01');
    const anaResent = resent.assessment.delegation?.assignees[0];
    expect(anaResent && unsentQuestions(anaResent, set, resent.assessment.answers)).toEqual([]);
    expect(personStage(resent.assessment)).toBe('sent');
  });
});

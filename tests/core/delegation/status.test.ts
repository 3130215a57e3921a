import { describe, expect, it } from 'vitest';
import { withNewAssignee } from '../../../src/core/delegation/assignments.ts';
import { applyMerge } from '../../../src/core/delegation/merge.ts';
import {
  assigneeStage,
  delegationByDomain,
  stageLabel,
} from '../../../src/core/delegation/status.ts';
import {
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
} from './delegationFixtures.ts';

const count = (domain: string) => set.questions.filter((q) => q.domain === domain).length;
const stages = (assessment: Parameters<typeof delegationByDomain>[0]) =>
  Object.fromEntries([...delegationByDomain(assessment, set)].map(([id, d]) => [id, d.stage]));

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
    expect(stages(merged)).toMatchObject({ EXP: 'merged', CRD: 'assigned' });
    expect(stageLabel.merged).toBe('Merged');
    expect(assigneeStage(merged.delegation?.assignees[0] ?? (undefined as never))).toBe('merged');
    expect(assigneeStage(merged.delegation?.assignees[1] ?? (undefined as never))).toBe('assigned');
  });

  it('shows the least advanced stage of a domain whose questions several people have', () => {
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
    expect(stages(ok(applyMerge(returned, set, 'eeeeeeeeeeee', {}, mergedAt))).EDR).toBe('merged');
    // Once the scope applies again, the gated questions wait to be sent.
    const rescoped = { ...sent.assessment, answers: { 'EXP-01': { choice: 'yes' } } };
    expect(stages(rescoped).EDR).toBe('assigned');
  });
});

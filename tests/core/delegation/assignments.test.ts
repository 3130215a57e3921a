import { describe, expect, it } from 'vitest';
import { delegationSchema } from '../../../src/core/delegation/schema.ts';
import {
  assigneeById,
  delegationForCycle,
  nextRound,
  withAssigneeChanged,
  withNewAssignee,
  withoutAssignee,
  withRoundSent,
} from '../../../src/core/delegation/assignments.ts';
import {
  anaId,
  benId,
  key,
  leadAssessment,
  questionnaireIds,
  sentAt,
  set,
  withPeople,
} from '../../support/delegationFixtures.ts';

describe('assigning questions to people', () => {
  it("keeps what the lead typed, trimmed, and the domains and questions in the set's order", () => {
    const assessment = withNewAssignee(
      leadAssessment(),
      set,
      {
        name: '  Ana Ruiz ',
        role: ' network operations ',
        email: '   ',
        note: '',
        domains: ['LOG', 'EXP', 'NOPE'],
        questions: ['SUB-02', 'EXP-03', 'CRD-01', 'XYZ-01'],
      },
      { assigneeId: anaId, key },
    );
    expect(assessment.delegation).toEqual({
      key,
      assignees: [
        {
          id: anaId,
          name: 'Ana Ruiz',
          role: 'network operations',
          domains: ['EXP', 'LOG'],
          // EXP-03 is in a domain she has already; XYZ-01 is no question of the set.
          questions: ['CRD-01', 'SUB-02'],
          rounds: [],
        },
      ],
    });
    expect(delegationSchema.safeParse(assessment.delegation).success).toBe(true);
  });

  it('names the assessment with its first key, whatever key later people come with', () => {
    const both = withNewAssignee(
      withPeople(leadAssessment()),
      set,
      { name: 'Ben', domains: ['CRD'], questions: [] },
      {
        assigneeId: benId,
        key: 'f'.repeat(24),
      },
    );
    expect(both.delegation?.key).toBe(key);
    expect(both.delegation?.assignees.map((a) => a.id)).toEqual([anaId, benId]);
  });

  it('changes a person, clearing what the form left empty and keeping what was sent', () => {
    const sent = withRoundSent(withPeople(leadAssessment()), anaId, {
      round: 1,
      questionnaireId: questionnaireIds[0],
      sentAt: sentAt.toISOString(),
      questionIds: ['EXP-01'],
    });
    const changed = withAssigneeChanged(sent, set, anaId, {
      name: 'Ana Ruiz-Pérez',
      domains: ['CRD'],
      questions: [],
    });
    const ana = assigneeById(changed, anaId);
    expect(ana).toEqual({
      id: anaId,
      name: 'Ana Ruiz-Pérez',
      domains: ['CRD'],
      questions: [],
      rounds: assigneeById(sent, anaId)?.rounds,
    });
    expect(ana && nextRound(ana)).toBe(2);
  });

  it('removes a person and leaves the answers alone', () => {
    const assessment = withPeople(leadAssessment({ 'EXP-01': { choice: 'yes' } }), 'both');
    const without = withoutAssignee(assessment, anaId);
    expect(without.delegation?.assignees.map((a) => a.id)).toEqual([benId]);
    expect(without.answers).toBe(assessment.answers);
    expect(withoutAssignee(leadAssessment(), anaId)).toEqual(leadAssessment());
  });
});

describe('delegation in a new cycle', () => {
  it('keeps who answers what under a key of its own, without what was sent', () => {
    const sent = withRoundSent(withPeople(leadAssessment(), 'both'), anaId, {
      round: 1,
      questionnaireId: questionnaireIds[0],
      sentAt: sentAt.toISOString(),
      questionIds: ['EXP-01'],
    });
    const next = delegationForCycle(sent.delegation, '2027-Q1');
    expect(next?.key).toMatch(/^[0-9a-f]{24}$/);
    expect(next?.key).not.toBe(key);
    expect(delegationForCycle(sent.delegation, '2027-Q1')).toEqual(next);
    expect(delegationForCycle(sent.delegation, '2027-Q2')?.key).not.toBe(next?.key);
    expect(next?.assignees.map((a) => [a.name, a.domains, a.rounds])).toEqual([
      ['Ana Ruiz', ['EXP'], []],
      ['Ben Okafor', ['CRD'], []],
    ]);
  });

  it('carries nothing when nobody had questions', () => {
    expect(delegationForCycle(undefined, '2027-Q1')).toBeUndefined();
    expect(delegationForCycle({ key, assignees: [] }, '2027-Q1')).toBeUndefined();
  });
});

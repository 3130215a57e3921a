import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/core/assessment/model.ts';
import { answerChanges } from '../../../src/core/comparison/answerChanges.ts';
import { compare } from '../../../src/core/comparison/compare.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';
import { fixtureAssessment } from '../../support/storeFixtures.ts';

const set = loadShippedSet();

function changesBetween(before: Assessment, after: Assessment) {
  const previous = { assessment: before, result: score(set, before) };
  const current = { assessment: after, result: score(set, after) };
  return {
    previous,
    current,
    changes: answerChanges(set, compare(set, before, after), previous, current),
  };
}

/** A middle-profile cycle and the next one, where EXP-02 and LOG-06 improved without reaching full coverage. */
function partialProgress() {
  const before = fixtureAssessment('middle-profile');
  before.answers['EXP-02'] = { choice: 'some' };
  delete before.answers['SUB-07'];
  const after = structuredClone(before);
  after.cycle = '2027-Q1';
  after.answers['EXP-02'] = { choice: 'all' };
  after.answers['LOG-06'] = { choice: 'quarterly' };
  after.answers['EXP-03'] = { choice: 'verified' };
  after.answers['PRV-02'] = { choice: 'policy' };
  after.answers['SUB-07'] = { choice: 'isolated' };
  return { before, after };
}

describe('answerChanges', () => {
  it('lists partial improvements with the option labels before and now, not only closed gaps', () => {
    const { before, after } = partialProgress();
    const { changes } = changesBetween(before, after);
    expect(changes.improved.map(({ questionId, from, to }) => ({ questionId, from, to }))).toEqual([
      { questionId: 'EXP-02', from: 'Some, blocking', to: 'All, blocking' },
      { questionId: 'EXP-03', from: 'Within 30 days', to: 'Within 14 days, measured' },
      { questionId: 'LOG-06', from: "Don't know", to: 'Quarterly' },
    ]);
    expect(changes.worse.map(({ questionId, from, to }) => ({ questionId, from, to }))).toEqual([
      { questionId: 'PRV-02', from: 'Enforced for tier 0', to: 'Policy only' },
    ]);
    expect(
      changes.newlyAnswered.map(({ questionId, from, to }) => ({ questionId, from, to })),
    ).toEqual([{ questionId: 'SUB-07', from: 'Not answered', to: 'Restricted' }]);
    expect(changes.other).toEqual([]);
  });

  it('gives each change its score effect: the change in that answer’s contribution, in risk points', () => {
    const { before, after } = partialProgress();
    const { previous, current, changes } = changesBetween(before, after);
    const contribution = (result: typeof previous.result, id: string) =>
      result.questions.find((q) => q.questionId === id)?.contribution ?? 0;
    for (const change of [...changes.improved, ...changes.worse, ...changes.newlyAnswered])
      expect(change.effect).toBeCloseTo(
        contribution(current.result, change.questionId) -
          contribution(previous.result, change.questionId),
        12,
      );
    // The applicable weight is the same in both cycles, so EXP-02 (weight 5) moved 5 × (0.35 − 0.85).
    const exp02 = changes.improved.find((c) => c.questionId === 'EXP-02');
    expect(exp02?.effect).toBeCloseTo(
      (100 * 5 * (0.35 - 0.85)) / current.result.applicableWeight,
      12,
    );
    expect(changes.worse[0]?.effect).toBeGreaterThan(0);
  });

  it('shows the gaps closed and the new gaps with their answers before and now', () => {
    const { before, after } = partialProgress();
    const closed = changesBetween(before, after).changes.closedGaps;
    expect(closed.map(({ questionId, from, to }) => ({ questionId, from, to }))).toEqual([
      { questionId: 'EXP-03', from: 'Within 30 days', to: 'Within 14 days, measured' },
    ]);
    const mature = fixtureAssessment('mature-operator');
    const slipped = structuredClone(mature);
    slipped.answers['EXP-02'] = { choice: 'most' };
    const opened = changesBetween(mature, slipped).changes.newGaps;
    expect(opened.map(({ questionId, from, to }) => ({ questionId, from, to }))).toEqual([
      { questionId: 'EXP-02', from: 'All, blocking, verified', to: 'Most, blocking' },
    ]);
  });

  it('lists the same controls as worse that the comparison counts as regressions', () => {
    const { before, after } = partialProgress();
    const worse = changesBetween(before, after).changes.worse.map((c) => c.questionId);
    expect(worse).toEqual(compare(set, before, after).regressions.map((m) => m.questionId));
  });

  it('keeps every other changed answer, such as one now not applicable, and leaves unchanged ones out', () => {
    const before = fixtureAssessment('middle-profile');
    const after = structuredClone(before);
    after.answers['LOG-06'] = { choice: 'na', naReason: 'Logging is run by the group SOC.' };
    after.answers['EDR-03'] = { ...after.answers['EDR-03'], carriedOver: true };
    const { changes } = changesBetween(before, after);
    expect(changes.other.map(({ questionId, from, to }) => ({ questionId, from, to }))).toEqual([
      { questionId: 'LOG-06', from: "Don't know", to: 'Not applicable' },
    ]);
    expect(changes.other[0]?.effect).toBeLessThan(0);
    expect([...changes.improved, ...changes.worse, ...changes.newlyAnswered]).toEqual([]);
  });

  it('says when a control went out of scope by a scoping answer', () => {
    const before = fixtureAssessment('middle-profile');
    const after = structuredClone(before);
    after.answers['EXP-01'] = { choice: 'no' };
    const change = changesBetween(before, after).changes.other.find(
      (c) => c.questionId === 'EXP-02',
    );
    expect(change).toMatchObject({ from: 'All, blocking', to: 'Out of scope' });
    expect(change?.effect).toBeLessThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { actionProgress, compare } from '../../../src/core/comparison/compare.ts';
import { plan } from '../../../src/core/planning/plan.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';
import { fixtureAssessment } from '../../support/storeFixtures.ts';

const set = loadShippedSet();

describe('compare', () => {
  it('reports the score move, per-domain and per-phase moves, closed gaps, new gaps and regressions', () => {
    const before = fixtureAssessment('middle-profile');
    delete before.answers['SUB-07'];
    const after = structuredClone(before);
    after.cycle = '2027-Q1';
    after.answers['EXP-02'] = { choice: 'verified' }; // gap closed
    after.answers['PRV-02'] = { choice: 'policy' }; // regression from "enforced"
    after.answers['SUB-07'] = { choice: 'isolated' }; // was unanswered: still a gap
    const comparison = compare(set, before, after);
    const risk = (a: typeof before) => score(set, a).risk;
    expect(comparison.riskDelta).toBeCloseTo(risk(after) - risk(before), 12);
    expect(comparison.previous.cycle).toBe('2026-Q4');
    expect(comparison.current.cycle).toBe('2027-Q1');
    expect(comparison.closedGaps).toEqual(['EXP-02']);
    expect(comparison.regressions).toEqual([{ questionId: 'PRV-02', from: 0.75, to: 0.3 }]);
    expect(comparison.improvements.map((m) => m.questionId)).toEqual(['EXP-02', 'SUB-07']);
    expect(comparison.newGaps).toEqual([]);
    const exp = comparison.domains.find((d) => d.domainId === 'EXP');
    expect(exp?.delta).toBeLessThan(0);
    expect(comparison.phases).toHaveLength(8);
  });

  it('counts, per phase, the controls in place before and now', () => {
    const before = fixtureAssessment('middle-profile');
    const after = structuredClone(before);
    after.answers['EXP-03'] = { choice: 'verified' };
    const p1 = compare(set, before, after).phases.find((p) => p.phaseId === 'P1');
    expect(score(set, before).phases[0]?.preventedBy).not.toContain('EXP-03');
    expect(p1?.currentInPlace).toBe((p1?.previousInPlace ?? 0) + 1);
    expect(p1?.current).toBe('prevented');
  });

  it('counts a control that was fully in place and is now a gap as a new gap', () => {
    const before = fixtureAssessment('mature-operator');
    const after = structuredClone(before);
    after.answers['EXP-02'] = { choice: 'most' };
    expect(compare(set, before, after).newGaps).toEqual(['EXP-02']);
  });

  it("tells which of last cycle's actions are done, overdue or still open", () => {
    const before = fixtureAssessment('middle-profile');
    const previousPlan = plan(set, before);
    const after = structuredClone(before);
    for (const id of ['EDR-03', 'EDR-04']) after.answers[id] = { choice: 'verified' };
    after.answers['PRV-05'] = { choice: 'vault' };
    const today = '2027-01-15'; // the assessment was created on 2026-10-01
    const progress = actionProgress(previousPlan, score(set, before), score(set, after), today);
    const state = (id: string) => progress.find((p) => p.action.id === id)?.state;
    expect(state('WEB-SHELL-DETECTION')).toBe('done');
    expect(state('CRD-03')).toBe('overdue'); // small: its 0-30 day horizon ended on 2026-10-31
    expect(state('PRV-05')).toBe('improved'); // large: horizon ends 2027-03-30
    expect(state('SEG-01')).toBe('open'); // its owner set the due date 2027-06-30
    // A stop-gap is done once its critical gap is closed, even below full coverage.
    const contained = structuredClone(before);
    contained.answers['SEG-01'] = { choice: 'enforced' };
    const afterContainment = actionProgress(
      previousPlan,
      score(set, before),
      score(set, contained),
      today,
    );
    expect(afterContainment.find((p) => p.action.id === 'SEG-01-CONTAIN')?.state).toBe('done');
    expect(afterContainment.find((p) => p.action.id === 'SEG-01')?.state).toBe('improved');
  });
});

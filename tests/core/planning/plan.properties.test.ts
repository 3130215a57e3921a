import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlQuestions } from '../../../src/core/questionSet/coverage.ts';
import { effortUnits, plan, withGroupDone } from '../../../src/core/planning/plan.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { answersArbitrary } from '../../support/arbitraries.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';

const set = loadShippedSet();
const byId = new Map(controlQuestions(set).map((q) => [q.id, q]));
const runs = { numRuns: 1000 };

describe('plan(): properties over random answers to the shipped set (1,000 runs each)', () => {
  const answers = answersArbitrary(set);

  it('gives each action a risk reduction equal to the score change when it is done', () => {
    fc.assert(
      fc.property(answers, fc.nat(), (a, pick) => {
        const before = score(set, { answers: a });
        const { actions } = plan(set, { answers: a }, before);
        const action = actions[pick % Math.max(actions.length, 1)];
        if (!action) return;
        const questions = action.questionIds
          .map((id) => byId.get(id))
          .filter((q) => q !== undefined);
        const after = score(set, { answers: withGroupDone(a, questions) });
        expect(action.riskReduction).toBe(before.risk - after.risk);
        expect(action.riskReduction).toBeGreaterThanOrEqual(0);
      }),
      runs,
    );
  });

  it('has exactly one action per gap, each gap in one action', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = score(set, { answers: a });
        const gaps = result.questions
          .filter((q) => q.coverage !== null && q.coverage < 1)
          .map((q) => q.questionId);
        const planned = plan(set, { answers: a }, result).actions.flatMap(
          (action) => action.questionIds,
        );
        expect([...planned].sort()).toEqual([...gaps].sort());
      }),
      runs,
    );
  });

  it('orders actions by horizon, then by reduction per unit of effort, and puts critical gaps in 0-30 days', () => {
    const rank = { '0-30': 0, '31-90': 1, '91-180': 2 };
    fc.assert(
      fc.property(answers, (a) => {
        const { actions } = plan(set, { answers: a });
        for (const [i, action] of actions.entries()) {
          expect(action.priority).toBeCloseTo(
            action.riskReduction / effortUnits[action.effort],
            12,
          );
          if (action.critical) expect(action.horizon).toBe('0-30');
          const next = actions[i + 1];
          if (!next) continue;
          expect(rank[action.horizon]).toBeLessThanOrEqual(rank[next.horizon]);
          if (action.horizon === next.horizon)
            expect(action.priority).toBeGreaterThanOrEqual(next.priority);
        }
      }),
      runs,
    );
  });

  it('is stable: the same answers in any key order give the same plan', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const reversed = Object.fromEntries(Object.entries(a).reverse());
        expect(plan(set, { answers: reversed })).toEqual(plan(set, { answers: a }));
      }),
      runs,
    );
  });
});

describe('plan(): grouping and links', () => {
  it('groups questions that share one remediation into one action', () => {
    const a = {
      'EXP-01': { choice: 'yes' },
      'EDR-03': { choice: 'none' },
      'EDR-04': { choice: 'none' },
    };
    const action = plan(set, { answers: a }).actions.find((x) => x.id === 'WEB-SHELL-DETECTION');
    expect(action?.questionIds).toEqual(['EDR-03', 'EDR-04']);
    expect(action?.critical).toBe(true);
    expect(action?.recommendations).toEqual(['R3', 'D11']);
    expect(action?.attack).toEqual(expect.arrayContaining(['T1505.003', 'T1059.003']));
    expect(action?.nistCsf).toEqual(expect.arrayContaining(['DE.CM-09']));
    expect(action?.cisV8).toEqual(expect.arrayContaining(['13.2', '3.14']));
  });

  it('carries owners and the earliest due date of its questions', () => {
    const a = {
      'EDR-03': { choice: 'none', owner: 'SOC lead', due: '2027-03-31' },
      'EDR-04': { choice: 'some', owner: 'Web platform team', due: '2027-01-15' },
    };
    const action = plan(set, { answers: a }).actions.find((x) => x.id === 'WEB-SHELL-DETECTION');
    expect(action?.owners).toEqual(['SOC lead', 'Web platform team']);
    expect(action?.due).toBe('2027-01-15');
  });

  it('leaves a not-applicable control out of the plan, but plans unknown and reason-less N/A answers', () => {
    const a = {
      'SUB-06': { choice: 'na', note: 'No CDR store of our own.' },
      'SUB-07': { choice: 'unknown' },
      'SUB-08': { choice: 'na' },
    };
    const ids = plan(set, { answers: a }).actions.flatMap((x) => x.questionIds);
    expect(ids).not.toContain('SUB-06');
    expect(ids).toContain('SUB-07');
    expect(ids).toContain('SUB-08');
  });
});

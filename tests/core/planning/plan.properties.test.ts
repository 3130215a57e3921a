import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/core/assessment/model.ts';
import { controlQuestions } from '../../../src/core/questionSet/coverage.ts';
import { plan, type Horizon } from '../../../src/core/planning/plan.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { answersArbitrary } from '../../support/arbitraries.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';
import { propertyRuns } from '../../support/propertyRuns.ts';

const set = loadShippedSet();
const byId = new Map(controlQuestions(set).map((q) => [q.id, q]));
const runs = { numRuns: propertyRuns(1000) };
const days: Record<Horizon, number> = { '0-30': 30, '31-90': 90, '91-180': 180 };
/** The shortest horizon each effort can honestly promise: a quarter's work is not 30 days. */
const shortest: Record<string, number> = { S: 30, M: 90, L: 180 };

/** The answers with the given questions at the option whose coverage is 1, looked up directly. */
function fullyCovered(answers: Record<string, Answer>, ids: readonly string[]) {
  const next = { ...answers };
  for (const id of ids) {
    const full = byId.get(id)?.options.find((o) => o.coverage === 1);
    if (full) next[id] = { choice: full.id };
  }
  return next;
}

describe('plan(): properties over random answers to the shipped set (1,000 runs each)', () => {
  const answers = answersArbitrary(set);

  it('gives each fix a risk reduction equal to the score change when all its questions reach full coverage', () => {
    fc.assert(
      fc.property(answers, fc.nat(), (a, pick) => {
        const before = score(set, { answers: a });
        const fixes = plan(set, { answers: a }, before).actions.filter((x) => x.kind === 'fix');
        const action = fixes[pick % Math.max(fixes.length, 1)];
        if (!action) return;
        const after = score(set, { answers: fullyCovered(a, action.questionIds) });
        expect(action.riskReduction).toBeCloseTo(before.risk - after.risk, 9);
        expect(action.riskReduction).toBeGreaterThanOrEqual(0);
        // Done, every question of the action is fully in place.
        for (const id of action.questionIds)
          expect(after.questions.find((q) => q.questionId === id)?.coverage).toBe(1);
      }),
      runs,
    );
  });

  it('has exactly one fix per gap, and a stop-gap only for a critical gap that takes longer than 30 days', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = score(set, { answers: a });
        const gaps = result.questions
          .filter((q) => q.coverage !== null && q.coverage < 1)
          .map((q) => q.questionId);
        const { actions } = plan(set, { answers: a }, result);
        const fixed = actions.filter((x) => x.kind === 'fix').flatMap((x) => x.questionIds);
        expect([...fixed].sort()).toEqual([...gaps].sort());
        for (const stopGap of actions.filter((x) => x.kind === 'containment')) {
          expect(stopGap.horizon).toBe('0-30');
          expect(stopGap.riskReduction).toBe(0);
          for (const id of stopGap.questionIds) expect(result.criticalGaps).toContain(id);
          const fix = actions.find((x) => x.id === stopGap.related);
          expect(fix?.horizon).not.toBe('0-30');
          expect(actions.indexOf(stopGap)).toBeLessThan(actions.indexOf(fix ?? stopGap) + 1);
        }
      }),
      runs,
    );
  });

  it('respects effort, dependencies and criticality in its order and horizons', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const { actions } = plan(set, { answers: a });
        const position = new Map(actions.map((x, i) => [x.id, i]));
        const horizonOf = new Map(actions.map((x) => [x.id, x.horizon]));
        for (const [i, action] of actions.entries()) {
          if (action.kind === 'fix')
            expect(days[action.horizon]).toBeGreaterThanOrEqual(shortest[action.effort] ?? 0);
          for (const { actionId, why } of action.after) {
            expect(position.get(actionId)).toBeLessThan(i);
            expect(days[action.horizon]).toBeGreaterThanOrEqual(
              days[horizonOf.get(actionId) ?? '0-30'],
            );
            expect(why.length).toBeGreaterThan(10);
          }
          const next = actions[i + 1];
          if (!next || next.after.length > 0 || next.horizonReason !== 'effort') continue;
          if (action.horizonReason === 'effort' && action.horizon === next.horizon)
            expect(Number(action.critical)).toBeGreaterThanOrEqual(Number(next.critical));
        }
      }),
      runs,
    );
  });

  it('opens with the assume-breach steps exactly when the band is high or worse and either nothing detects before lateral movement or nobody has looked for an intruder', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = score(set, { answers: a });
        const remediation = plan(set, { answers: a }, result);
        const early = ['P1', 'P2', 'P3', 'P4'];
        const looked = result.questions.some(
          (q) => q.inPlace && byId.get(q.questionId)?.remediation.assumeBreach,
        );
        const likely =
          (result.band === 'high' || result.band === 'critical') &&
          (!early.includes(result.chain.earliestDetection ?? 'none') || !looked);
        const breachSteps = remediation.actions.filter((x) => x.horizonReason === 'assume-breach');
        expect(remediation.assumeBreach).toBe(likely && breachSteps.length > 0);
        // They come first, and only the set's assume-breach remediations are such steps.
        breachSteps.forEach((step, i) => {
          expect(remediation.actions[i]).toBe(step);
          expect(step.questionIds.every((id) => byId.get(id)?.remediation.assumeBreach)).toBe(true);
        });
      }),
      runs,
    );
  });

  it('rolls every fix into exactly one of at most ten programmes', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const remediation = plan(set, { answers: a });
        expect(remediation.programmes.length).toBeLessThanOrEqual(10);
        const inProgrammes = remediation.programmes.flatMap((p) => p.actionIds);
        const fixes = remediation.actions.filter((x) => x.kind === 'fix').map((x) => x.id);
        expect([...inProgrammes].sort()).toEqual([...fixes].sort());
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

describe('plan(): grouping, dependencies and dates', () => {
  it('groups questions that share one remediation into one action', () => {
    const a = {
      'EXP-01': { choice: 'yes' },
      'EDR-01': { choice: 'verified' },
      'EDR-03': { choice: 'none' },
      'EDR-04': { choice: 'none' },
    };
    const action = plan(set, { answers: a }).actions.find((x) => x.id === 'WEB-SHELL-DETECTION');
    expect(action?.questionIds).toEqual(['EDR-03', 'EDR-04']);
    // Web-shell alerts add to EDR (EDR-01, critical); on their own they are not critical.
    expect(action?.critical).toBe(false);
    expect(action?.recommendations).toEqual(['R3', 'D11']);
    expect(action?.attack).toEqual(expect.arrayContaining(['T1505.003', 'T1059.003']));
    expect(action?.nistCsf).toEqual(expect.arrayContaining(['DE.CM-09']));
    expect(action?.cisV8).toEqual(expect.arrayContaining(['13.2', '8.8']));
  });

  it('puts web-shell alerting after the EDR roll-out it needs, and says why', () => {
    const a = {
      'EDR-01': { choice: 'none' },
      'LOG-02': { choice: 'none' },
      'EDR-03': { choice: 'none' },
    };
    const { actions } = plan(set, { answers: a });
    const ids = actions.map((x) => x.id);
    const alerting = actions.find((x) => x.id === 'WEB-SHELL-DETECTION');
    expect(alerting?.after).toEqual([
      {
        actionId: 'EDR-SERVER-ROLLOUT',
        why: 'EDR-03: The alert reads process-creation events from the web servers, which EDR or central process logging provides.',
      },
    ]);
    expect(ids.indexOf('EDR-SERVER-ROLLOUT')).toBeLessThan(ids.indexOf('WEB-SHELL-DETECTION'));
  });

  it('needs no prerequisite once process logging, one of the alternatives, is in place', () => {
    const a = {
      'EDR-01': { choice: 'none' },
      'LOG-02': { choice: 'all' },
      'EDR-03': { choice: 'none' },
    };
    const alerting = plan(set, { answers: a }).actions.find((x) => x.id === 'WEB-SHELL-DETECTION');
    expect(alerting?.after).toEqual([]);
  });

  it('gives a large critical fix a realistic horizon and a stop-gap within 30 days', () => {
    const { actions } = plan(set, { answers: { 'SEG-01': { choice: 'flat' } } });
    const ids = actions.map((x) => x.id);
    expect(actions.find((x) => x.id === 'SEG-01')?.horizon).toBe('91-180');
    expect(actions.find((x) => x.id === 'SEG-01-CONTAIN')).toMatchObject({
      kind: 'containment',
      horizon: '0-30',
      related: 'SEG-01',
    });
    expect(ids.indexOf('SEG-01-CONTAIN')).toBeLessThan(ids.indexOf('SEG-01'));
  });

  it('carries owners and the earliest due date of its questions, and flags a due date after its horizon', () => {
    const a = {
      'EDR-03': { choice: 'most', owner: 'SOC lead', due: '2027-03-31' },
      'EDR-04': { choice: 'some', owner: 'Web platform team', due: '2026-12-15' },
    };
    const inTime = plan(set, { answers: a, createdAt: '2026-10-01T00:00:00Z' });
    const action = inTime.actions.find((x) => x.id === 'WEB-SHELL-DETECTION');
    expect(action?.owners).toEqual(['SOC lead', 'Web platform team']);
    expect(action?.due).toBe('2026-12-15');
    expect(action?.horizon).toBe('31-90');
    expect(action?.dueAfterHorizon).toBe(false);
    const late = plan(set, { answers: a, createdAt: '2026-06-01T00:00:00Z' });
    expect(late.actions.find((x) => x.id === 'WEB-SHELL-DETECTION')?.dueAfterHorizon).toBe(true);
  });

  it('leaves a compensated not-applicable control out of the plan, but plans unknown, reason-less and uncompensated N/A answers', () => {
    const a = {
      'SUB-06': { choice: 'na', naReason: 'No CDR store of our own.' },
      'SUB-07': { choice: 'unknown' },
      'SUB-08': { choice: 'na' },
      'SUB-02': { choice: 'na', naReason: 'The vendor runs the CDR store.' },
    };
    const ids = plan(set, { answers: a }).actions.flatMap((x) => x.questionIds);
    expect(ids).not.toContain('SUB-06');
    expect(ids).toContain('SUB-07');
    expect(ids).toContain('SUB-08');
    expect(ids).toContain('SUB-02');
    const compensated = {
      ...a,
      'SUB-02': {
        choice: 'na',
        naReason: 'The vendor runs the CDR store.',
        compensatingControl: 'Contractual query auditing with alerts to our SOC.',
        riskAcceptedBy: 'J. Doe, CISO',
      },
    };
    expect(plan(set, { answers: compensated }).actions.flatMap((x) => x.questionIds)).not.toContain(
      'SUB-02',
    );
  });
});

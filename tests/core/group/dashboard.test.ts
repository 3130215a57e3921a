import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Assessment } from '../../../src/core/assessment/model.ts';
import {
  groupDashboard,
  hasGroupRisk,
  type StoredAssessment,
} from '../../../src/core/group/dashboard.ts';
import { membersOf } from '../../../src/core/group/members.ts';
import {
  defaultStaleAfterDays,
  type Group,
  type GroupMember,
} from '../../../src/core/group/model.ts';
import { plan } from '../../../src/core/planning/plan.ts';
import { controlQuestions } from '../../../src/core/questionSet/coverage.ts';
import type { ControlQuestion, QuestionSet } from '../../../src/core/questionSet/schema.ts';
import { progressOf } from '../../../src/core/scoring/progress.ts';
import { score } from '../../../src/core/scoring/score.ts';
import { answersArbitrary } from '../../support/arbitraries.ts';
import { storedOf, twelveSubsidiaries } from '../../support/groupFixtures.ts';
import { propertyRuns } from '../../support/propertyRuns.ts';
import { loadShippedSet } from '../../support/shippedSet.ts';
import { fixtureAssessment } from '../../support/storeFixtures.ts';

const set = loadShippedSet();
const controls = controlQuestions(set);
const asOf = new Date('2027-01-15T12:00:00Z');

const groupOf = (members: GroupMember[], staleAfterDays = defaultStaleAfterDays): Group => ({
  id: 'a1b2c3d4e5f6',
  name: 'Test Group',
  setId: set.id,
  members,
  staleAfterDays,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
});

/** A fixture's answers as another member's cycle. */
function memberCycle(
  fixture: string,
  organisation: string,
  details: Partial<Assessment> = {},
): Assessment {
  return { ...fixtureAssessment(fixture), organisation, scope: 'Core', ...details };
}

const stored = (...assessments: Assessment[]): StoredAssessment[] =>
  assessments.map((assessment, index) => ({ id: `id-${index}`, assessment }));

const best = (question: ControlQuestion) => question.options.at(-1)?.id ?? '';
const worst = (question: ControlQuestion) => question.options[0]?.id ?? '';

/** All best answers, with the given controls at their worst option (or the given answer). */
function bestExcept(organisation: string, changes: Record<string, Answer>): Assessment {
  const base = memberCycle('all-best', organisation);
  return { ...base, answers: { ...base.answers, ...changes } };
}

describe('groupDashboard: the group risk', () => {
  const worstRisk = 100;
  const middleRisk = score(set, fixtureAssessment('middle-profile')).risk;

  it('is the weighted mean of the latest risks, worked out by hand; a member without a weight counts 1', () => {
    const members = [
      { organisation: 'Alpha', scope: 'Core', weight: 3 },
      { organisation: 'Beta', scope: 'Core', weight: 1 },
      { organisation: 'Gamma', scope: 'Core' },
    ];
    const dashboard = groupDashboard(
      set,
      groupOf(members),
      stored(
        memberCycle('all-worst', 'Alpha'),
        memberCycle('all-best', 'Beta'),
        memberCycle('middle-profile', 'Gamma'),
      ),
      asOf,
    );
    // (3 × 100 + 1 × 0 + 1 × middle) / (3 + 1 + 1)
    expect(dashboard.groupRisk).toBeCloseTo((3 * worstRisk + 0 + middleRisk) / 5, 10);
    expect(dashboard.groupBand).toBe('high');
    expect(dashboard.members.map((m) => m.weight)).toEqual([3, 1, 1]);
    expect(dashboard.method).toContain('weighted mean');
    expect(dashboard.method).toContain('still counts');
  });

  it('counts every member equally when no weight is given, and says so', () => {
    const dashboard = groupDashboard(
      set,
      groupOf([
        { organisation: 'Alpha', scope: 'Core' },
        { organisation: 'Beta', scope: 'Core' },
      ]),
      stored(memberCycle('all-worst', 'Alpha'), memberCycle('middle-profile', 'Beta')),
      asOf,
    );
    expect(dashboard.groupRisk).toBeCloseTo((worstRisk + middleRisk) / 2, 10);
    expect(dashboard.method).toContain('each counting equally');
  });

  it('leaves members without a cycle out of every figure, and has no risk when none has one', () => {
    const members = [
      { organisation: 'Alpha', scope: 'Core' },
      { organisation: 'Nobody yet', scope: 'Core', weight: 50 },
    ];
    const one = groupDashboard(
      set,
      groupOf(members),
      stored(memberCycle('all-worst', 'Alpha')),
      asOf,
    );
    expect(one.groupRisk).toBe(100);
    expect(one.members[1]).toEqual({
      member: members[1],
      key: expect.any(String) as string,
      weight: 50,
      stale: false,
    });
    expect(one.phases.every((p) => p.membersWithCycle === 1)).toBe(true);
    expect(one.method).toContain('1 member has no cycle yet and is left out');

    const none = groupDashboard(set, groupOf(members), [], asOf);
    expect(none.groupRisk).toBeNull();
    expect(none.groupBand).toBeNull();
    expect(hasGroupRisk(none)).toBe(false);
    expect(hasGroupRisk(one)).toBe(true);
    expect(none.commonGaps).toEqual([]);
    expect(none.weakestPhase).toBeNull();
  });
});

describe('groupDashboard: each member', () => {
  it('takes the latest cycle by cycle order (ties by creation) and the cycle before it, of this set only', () => {
    const q3 = memberCycle('all-worst', 'Alpha', { cycle: '2026-Q3' });
    const q4Early = memberCycle('middle-profile', 'Alpha', {
      cycle: '2026-Q4',
      createdAt: '2026-10-01T09:00:00.000Z',
    });
    const q4Late = memberCycle('all-best', 'Alpha', {
      cycle: '2026-Q4',
      createdAt: '2026-10-02T09:00:00.000Z',
    });
    const q1 = memberCycle('middle-profile', 'Alpha', { cycle: '2026-Q1' });
    // Letter case and spaces do not make another member; another set's assessment is not this one's.
    const otherSpelling = { ...q3, organisation: '  ALPHA ', cycle: '2026-Q2' };
    const otherSet = {
      ...fixtureAssessment('network-side'),
      organisation: 'Alpha',
      scope: 'Core',
      cycle: '2027-Q1',
    };
    const items = stored(q1, q4Late, otherSet, q3, q4Early, otherSpelling);
    const [standing] = groupDashboard(
      set,
      groupOf([{ organisation: 'Alpha', scope: 'core' }]),
      items,
      asOf,
    ).members;
    expect(standing?.latest?.assessmentId).toBe('id-1');
    expect(standing?.latest?.risk).toBe(0);
    expect(standing?.previous).toEqual({ cycle: '2026-Q3', risk: 100, band: 'critical' });
    expect(standing?.change).toBe(-100);
  });

  it('reports the latest cycle as its own results and plan give it', () => {
    const assessment = memberCycle('middle-profile', 'Alpha');
    const [standing] = groupDashboard(
      set,
      groupOf([{ organisation: 'Alpha', scope: 'Core' }]),
      stored(assessment),
      asOf,
    ).members;
    const result = score(set, assessment);
    const progress = progressOf(set, assessment.answers);
    expect(standing?.previous).toBeUndefined();
    expect(standing?.change).toBeUndefined();
    expect(standing?.latest).toMatchObject({
      cycle: assessment.cycle,
      band: result.band,
      answered: progress.answered,
      visible: progress.visible,
      unopposed: result.chain.unopposed,
      weakest: result.chain.weakest,
    });
    expect(standing?.latest?.domains).toEqual(
      result.domains.map((d) => ({ domainId: d.domainId, risk: d.risk })),
    );
    expect(standing?.latest?.topProgrammes.map((p) => p.id)).toEqual(
      plan(set, assessment, result)
        .programmes.slice(0, 3)
        .map((p) => p.id),
    );
  });

  it('takes the trend over the members with a previous cycle only, then and now with the same weights', () => {
    const middle = fixtureAssessment('middle-profile');
    const middleRisk = score(set, middle).risk;
    const dashboard = groupDashboard(
      set,
      groupOf([
        { organisation: 'Alpha', scope: 'Core', weight: 3 },
        { organisation: 'Beta', scope: 'Core' },
        { organisation: 'Gamma', scope: 'Core', weight: 5 },
      ]),
      stored(
        memberCycle('all-worst', 'Alpha', { cycle: '2026-Q3' }),
        memberCycle('all-best', 'Alpha', { cycle: '2026-Q4' }),
        memberCycle('middle-profile', 'Beta', { cycle: '2026-Q3' }),
        memberCycle('middle-profile', 'Beta', { cycle: '2026-Q4' }),
        // A first cycle: in the group risk, not in the trend.
        memberCycle('all-worst', 'Gamma', { cycle: '2026-Q4' }),
      ),
      asOf,
    );
    expect(dashboard.trend?.members).toBe(2);
    expect(dashboard.trend?.before).toBeCloseTo((3 * 100 + middleRisk) / 4, 10);
    expect(dashboard.trend?.now).toBeCloseTo((3 * 0 + middleRisk) / 4, 10);
    expect(dashboard.groupRisk).toBeCloseTo((0 + middleRisk + 5 * 100) / 9, 10);
    const firstCycles = groupDashboard(
      set,
      groupOf([{ organisation: 'Alpha', scope: 'Core' }]),
      stored(memberCycle('all-worst', 'Alpha')),
      asOf,
    );
    expect(firstCycles.trend).toBeNull();
  });

  it('counts unconfirmed answers', () => {
    const assessment = memberCycle('middle-profile', 'Alpha');
    const carried = Object.fromEntries(
      Object.entries(assessment.answers).map(([id, answer], index) => [
        id,
        index < 4 ? { ...answer, carriedOver: true as const } : answer,
      ]),
    );
    const [standing] = groupDashboard(
      set,
      groupOf([{ organisation: 'Alpha', scope: 'Core' }]),
      stored({ ...assessment, answers: carried }),
      asOf,
    ).members;
    expect(standing?.latest?.unconfirmed).toBe(4);
  });

  it('is stale when its latest cycle was last updated more than the limit before the as-of date, in whole days', () => {
    const at = (daysBefore: number) =>
      new Date(asOf.getTime() - daysBefore * 86_400_000).toISOString();
    const dashboard = groupDashboard(
      set,
      groupOf(
        [
          { organisation: 'Fresh', scope: 'Core' },
          { organisation: 'Just within', scope: 'Core' },
          { organisation: 'Just over', scope: 'Core' },
        ],
        90,
      ),
      stored(
        memberCycle('all-best', 'Fresh', { updatedAt: at(10) }),
        memberCycle('all-best', 'Just within', { updatedAt: at(90.9) }),
        memberCycle('all-best', 'Just over', { updatedAt: at(91) }),
      ),
      asOf,
    );
    expect(dashboard.members.map((m) => [m.ageDays, m.stale])).toEqual([
      [10, false],
      [90, false],
      [91, true],
    ]);
    // A stale member still counts.
    expect(dashboard.groupRisk).toBe(0);
  });
});

describe('groupDashboard: the attack chain across the group', () => {
  it('counts the members that pass each phase unopposed, and names the phase most pass', () => {
    const assessments = twelveSubsidiaries();
    const dashboard = groupDashboard(
      set,
      groupOf(membersOf(assessments)),
      storedOf(assessments),
      asOf,
    );
    const latest = assessments.filter((a) => a.cycle === '2026-Q4');
    for (const phase of dashboard.phases) {
      expect(phase.membersWithCycle).toBe(12);
      expect(phase.unopposedIn).toBe(
        latest.filter((a) => score(set, a).chain.unopposed.includes(phase.phaseId)).length,
      );
    }
    const most = Math.max(...dashboard.phases.map((p) => p.unopposedIn));
    expect(most).toBeGreaterThan(0);
    expect(dashboard.phases.find((p) => p.phaseId === dashboard.weakestPhase)?.unopposedIn).toBe(
      most,
    );
  });

  it('counts the members where a critical control of a phase is not in place, though another opposes it', () => {
    const critical = controls.find(
      (q) => q.critical && q.effect.includes('prevent') && q.phases.length > 0,
    );
    if (!critical) throw new Error('the set has a critical preventive control');
    const dashboard = groupDashboard(
      set,
      groupOf([
        { organisation: 'Alpha', scope: 'Core' },
        { organisation: 'Beta', scope: 'Core' },
      ]),
      stored(
        bestExcept('Alpha', { [critical.id]: { choice: worst(critical) } }),
        memberCycle('all-best', 'Beta'),
      ),
      asOf,
    );
    for (const phase of dashboard.phases) {
      // Everything else is in place: the phase is opposed in both members.
      expect(phase.unopposedIn).toBe(0);
      expect(phase.criticalGapIn).toBe(critical.phases.includes(phase.phaseId) ? 1 : 0);
    }
  });

  it('breaks a tie by the fewest controls in place across the group, and has none when no phase is unopposed', () => {
    // One member passes every phase unopposed: the tie goes to the phase with the fewest
    // controls in place in the other, all-best member.
    const dashboard = groupDashboard(
      set,
      groupOf([
        { organisation: 'Worst', scope: 'Core' },
        { organisation: 'Best', scope: 'Core' },
      ]),
      stored(memberCycle('all-worst', 'Worst'), memberCycle('all-best', 'Best')),
      asOf,
    );
    const bestResult = score(set, fixtureAssessment('all-best'));
    const inPlace = (phaseId: string) => {
      const phase = bestResult.phases.find((p) => p.phaseId === phaseId);
      return new Set([...(phase?.preventedBy ?? []), ...(phase?.detectedBy ?? [])]).size;
    };
    const fewest = Math.min(...set.phases.map((p) => inPlace(p.id)));
    expect(dashboard.weakestPhase).toBe(set.phases.find((p) => inPlace(p.id) === fewest)?.id);

    const allBest = groupDashboard(
      set,
      groupOf([{ organisation: 'Best', scope: 'Core' }]),
      stored(memberCycle('all-best', 'Best')),
      asOf,
    );
    expect(allBest.weakestPhase).toBeNull();
  });
});

describe('groupDashboard: common gaps and group programmes', () => {
  const [first, second] = controls.filter((q) => !q.critical && q.remediation.programme);
  if (!first || !second) throw new Error('the shipped set has two non-critical controls');
  const four = ['North', 'South', 'East', 'West'].map((organisation) => ({
    organisation,
    scope: 'Core',
  }));

  it('is a control below the threshold in more than half of the members where it applies', () => {
    const dashboard = groupDashboard(
      set,
      groupOf(four),
      stored(
        // first: below in 3 of 4; second: below in 2 of 4, exactly half.
        bestExcept('North', {
          [first.id]: { choice: worst(first) },
          [second.id]: { choice: worst(second) },
        }),
        bestExcept('South', {
          [first.id]: { choice: worst(first) },
          [second.id]: { choice: 'unknown' },
        }),
        bestExcept('East', { [first.id]: { choice: worst(first) } }),
        bestExcept('West', {}),
      ),
      asOf,
    );
    expect(dashboard.commonGaps.map((g) => g.questionId)).toEqual([first.id]);
    expect(dashboard.commonGaps[0]).toMatchObject({
      title: first.title,
      critical: false,
      membersBelow: 3,
      membersApplicable: 4,
      programmeId: first.remediation.programme,
    });
  });

  it('leaves a member where the control does not apply out of the count', () => {
    const na: Answer = { choice: 'na', naReason: 'Not run here.' };
    const dashboard = groupDashboard(
      set,
      groupOf(four),
      stored(
        // second: below in 2 of the 3 members where it applies.
        bestExcept('North', { [second.id]: { choice: worst(second) } }),
        bestExcept('South', { [second.id]: { choice: worst(second) } }),
        bestExcept('East', { [second.id]: na }),
        bestExcept('West', {}),
      ),
      asOf,
    );
    expect(dashboard.commonGaps).toMatchObject([
      { questionId: second.id, membersBelow: 2, membersApplicable: 3 },
    ]);
    // Fully in place everywhere, the group risk falls to 0: East adds nothing to the cut, but
    // counts in its mean as it does in the group risk's.
    expect(dashboard.commonGaps[0]?.groupRiskReduction).toBeCloseTo(dashboard.groupRisk ?? NaN, 10);
  });

  it('counts a control hidden by a scoping answer as not applicable', () => {
    const webTier = controls.find((q) => q.showIf?.question === 'EXP-01' && !q.critical);
    if (!webTier) throw new Error('the shipped set has a web-tier control');
    const dashboard = groupDashboard(
      set,
      groupOf(four),
      stored(
        bestExcept('North', { [webTier.id]: { choice: worst(webTier) } }),
        bestExcept('South', { [webTier.id]: { choice: worst(webTier) } }),
        bestExcept('East', {
          'EXP-01': { choice: 'no' },
          [webTier.id]: { choice: worst(webTier) },
        }),
        bestExcept('West', {}),
      ),
      asOf,
    );
    expect(dashboard.commonGaps).toMatchObject([
      { questionId: webTier.id, membersBelow: 2, membersApplicable: 3 },
    ]);
    expect(dashboard.commonGaps[0]?.groupRiskReduction).toBeCloseTo(dashboard.groupRisk ?? NaN, 10);
  });

  it('puts a critical control first among gaps that cut the group risk as much', () => {
    const critical = controls.find(
      (q) =>
        q.critical &&
        controls.some(
          (n) => !n.critical && n.weight === q.weight && controls.indexOf(n) < controls.indexOf(q),
        ),
    );
    const earlier = controls.find(
      (n) =>
        !n.critical &&
        n.weight === critical?.weight &&
        controls.indexOf(n) < controls.indexOf(critical),
    );
    if (!critical || !earlier) throw new Error('the shipped set has such a pair');
    const dashboard = groupDashboard(
      set,
      groupOf(four),
      stored(
        ...four.map(({ organisation }) =>
          bestExcept(organisation, {
            [critical.id]: { choice: worst(critical) },
            [earlier.id]: { choice: worst(earlier) },
          }),
        ),
      ),
      asOf,
    );
    expect(dashboard.commonGaps.map((g) => g.questionId)).toEqual([critical.id, earlier.id]);
    expect(dashboard.commonGaps[0]?.groupRiskReduction).toBe(
      dashboard.commonGaps[1]?.groupRiskReduction,
    );
  });

  it('takes another threshold when given one', () => {
    const middle = first.options.find((o) => (o.coverage ?? 0) > 0 && (o.coverage ?? 0) < 1);
    if (!middle?.coverage) throw new Error(`${first.id} has a middle option`);
    const members = stored(
      ...four.map(({ organisation }) =>
        bestExcept(organisation, { [first.id]: { choice: middle.id } }),
      ),
    );
    const below = groupDashboard(set, groupOf(four), members, asOf, {
      threshold: middle.coverage + 0.01,
    });
    const atIt = groupDashboard(set, groupOf(four), members, asOf, { threshold: middle.coverage });
    expect(below.commonGaps.map((g) => g.questionId)).toEqual([first.id]);
    expect(below.gapThreshold).toBe(middle.coverage + 0.01);
    expect(atIt.commonGaps).toEqual([]);
  });

  const assessments = twelveSubsidiaries();
  const weights = [5, 1, 2, 1, 3, 1, 1, 4, 1, 2, 1, 1];
  const members = membersOf(assessments).map((member, index) => ({
    ...member,
    weight: weights[index] ?? 1,
  }));
  const dashboard = groupDashboard(set, groupOf(members), storedOf(assessments), asOf);

  it('ranks by the fall of the group risk once the control is fully in place in every member, checked by scoring again', () => {
    expect(dashboard.commonGaps.length).toBeGreaterThan(3);
    const reductions = dashboard.commonGaps.map((g) => g.groupRiskReduction);
    expect(reductions).toEqual([...reductions].sort((a, b) => b - a));
    for (const gap of dashboard.commonGaps.slice(0, 5)) {
      const question = controls.find((q) => q.id === gap.questionId);
      if (!question) throw new Error(gap.questionId);
      // Every member's latest cycle with the control at its best option; not-applicable answers stay.
      const fixed = assessments.map((a) =>
        a.cycle === '2026-Q4' && a.answers[gap.questionId]?.choice !== 'na'
          ? { ...a, answers: { ...a.answers, [gap.questionId]: { choice: best(question) } } }
          : a,
      );
      const after = groupDashboard(set, groupOf(members), storedOf(fixed), asOf);
      expect((dashboard.groupRisk ?? 0) - (after.groupRisk ?? 0)).toBeCloseTo(
        gap.groupRiskReduction,
        10,
      );
    }
  });

  it('rolls the common gaps up into the programmes of the set, largest cut first', () => {
    expect(dashboard.programmes.length).toBeGreaterThan(1);
    const cuts = dashboard.programmes.map((p) => p.groupRiskReduction);
    expect(cuts).toEqual([...cuts].sort((a, b) => b - a));
    for (const programme of dashboard.programmes) {
      const own = dashboard.commonGaps.filter((g) => g.programmeId === programme.id);
      expect(programme.questionIds).toEqual(own.map((g) => g.questionId));
      expect(programme.groupRiskReduction).toBeCloseTo(
        own.reduce((sum, g) => sum + g.groupRiskReduction, 0),
        10,
      );
      expect(programme.title).toBe(set.programmes.find((p) => p.id === programme.id)?.title);
    }
    expect(dashboard.programmes.flatMap((p) => p.questionIds).sort()).toEqual(
      dashboard.commonGaps.map((g) => g.questionId).sort(),
    );
  });

  it('gives each programme the fall of the group risk if all of it were done in every member, checked by scoring again', () => {
    for (const programme of dashboard.programmes) {
      const questions = controls.filter((q) => q.remediation.programme === programme.id);
      // Every member's latest cycle with the programme's controls at their best option.
      const fixed = assessments.map((a) =>
        a.cycle === '2026-Q4'
          ? {
              ...a,
              answers: {
                ...a.answers,
                ...Object.fromEntries(
                  questions
                    .filter((q) => a.answers[q.id]?.choice !== 'na')
                    .map((q) => [q.id, { choice: best(q) }]),
                ),
              },
            }
          : a,
      );
      const after = groupDashboard(set, groupOf(members), storedOf(fixed), asOf);
      expect((dashboard.groupRisk ?? 0) - (after.groupRisk ?? 0)).toBeCloseTo(
        programme.wholeProgrammeReduction,
        10,
      );
      // Its common gaps are part of it.
      expect(programme.wholeProgrammeReduction).toBeGreaterThanOrEqual(
        programme.groupRiskReduction - 1e-9,
      );
    }
  });

  it('counts the members by their own band, the spread behind the mean', () => {
    const byBand = { low: 0, medium: 0, high: 0, critical: 0 };
    for (const { latest } of dashboard.members) if (latest) byBand[latest.band] += 1;
    expect(dashboard.membersByBand).toEqual(byBand);
    expect(Object.values(byBand).reduce((a, b) => a + b, 0)).toBe(12);
  });

  it('keeps a gap whose remediation names no programme among the common gaps only', () => {
    const withoutProgramme: QuestionSet = {
      ...set,
      questions: set.questions.map((q) =>
        q.id === first.id && q.kind === 'control'
          ? { ...q, remediation: { ...q.remediation, programme: undefined } }
          : q,
      ) as QuestionSet['questions'],
    };
    const gaps = groupDashboard(
      withoutProgramme,
      groupOf(four),
      stored(
        ...four.map(({ organisation }) =>
          bestExcept(organisation, { [first.id]: { choice: worst(first) } }),
        ),
      ),
      asOf,
    );
    expect(gaps.commonGaps.map((g) => [g.questionId, g.programmeId])).toEqual([
      [first.id, undefined],
    ]);
    expect(gaps.programmes).toEqual([]);
  });
});

describe('groupDashboard: properties over random members', () => {
  const memberArbitrary = fc.record({
    answers: answersArbitrary(set),
    weight: fc.double({ min: 0.01, max: 1000, noNaN: true, noDefaultInfinity: true }),
  });

  it('keeps the group risk between the lowest and the highest member risk, whatever the weights, and scaling every weight changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(memberArbitrary, { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0.001, max: 1000, noNaN: true, noDefaultInfinity: true }),
        (drawn, scale) => {
          const base = fixtureAssessment('all-best');
          const assessments = drawn.map(({ answers }, index) => ({
            ...base,
            organisation: `Member ${index}`,
            answers,
          }));
          const membersWith = (factor: number) =>
            drawn.map(({ weight }, index) => ({
              organisation: `Member ${index}`,
              scope: base.scope,
              weight: weight * factor,
            }));
          const dashboard = groupDashboard(
            set,
            groupOf(membersWith(1)),
            stored(...assessments),
            asOf,
          );
          const risks = assessments.map((a) => score(set, a).risk);
          expect(dashboard.groupRisk).toBeGreaterThanOrEqual(Math.min(...risks) - 1e-9);
          expect(dashboard.groupRisk).toBeLessThanOrEqual(Math.max(...risks) + 1e-9);

          const scaled = groupDashboard(
            set,
            groupOf(membersWith(scale)),
            stored(...assessments),
            asOf,
          );
          expect(scaled.groupRisk).toBeCloseTo(dashboard.groupRisk ?? NaN, 9);
          expect(scaled.commonGaps.map((g) => g.questionId).sort()).toEqual(
            dashboard.commonGaps.map((g) => g.questionId).sort(),
          );
          scaled.commonGaps.forEach((gap) => {
            const same = dashboard.commonGaps.find((g) => g.questionId === gap.questionId);
            expect(gap.groupRiskReduction).toBeCloseTo(same?.groupRiskReduction ?? NaN, 9);
          });
        },
      ),
      { numRuns: propertyRuns(200) },
    );
  });
});

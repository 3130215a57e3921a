import type { Assessment } from '../assessment/model.ts';
import { subjectIdentity } from '../assessment/identity.ts';
import { cycleSeries, previousCycle } from '../cycles/cycles.ts';
import { plan } from '../planning/plan.ts';
import { controlQuestions } from '../questionSet/coverage.ts';
import { inPlaceCoverage } from '../questionSet/coverageLevels.ts';
import type { QuestionSet } from '../questionSet/schema.ts';
import { bandOf, type Band } from '../scoring/bands.ts';
import { progressOf } from '../scoring/progress.ts';
import { controlsInPlace, score, type ScoreResult } from '../scoring/score.ts';
import { plural } from '../text.ts';
import type { CommonGap, Group, GroupDashboard, GroupProgramme, MemberStanding } from './model.ts';

/** One stored assessment, as the store and the command line hold it. */
export interface StoredAssessment {
  id: string;
  assessment: Assessment;
}

export interface GroupDashboardOptions {
  /**
   * The coverage below which a control counts against a member for the common gaps, from 0 to 1;
   * by default 0.7, the coverage from which a control is in place ("most of the estate").
   */
  threshold?: number;
}

/** A dashboard with a group risk: at least one member has a cycle. Only such a group has a report. */
export type ScoredGroupDashboard = GroupDashboard & { groupRisk: number; groupBand: Band };

export const hasGroupRisk = (dashboard: GroupDashboard): dashboard is ScoredGroupDashboard =>
  dashboard.groupRisk !== null && dashboard.groupBand !== null;

const dayMs = 86_400_000;

/** How many of a member's plan's programmes its standing lists. */
const topProgrammeCount = 3;

/** A member with its latest cycle scored: what the group figures are computed from. */
interface ScoredMember {
  weight: number;
  result: ScoreResult;
  /** Its previous cycle's risk, when it has one: the group's trend is taken over these. */
  previousRisk?: number;
  /** Each programme of its own plan with the points its whole programme cuts. */
  programmeCuts: ReadonlyMap<string, number>;
}

/**
 * Where every member of a group stands on one question set, as of a given day, and what the
 * group has in common: the weighted group risk, the attack chain across the members, and the
 * controls most members lack, rolled up into the plan's programmes. A pure function of its
 * arguments: `asOf` is the only clock it reads.
 */
export function groupDashboard(
  set: QuestionSet,
  group: Group,
  stored: readonly StoredAssessment[],
  asOf: Date,
  options: GroupDashboardOptions = {},
): GroupDashboard {
  const gapThreshold = options.threshold ?? inPlaceCoverage;
  const ofSet = stored.filter((item) => item.assessment.questionSet.id === set.id);
  const scored: ScoredMember[] = [];
  const members = group.members.map((member): MemberStanding => {
    const key = subjectIdentity(member);
    const weight = member.weight ?? 1;
    const own = ofSet.filter((item) => subjectIdentity(item.assessment) === key);
    // Any of them names the series: they share organisation, scope and set.
    const series = own[0] ? cycleSeries(own, own[0].assessment) : [];
    const latest = series.at(-1);
    if (!latest) return { member, key, weight, stale: false };
    const result = score(set, latest.assessment);
    const progress = progressOf(set, latest.assessment.answers);
    const earlier = previousCycle(series, latest.assessment);
    const previousResult = earlier && score(set, earlier.assessment);
    const { programmes } = plan(set, latest.assessment, result);
    scored.push({
      weight,
      result,
      programmeCuts: new Map(programmes.map((p) => [p.id, p.riskReduction])),
      ...(previousResult ? { previousRisk: previousResult.risk } : {}),
    });
    const ageDays = Math.max(
      0,
      Math.floor((asOf.getTime() - Date.parse(latest.assessment.updatedAt)) / dayMs),
    );
    return {
      member,
      key,
      weight,
      latest: {
        assessmentId: latest.id,
        cycle: latest.assessment.cycle,
        updatedAt: latest.assessment.updatedAt,
        risk: result.risk,
        band: result.band,
        unconfirmed: progress.unconfirmed,
        answered: progress.answered,
        visible: progress.visible,
        domains: result.domains.map((d) => ({ domainId: d.domainId, risk: d.risk })),
        unopposed: result.chain.unopposed,
        weakest: result.chain.weakest,
        topProgrammes: programmes
          .slice(0, topProgrammeCount)
          .map((p) => ({ id: p.id, title: p.title, riskReduction: p.riskReduction })),
      },
      ...(earlier && previousResult
        ? {
            previous: {
              cycle: earlier.assessment.cycle,
              risk: previousResult.risk,
              band: previousResult.band,
            },
            change: result.risk - previousResult.risk,
          }
        : {}),
      // Whole days, so that the flag agrees with the age the page shows.
      stale: ageDays > group.staleAfterDays,
      ageDays,
    };
  });

  const groupRisk = weightedMean(scored, (member) => member.result.risk);
  const commonGaps = commonGapsOf(set, scored, gapThreshold);
  const phases = set.phases.map((phase) => ({
    phaseId: phase.id,
    title: phase.title,
    unopposedIn: scored.filter((m) => m.result.chain.unopposed.includes(phase.id)).length,
    criticalGapIn: scored.filter((m) => hasCriticalGap(m.result, phase.id)).length,
    membersWithCycle: scored.length,
  }));
  return {
    group,
    set: { id: set.id, title: set.title, version: set.version },
    asOf: asOf.toISOString().slice(0, 10),
    members,
    groupRisk,
    groupBand: groupRisk === null ? null : bandOf(groupRisk),
    membersByBand: membersByBandOf(scored),
    trend: trendOf(scored),
    method: groupMethod(members, group.staleAfterDays),
    domains: set.domains.map((d) => ({ domainId: d.id, title: d.title })),
    phases,
    weakestPhase: weakestPhaseOf(phases, scored),
    commonGaps,
    programmes: groupProgrammesOf(set, commonGaps, scored),
    gapThreshold,
  };
}

/**
 * A critical control that prevents or detects the phase applies and does not count as in place
 * (below "most of the estate", or its requirements unmet): a phase opposed by one control can
 * still lack the control that matters most.
 */
function hasCriticalGap(result: ScoreResult, phaseId: string): boolean {
  const phase = result.phases.find((p) => p.phaseId === phaseId);
  if (!phase) return false;
  const inPlace = new Set([...phase.preventedBy, ...phase.detectedBy]);
  const critical = new Set(result.questions.filter((q) => q.critical).map((q) => q.questionId));
  return [...phase.preventionControls, ...phase.detectionControls].some(
    (id) => critical.has(id) && !inPlace.has(id),
  );
}

/** Σ weight × value / Σ weight over the scored members; null when there are none. */
function weightedMean(
  members: readonly ScoredMember[],
  value: (member: ScoredMember, index: number) => number,
): number | null {
  const totalWeight = members.reduce((sum, m) => sum + m.weight, 0);
  if (members.length === 0 || totalWeight === 0) return null;
  return members.reduce((sum, m, index) => sum + m.weight * value(m, index), 0) / totalWeight;
}

/** How many members with a cycle are in each band, each by its own band (floors included). */
function membersByBandOf(scored: readonly ScoredMember[]): Record<Band, number> {
  const counts: Record<Band, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const { result } of scored) counts[result.band] += 1;
  return counts;
}

/**
 * The group risk of the members with a previous cycle, then and now, with their own weights: the
 * same members on both sides, so that a member joining or a first cycle does not read as a change.
 */
function trendOf(scored: readonly ScoredMember[]): GroupDashboard['trend'] {
  const both = scored.filter((m) => m.previousRisk !== undefined);
  const before = weightedMean(both, (m) => m.previousRisk ?? 0);
  const now = weightedMean(both, (m) => m.result.risk);
  return before === null || now === null ? null : { members: both.length, before, now };
}

/**
 * How the group risk is worked out, in plain words. Equal weights are said as such even when
 * the group gave them, because the reader then needs no weights to check the figure.
 */
function groupMethod(members: readonly MemberStanding[], staleAfterDays: number): string {
  const withCycle = members.filter((m) => m.latest);
  if (withCycle.length === 0)
    return 'No member has a cycle of this question set yet, so there is no group risk.';
  const weights = new Set(withCycle.map((m) => m.weight));
  const mean =
    weights.size === 1
      ? `The group risk is the mean of the latest risk score of the ${plural(withCycle.length, 'member')} with a cycle of this question set, each counting equally.`
      : `The group risk is the weighted mean of the latest risk score of the ${plural(withCycle.length, 'member')} with a cycle of this question set: each member's risk times its weight, added up and divided by the sum of the weights (a member without a weight counts 1).`;
  const without = members.length - withCycle.length;
  return [
    mean,
    `A member whose latest cycle was last updated more than ${plural(staleAfterDays, 'day')} ago still counts with that cycle, and is flagged as stale.`,
    ...(without > 0
      ? [
          `${plural(without, 'member has', 'members have')} no cycle yet and ${without === 1 ? 'is' : 'are'} left out.`,
        ]
      : []),
    "The group's band is read from the group risk alone; the floors that raise a single assessment's band (a critical gap, nothing that would raise an alert) apply to each member's own band, not to the group's.",
  ].join(' ');
}

/**
 * The phase the most members pass unopposed; ties go to the phase with the fewest controls in
 * place across the group, then to the earlier phase of the chain. Null when no member passes any
 * phase unopposed.
 */
function weakestPhaseOf(
  phases: readonly { phaseId: string; unopposedIn: number }[],
  scored: readonly ScoredMember[],
): string | null {
  const inPlaceAcrossGroup = (phaseId: string) =>
    scored.reduce((sum, m) => {
      const phase = m.result.phases.find((p) => p.phaseId === phaseId);
      return sum + (phase ? controlsInPlace(phase) : 0);
    }, 0);
  const [weakest] = phases
    .map((phase, index) => ({ ...phase, index, inPlace: inPlaceAcrossGroup(phase.phaseId) }))
    .filter((phase) => phase.unopposedIn > 0)
    .sort((a, b) => b.unopposedIn - a.unopposedIn || a.inPlace - b.inPlace || a.index - b.index);
  return weakest?.phaseId ?? null;
}

/**
 * Controls applicable and below the threshold in more than half of the members where they apply,
 * largest group-wide reduction first (ties: critical first, then set order). A member where the
 * control does not apply adds 0 to the reduction but still counts in its denominator: the
 * reduction is the fall of the group risk itself.
 */
function commonGapsOf(
  set: QuestionSet,
  scored: readonly ScoredMember[],
  threshold: number,
): CommonGap[] {
  const controls = controlQuestions(set);
  const byMember = scored.map(
    (m) => new Map(m.result.questions.map((q) => [q.questionId, q] as const)),
  );
  const gaps = controls.flatMap((question, order) => {
    const applicable = byMember.filter((questions) => {
      const coverage = questions.get(question.id)?.coverage;
      return coverage !== undefined && coverage !== null;
    });
    const below = applicable.filter(
      (questions) => (questions.get(question.id)?.coverage ?? 0) < threshold,
    ).length;
    return below * 2 > applicable.length
      ? [{ question, order, below, applicable: applicable.length }]
      : [];
  });
  return gaps
    .map(({ question, order, below, applicable }) => {
      // Where the control does not apply it contributes 0, and the member still counts.
      const reduction =
        weightedMean(scored, (_, index) => byMember[index]?.get(question.id)?.contribution ?? 0) ??
        0;
      const programmeId = question.remediation.programme;
      const gap: CommonGap = {
        questionId: question.id,
        title: question.title,
        critical: question.critical,
        membersBelow: below,
        membersApplicable: applicable,
        groupRiskReduction: reduction,
        ...(programmeId ? { programmeId } : {}),
      };
      return { gap, order };
    })
    .sort(
      (a, b) =>
        b.gap.groupRiskReduction - a.gap.groupRiskReduction ||
        Number(b.gap.critical) - Number(a.gap.critical) ||
        a.order - b.order,
    )
    .map(({ gap }) => gap);
}

/**
 * The common gaps grouped by the programme their remediation belongs to, largest total reduction
 * first (ties: the set's programme order). A gap whose remediation names no programme of the set
 * stays among the common gaps only. Beside it, what the whole programme would cut: every member's
 * own gaps in it, common or not.
 */
function groupProgrammesOf(
  set: QuestionSet,
  gaps: readonly CommonGap[],
  scored: readonly ScoredMember[],
): GroupProgramme[] {
  return set.programmes
    .map((programme, order) => {
      const own = gaps.filter((gap) => gap.programmeId === programme.id);
      return {
        programme: {
          id: programme.id,
          title: programme.title,
          summary: programme.summary,
          questionIds: own.map((gap) => gap.questionId),
          groupRiskReduction: own.reduce((sum, gap) => sum + gap.groupRiskReduction, 0),
          wholeProgrammeReduction:
            weightedMean(scored, (m) => m.programmeCuts.get(programme.id) ?? 0) ?? 0,
        },
        order,
      };
    })
    .filter(({ programme }) => programme.questionIds.length > 0)
    .sort(
      (a, b) =>
        b.programme.groupRiskReduction - a.programme.groupRiskReduction || a.order - b.order,
    )
    .map(({ programme }) => programme);
}

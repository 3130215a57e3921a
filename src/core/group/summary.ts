import type { Band } from '../scoring/bands.ts';
import type { GroupDashboard } from './model.ts';

const round = (value: number, places: number) => Number(value.toFixed(places));
const roundOrNull = (value: number | null | undefined, places: number) =>
  value === null || value === undefined ? null : round(value, places);

/** One member as the group summary lists it; `null` where the member has no cycle (or no earlier one). */
export interface GroupSummaryMember {
  organisation: string;
  scope: string;
  weight: number;
  cycle: string | null;
  updatedAt: string | null;
  risk: number | null;
  band: Band | null;
  previousCycle: string | null;
  previousRisk: number | null;
  previousBand: Band | null;
  change: number | null;
  stale: boolean;
  ageDays: number | null;
  unconfirmed: number | null;
  answered: number | null;
  visible: number | null;
  domains: { id: string; risk: number | null }[];
  unopposed: string[];
  weakest: string[];
  topProgrammes: { id: string; title: string; riskReduction: number }[];
}

/** The JSON `npm run cli -- group` prints (docs/file-formats.md, "Group summary (JSON)"). */
export interface GroupSummary {
  group: string;
  questionSet: { id: string; title: string; version: string };
  asOf: string;
  staleAfterDays: number;
  gapThreshold: number;
  groupRisk: number | null;
  band: Band | null;
  membersByBand: Record<Band, number>;
  trend: { members: number; before: number; now: number } | null;
  method: string;
  members: GroupSummaryMember[];
  phases: {
    id: string;
    title: string;
    unopposedIn: number;
    criticalGapIn: number;
    membersWithCycle: number;
  }[];
  weakestPhase: string | null;
  commonGaps: {
    questionId: string;
    title: string;
    critical: boolean;
    membersBelow: number;
    membersApplicable: number;
    groupRiskReduction: number;
    programme: string | null;
  }[];
  programmes: {
    id: string;
    title: string;
    groupRiskReduction: number;
    wholeProgrammeReduction: number;
    questionIds: string[];
  }[];
}

/**
 * The dashboard as plain JSON for scripts: every figure rounded to two places for reading, the
 * members in the group's order, absent values as null so that every member has every field.
 */
export function groupSummaryJson(dashboard: GroupDashboard): GroupSummary {
  return {
    group: dashboard.group.name,
    questionSet: dashboard.set,
    asOf: dashboard.asOf,
    staleAfterDays: dashboard.group.staleAfterDays,
    gapThreshold: dashboard.gapThreshold,
    groupRisk: roundOrNull(dashboard.groupRisk, 2),
    band: dashboard.groupBand,
    membersByBand: dashboard.membersByBand,
    trend: dashboard.trend && {
      members: dashboard.trend.members,
      before: round(dashboard.trend.before, 2),
      now: round(dashboard.trend.now, 2),
    },
    method: dashboard.method,
    members: dashboard.members.map(
      ({ member, weight, latest, previous, change, stale, ageDays }) => ({
        organisation: member.organisation,
        scope: member.scope,
        weight,
        cycle: latest?.cycle ?? null,
        updatedAt: latest?.updatedAt ?? null,
        risk: roundOrNull(latest?.risk, 2),
        band: latest?.band ?? null,
        previousCycle: previous?.cycle ?? null,
        previousRisk: roundOrNull(previous?.risk, 2),
        previousBand: previous?.band ?? null,
        change: roundOrNull(change, 2),
        stale,
        ageDays: ageDays ?? null,
        unconfirmed: latest?.unconfirmed ?? null,
        answered: latest?.answered ?? null,
        visible: latest?.visible ?? null,
        domains: (latest?.domains ?? []).map((d) => ({
          id: d.domainId,
          risk: roundOrNull(d.risk, 2),
        })),
        unopposed: latest?.unopposed ?? [],
        weakest: latest?.weakest ?? [],
        topProgrammes: (latest?.topProgrammes ?? []).map((p) => ({
          ...p,
          riskReduction: round(p.riskReduction, 2),
        })),
      }),
    ),
    phases: dashboard.phases.map((p) => ({
      id: p.phaseId,
      title: p.title,
      unopposedIn: p.unopposedIn,
      criticalGapIn: p.criticalGapIn,
      membersWithCycle: p.membersWithCycle,
    })),
    weakestPhase: dashboard.weakestPhase,
    commonGaps: dashboard.commonGaps.map((gap) => ({
      questionId: gap.questionId,
      title: gap.title,
      critical: gap.critical,
      membersBelow: gap.membersBelow,
      membersApplicable: gap.membersApplicable,
      groupRiskReduction: round(gap.groupRiskReduction, 2),
      programme: gap.programmeId ?? null,
    })),
    programmes: dashboard.programmes.map((p) => ({
      id: p.id,
      title: p.title,
      groupRiskReduction: round(p.groupRiskReduction, 2),
      wholeProgrammeReduction: round(p.wholeProgrammeReduction, 2),
      questionIds: p.questionIds,
    })),
  };
}

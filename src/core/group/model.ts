import type { Band } from '../scoring/bands.ts';

/**
 * A group of operating companies that one security office oversees: the organisation and scope
 * pairs it holds assessments of, for one question set. The members' assessments are ordinary
 * stored assessments (imported from the subsidiaries' files); the group only names them.
 */
export interface Group {
  /** Random, 12 hex characters; never reused. */
  id: string;
  name: string;
  /** The question set its members answer; the dashboard is per set. */
  setId: string;
  members: GroupMember[];
  /** A member whose latest cycle was last updated longer ago than this is flagged as stale. */
  staleAfterDays: number;
  createdAt: string;
  updatedAt: string;
}

export interface GroupMember {
  organisation: string;
  scope: string;
  /**
   * Its weight in the group risk (subscribers, revenue…); equal (1) when not given. Positive and
   * finite.
   */
  weight?: number;
}

/** The default age after which a member's latest cycle is stale: two quarters. */
export const defaultStaleAfterDays = 180;

/** Where a member stands: its latest cycle, or nothing yet. */
export interface MemberStanding {
  member: GroupMember;
  /** The member's identity (subjectIdentity of its organisation and scope). */
  key: string;
  /** Its weight as used in the group risk (1 when not given). */
  weight: number;
  latest?: MemberCycle;
  previous?: { cycle: string; risk: number; band: Band };
  /** Risk points since the previous cycle (latest − previous); absent without one. */
  change?: number;
  /** The latest cycle was last updated more than `staleAfterDays` before `asOf`. */
  stale: boolean;
  /** Days from the latest cycle's last update to `asOf`. */
  ageDays?: number;
}

export interface MemberCycle {
  /** The stored assessment's id, to open it (drill-down). */
  assessmentId: string;
  cycle: string;
  updatedAt: string;
  risk: number;
  band: Band;
  /** Answers carried over or taken from another set and not confirmed in this cycle. */
  unconfirmed: number;
  answered: number;
  visible: number;
  /** Risk per domain, in the set's domain order; null where no control of the domain applies. */
  domains: { domainId: string; risk: number | null }[];
  /** Phases passed unopposed, in chain order. */
  unopposed: string[];
  /** The three phases with the fewest controls in place. */
  weakest: string[];
  /** Its plan's first programmes (at most three), as its own plan orders them. */
  topProgrammes: { id: string; title: string; riskReduction: number }[];
}

/** A control below the in-place threshold in most members. */
export interface CommonGap {
  questionId: string;
  title: string;
  critical: boolean;
  /** Members whose latest cycle has this control applicable and below the threshold. */
  membersBelow: number;
  /** Members whose latest cycle has this control applicable at all. */
  membersApplicable: number;
  /**
   * Points by which the weighted group risk falls if the control were fully in place in every
   * member: the weighted mean of its contribution to each member's risk.
   */
  groupRiskReduction: number;
  /** The programme of the plan its remediation belongs to, when it has one. */
  programmeId?: string;
}

/** Common gaps rolled up into the plan's programmes: what a group CISO funds centrally. */
export interface GroupProgramme {
  id: string;
  title: string;
  summary: string;
  /** Its common gaps, largest reduction first. */
  questionIds: string[];
  /** The sum of its common gaps' group risk reductions. */
  groupRiskReduction: number;
  /**
   * Points by which the group risk falls if the whole programme were done in every member (each
   * member's own gaps in it, common or not): the weighted mean of the cut of that programme in
   * each member's plan, 0 where it has none.
   */
  wholeProgrammeReduction: number;
}

export interface GroupDashboard {
  group: Group;
  set: { id: string; title: string; version: string };
  /** The day the standings and staleness are reckoned at, YYYY-MM-DD. */
  asOf: string;
  /** In the group's member order. */
  members: MemberStanding[];
  /** The weighted mean of the members' latest risk; null when no member has a cycle. */
  groupRisk: number | null;
  /** The band of `groupRisk` by the number alone (no floors: they belong to one assessment). */
  groupBand: Band | null;
  /** Members with a cycle by their own band (each with its floors), for the spread behind the mean. */
  membersByBand: Record<Band, number>;
  /**
   * The group risk of the members that have a previous cycle, over their previous and their
   * latest cycles (same members, same weights); null when none has a previous cycle.
   */
  trend: { members: number; before: number; now: number } | null;
  /** How the group risk is worked out, in one or two plain sentences for the page and the PDF. */
  method: string;
  /** The heat map's columns, in the set's order. */
  domains: { domainId: string; title: string }[];
  /** Per phase, in chain order: how many members with a cycle pass it unopposed. */
  phases: {
    phaseId: string;
    title: string;
    unopposedIn: number;
    /**
     * Members with a cycle where a critical control that prevents or detects the phase applies and
     * is not in place: opposed or not, the phase lacks what matters most there.
     */
    criticalGapIn: number;
    membersWithCycle: number;
  }[];
  /** The phase the most members pass unopposed (ties: the fewest controls in place group-wide, then chain order); null when none is unopposed anywhere. */
  weakestPhase: string | null;
  /**
   * The coverage below which a control counts against a member for the common gaps (0.7, "most
   * of the estate", unless the caller chose another): kept so the page and the PDF state the rule
   * they applied.
   */
  gapThreshold: number;
  commonGaps: CommonGap[];
  programmes: GroupProgramme[];
}

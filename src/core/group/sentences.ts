import { bandLabel } from '../scoring/bands.ts';
import { formatPoints, formatRisk, shownChange } from '../format.ts';
import { plural, signed } from '../text.ts';
import type { GroupDashboard } from './model.ts';

/**
 * The sentences the group page and the group report both say about the spread behind the mean and
 * the group's trend, written once so that the two say the same.
 */

const bandsHighFirst = ['critical', 'high', 'medium', 'low'] as const;

/** "1 Critical, 8 High, 0 Medium, 3 Low": the members' own bands behind the mean. */
export const bandSpread = (dashboard: Pick<GroupDashboard, 'membersByBand'>): string =>
  bandsHighFirst.map((band) => `${dashboard.membersByBand[band]} ${bandLabel[band]}`).join(', ');

const membersWithCycle = (dashboard: Pick<GroupDashboard, 'membersByBand'>) =>
  Object.values(dashboard.membersByBand).reduce((sum, count) => sum + count, 0);

/** "9 of 12 members are High or Critical by their own band (1 Critical, 8 High, 0 Medium, 3 Low)." */
export function bandSpreadSentence(dashboard: Pick<GroupDashboard, 'membersByBand'>): string {
  const { high, critical } = dashboard.membersByBand;
  const atLeastHigh = high + critical;
  return `${atLeastHigh} of ${plural(membersWithCycle(dashboard), 'member')} ${atLeastHigh === 1 ? 'is' : 'are'} High or Critical by their own band (${bandSpread(dashboard)}).`;
}

/** How the group risk of the members with an earlier cycle moved from those cycles to the latest. */
export function groupTrendSentence(
  dashboard: Pick<GroupDashboard, 'membersByBand' | 'trend'>,
): string {
  const { trend } = dashboard;
  if (!trend)
    return 'No member has an earlier cycle of this question set: the group trend starts with these cycles.';
  const all = membersWithCycle(dashboard);
  const who =
    trend.members === all
      ? `the ${plural(trend.members, 'member')}`
      : `the ${trend.members} of ${all} members`;
  const [before, now] = [formatRisk(trend.before), formatRisk(trend.now)];
  const move =
    before === now
      ? `stayed at ${now}`
      : `${trend.now < trend.before ? 'fell' : 'rose'} from ${before} to ${now} (${signed(shownChange(trend.before, trend.now), formatPoints)} points)`;
  return `Over ${who} with an earlier cycle, counted with the same weights, the group risk ${move} from their previous cycle to their latest.`;
}

/** The members whose latest cycle holds answers nobody has confirmed yet, in the group's order. */
export const unconfirmedMembers = (dashboard: Pick<GroupDashboard, 'members'>) =>
  dashboard.members.filter((standing) => (standing.latest?.unconfirmed ?? 0) > 0);

/**
 * The warning about unconfirmed answers, around the members' names: "2 members have answers …
 * not yet confirmed (" + names + "): their scores may change when they are."
 */
export function unconfirmedSentence(count: number): { lead: string; tail: string } {
  return {
    lead: `${plural(count, 'member has', 'members have')} answers carried over or taken from another set and not yet confirmed`,
    tail: `${count === 1 ? 'its score' : 'their scores'} may change when they are.`,
  };
}

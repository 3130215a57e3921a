import { subjectIdentity } from '../assessment/identity.ts';
import { clipText, textLimits } from '../assessment/limits.ts';
import type { GroupMember } from './model.ts';

/**
 * What a group may hold, and how a change is brought within it. Apart from the group's schema
 * (schema.ts) so that the store, which the first page loads, tidies a change without loading zod.
 * Whatever these functions give passes the schema, so that a group the app saves is one it reads.
 */
export const groupLimits = {
  /** A group is named as an organisation is. */
  name: textLimits.organisation,
  /** The longest id of a question set. */
  setId: 40,
  /** Far beyond the largest operator group (tens of companies); the dashboard is timed at 40. */
  maxMembers: 1_000,
  /** One day to ten years, the range of the settings' evidence age. */
  staleAfterDays: { min: 1, max: 3_650 },
} as const;

/** The name of a group whose name was left blank (the command line names its groups so too). */
export const defaultGroupName = 'Group';

/** A weight the group risk can use: a number greater than 0 and finite. */
export const isUsableWeight = (weight: number | undefined): weight is number =>
  weight !== undefined && Number.isFinite(weight) && weight > 0;

/** A group's name clipped to its limit; the default name when it is blank. */
export function tidyGroupName(name: string): string {
  const clipped = clipText(name, 'organisation');
  return clipped.trim() === '' ? defaultGroupName : clipped;
}

/** A whole number of days within the limits; undefined for what is no number of days at all. */
export function tidyStaleAfterDays(days: number): number | undefined {
  if (!Number.isFinite(days)) return undefined;
  const { min, max } = groupLimits.staleAfterDays;
  return Math.min(max, Math.max(min, Math.round(days)));
}

/**
 * Members as a group keeps them: names clipped to an assessment's limits, one without an
 * organisation left out, a weight kept only when usable (else the member counts equally), each
 * organisation and scope once (subjectIdentity: the first spelling wins), at most `maxMembers`.
 */
export function tidyMembers(members: readonly GroupMember[]): GroupMember[] {
  const kept = new Map<string, GroupMember>();
  for (const member of members) {
    if (kept.size >= groupLimits.maxMembers) break;
    const organisation = clipText(member.organisation, 'organisation');
    const scope = clipText(member.scope, 'scope');
    const key = subjectIdentity({ organisation, scope });
    if (organisation.trim() === '' || kept.has(key)) continue;
    kept.set(
      key,
      isUsableWeight(member.weight)
        ? { organisation, scope, weight: member.weight }
        : { organisation, scope },
    );
  }
  return [...kept.values()];
}

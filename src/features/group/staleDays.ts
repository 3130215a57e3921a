import { groupLimits } from '../../core/group/limits.ts';

const { min, max } = groupLimits.staleAfterDays;

/** Why a typed age for stale is refused, in plain words; undefined when it is a usable one. */
export function staleDaysProblem(typed: string): string | undefined {
  const days = Number(typed.trim());
  if (typed.trim() === '' || !Number.isInteger(days) || days < min || days > max)
    return `Give a whole number of days from ${min} to ${max.toLocaleString('en')}, such as 180 for two quarters.`;
  return undefined;
}

/**
 * How many cases a property or fuzz test runs: every one in `npm run check`, which CI runs (it sets
 * CELLGUARD_FULL_PROPERTIES=1), a quarter in `npm test`, which a developer runs after each change
 * and which must stay under a minute. The quarter still finds what the full run finds in practice;
 * the full run is the guarantee.
 */
export function propertyRuns(full: number): number {
  return process.env.CELLGUARD_FULL_PROPERTIES === '1' ? full : Math.max(25, Math.ceil(full / 4));
}

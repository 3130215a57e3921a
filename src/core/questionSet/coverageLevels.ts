// Kept apart from the zod schemas so that scoring and the report (the PDF worker) load no zod.

/** The coverage every "logged, but nobody is alerted" option gets (docs/question-authoring.md). */
export const loggedNotAlertedCoverage = 0.3;

/**
 * A control counts as in place, for the critical-control floor, the attack chain and the plan's
 * dependencies, from this coverage on: "in place across most (at least 75 %) of the estate".
 */
export const inPlaceCoverage = 0.7;

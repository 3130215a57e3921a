// Kept apart from the zod schemas of the set: an assessment file checks its question ids with this
// pattern, and the app reads assessment files without loading the question-set schemas.

/** A question's id: two to five capitals, a hyphen, two or three digits ("EXP-01"). */
export const questionIdPattern = /^[A-Z]{2,5}-\d{2,3}$/;

/** What the first field of every assessment file says it is. */
export const assessmentFormat = 'cellguard-assessment';
/** The file format this version writes; older ones are upgraded on reading. */
export const currentFormatVersion = 6 as const;
export const readableFormatVersions: readonly number[] = [1, 2, 3, 4, 5, 6];

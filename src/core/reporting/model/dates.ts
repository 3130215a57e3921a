/**
 * The one date format of the report ("26 November 2026"), for a date and time or a YYYY-MM-DD
 * date alike, in UTC so that a due date is the same day wherever the report is made.
 */
export const longDate = (date: Date): string =>
  date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** A stored date (YYYY-MM-DD) or timestamp in the report's one date format. */
export const reportDate = (value: string): string => {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : longDate(date);
};

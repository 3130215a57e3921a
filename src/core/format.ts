/** Display formats shared by the browser and the PDF, so both show the same numbers. */

export const formatRisk = (risk: number): string => risk.toFixed(1);

export const formatPoints = (points: number): string => points.toFixed(1);

/**
 * A move between two risks as shown beside them: the difference of the rounded figures, so that
 * "from 47.3 to 44.2" reads −3.1, as the reader works it out, not the −3.0 of the exact figures.
 */
export const shownChange = (before: number, after: number): number =>
  Number(formatRisk(after)) - Number(formatRisk(before));

/**
 * A control's coverage, 0 to 1, as "0.85": never as a percentage, which a reader would take for a
 * share of systems or a chance.
 */
export const formatCoverage = (coverage: number): string => coverage.toFixed(2);

/** "31 Jan 2027"; a YYYY-MM-DD date is that day wherever the browser is. */
export const formatDate = (iso: string): string => {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-GB', {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        ...(dateOnly ? { timeZone: 'UTC' } : {}),
      });
};

export const formatDateTime = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      });
};

export const horizonLabel: Readonly<Record<string, string>> = {
  '0-30': '0-30 days',
  '31-90': '31-90 days',
  '91-180': '91-180 days',
};

export const effortLabel: Readonly<Record<string, string>> = {
  S: 'Small',
  M: 'Medium',
  L: 'Large',
};

/** "0-30 days", or "31-90 to 91-180 days" for a span of horizons. */
export const horizonSpan = (first: string, last: string): string =>
  first === last ? (horizonLabel[first] ?? first) : `${first} to ${horizonLabel[last] ?? last}`;

/** A size for people: "840 KB", "3.2 MB", "12 GB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  // Number() drops a trailing ".0": "12 GB", not "12.0 GB".
  return `${Number(value.toFixed(digits))} ${units[unit]}`;
}

/**
 * Cycle labels: "2026-Q4" for a quarterly run, "2026-H2" for a half-yearly one, "2026" for a
 * yearly one. Only these are accepted for a new or edited assessment, so that cycles sort, the
 * next one can be proposed, and two spellings of one quarter cannot make two assessments.
 */

export type Cadence = 'quarter' | 'half' | 'year';

export interface Cycle {
  year: number;
  cadence: Cadence;
  /** The quarter (1-4) or half (1-2); 1 for a year. */
  part: number;
}

export const cadenceLabel: Readonly<Record<Cadence, string>> = {
  quarter: 'Quarterly (2026-Q4)',
  half: 'Half-yearly (2026-H2)',
  year: 'Yearly (2026)',
};

const cyclePattern = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/;

/** The cycle a label names, or undefined when it is not one of the three forms. */
export function parseCycle(label: string): Cycle | undefined {
  const match = cyclePattern.exec(label.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const period = match[2];
  if (!period) return { year, cadence: 'year', part: 1 };
  return { year, cadence: period[0] === 'Q' ? 'quarter' : 'half', part: Number(period[1]) };
}

export function cycleText(cycle: Cycle): string {
  if (cycle.cadence === 'year') return String(cycle.year);
  return `${cycle.year}-${cycle.cadence === 'quarter' ? 'Q' : 'H'}${cycle.part}`;
}

const partsPerYear: Readonly<Record<Cadence, number>> = { quarter: 4, half: 2, year: 1 };

/** The same cadence's next period: 2026-Q4 → 2027-Q1, 2026-H1 → 2026-H2, 2026 → 2027. */
export function followingCycle(cycle: Cycle): Cycle {
  return cycle.part === partsPerYear[cycle.cadence]
    ? { ...cycle, year: cycle.year + 1, part: 1 }
    : { ...cycle, part: cycle.part + 1 };
}

/** The current period of a cadence: 26 November 2026 is 2026-Q4, 2026-H2 or 2026. */
export function cycleOfDate(date: Date, cadence: Cadence): Cycle {
  const month = date.getMonth();
  const part =
    cadence === 'quarter'
      ? Math.floor(month / 3) + 1
      : cadence === 'half'
        ? Math.floor(month / 6) + 1
        : 1;
  return { year: date.getFullYear(), cadence, part };
}

/** Month (1-12) in which a period ends: what orders a quarter against a half-year or a year. */
const endMonth = (cycle: Cycle): number => (12 / partsPerYear[cycle.cadence]) * cycle.part;

/**
 * Orders two cycle labels by when their period ends; a shorter period ending in the same month
 * comes first (2026-Q4 before 2026-H2 before 2026). Labels that are not cycles (left by an older
 * version) sort after the real ones, by text. Negative when a comes first.
 */
export function compareCycles(a: string, b: string): number {
  const first = parseCycle(a);
  const second = parseCycle(b);
  if (!first || !second) {
    if (first) return -1;
    if (second) return 1;
    return a.trim().localeCompare(b.trim());
  }
  return (
    first.year - second.year ||
    endMonth(first) - endMonth(second) ||
    partsPerYear[second.cadence] - partsPerYear[first.cadence]
  );
}

/**
 * The problem with a label typed as a cycle, in plain words, or undefined when it is one.
 * "Q4 2026" and "2026 Q4" are recognised and the right spelling is proposed.
 */
export function cycleProblem(label: string): string | undefined {
  const text = label.trim();
  if (text === '') return 'Enter the cycle, such as 2026-Q4.';
  if (parseCycle(text)) return undefined;
  const suggestion = suggestCycleSpelling(text);
  return suggestion
    ? `Write the cycle as ${suggestion}.`
    : 'Write the cycle as a quarter (2026-Q4), a half-year (2026-H2) or a year (2026).';
}

/** "Q4 2026", "2026 q4", "2026/Q4" and "H2-2026" as the label they mean, when they mean one. */
export function suggestCycleSpelling(text: string): string | undefined {
  const compact = text
    .trim()
    .toUpperCase()
    .replace(/[\s/_.-]+/g, ' ');
  const match =
    /^(?<year>\d{4}) ?(?<kind>[QH])(?<part>[1-4])$/.exec(compact) ??
    /^(?<kind>[QH])(?<part>[1-4]) ?(?<year>\d{4})$/.exec(compact);
  const groups = match?.groups;
  if (!groups) return undefined;
  const label = `${groups.year}-${groups.kind}${groups.part}`;
  return parseCycle(label) ? label : undefined;
}

/** Small text helpers shared by the page, the PDF and the command line. */

export const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

export const fromBase64 = (text: string): Uint8Array =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** "+2.5", "−1.0", "±0.0": a change with its sign, the magnitude in the given format. */
export const signed = (value: number, format: (magnitude: number) => string): string =>
  `${value > 0 ? '+' : value < 0 ? '−' : '±'}${format(Math.abs(value))}`;

/** "1 gap", "3 gaps"; the plural form when it is not the noun plus s. */
export const plural = (count: number, noun: string, pluralNoun = `${noun}s`): string =>
  `${count} ${count === 1 ? noun : pluralNoun}`;

/** "a", "a and b", "a, b and c". */
export const listJoin = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** "Example Mobile · Mobile core · 2026-Q4": how an assessment is named in lists; no empty scope. */
export const assessmentTitle = (assessment: {
  organisation: string;
  scope: string;
  cycle: string;
}): string =>
  [assessment.organisation, assessment.scope, assessment.cycle].filter(Boolean).join(' · ');

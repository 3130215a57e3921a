export type Band = 'low' | 'medium' | 'high' | 'critical';

/** Lower bound of each band on the 0-100 risk scale; documented in docs/methodology.md. */
export const bandThresholds: Readonly<Record<Band, number>> = {
  low: 0,
  medium: 25,
  high: 50,
  critical: 75,
};

export const bandOrder: readonly Band[] = ['low', 'medium', 'high', 'critical'];

export function bandOf(risk: number): Band {
  if (risk >= bandThresholds.critical) return 'critical';
  if (risk >= bandThresholds.high) return 'high';
  if (risk >= bandThresholds.medium) return 'medium';
  return 'low';
}

/** What each band says about the operator, worded so that no chain statement can contradict it. */
export const bandMeaning: Readonly<Record<Band, string>> = {
  low: 'The controls against this intrusion pattern are largely in place, every critical control among them.',
  medium:
    'Many controls are in place and every critical control covers most of the estate, but gaps remain that an intruder of this kind could use.',
  high: 'Real gaps remain across the board: the defences against this intrusion pattern are incomplete in several phases.',
  critical:
    'Most controls against this intrusion pattern are missing: an intruder of this kind would meet little resistance on its way to the call records.',
};

export const bandLabel: Readonly<Record<Band, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

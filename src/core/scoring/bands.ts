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

export const bandMeaning: Readonly<Record<Band, string>> = {
  low: 'An intrusion like Soft Cell would very likely be stopped or caught early.',
  medium: 'Most of the attack chain is covered, but gaps remain that a determined actor could use.',
  high: 'An intrusion like Soft Cell would probably succeed in several phases before being noticed.',
  critical: 'An intrusion like Soft Cell would likely reach the call detail records unhindered.',
};

export const bandLabel: Readonly<Record<Band, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

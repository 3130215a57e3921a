import { formatPoints } from '../format.ts';
import { signed } from '../text.ts';

/** Whether a move is for the better, for the worse, or none; colours follow it (green, red, grey). */
export type Direction = 'better' | 'worse' | 'same';

const asShown = (points: number) => Number(formatPoints(points));

/** Lower risk is better. Judged at the one decimal shown, so that "±0.0" is never called a move. */
export function riskDirection(points: number): Direction {
  const shown = asShown(points);
  return shown < 0 ? 'better' : shown > 0 ? 'worse' : 'same';
}

/** A move in risk points as shown: "−1.9", "+0.4", "±0.0" (never "−0.0"). */
export const pointsMove = (points: number): string => signed(asShown(points), formatPoints);
